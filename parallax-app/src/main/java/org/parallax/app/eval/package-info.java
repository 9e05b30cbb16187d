/**
 * Evaluation: {@code parallax eval ...} measures Parallax on labelled data it did not write, with
 * the published benchmarks' own metrics, side by side with reference systems in the same run.
 *
 * <p>{@link org.parallax.app.eval.ShingleMetric} is the article-extraction benchmark's metric
 * (4-gram shingle precision and recall per page, averaged over pages). {@link
 * org.parallax.app.eval.BenchmarkPages} reads a benchmark directory, {@link
 * org.parallax.app.eval.ExtractionEvaluation} runs every extractor over the same pages and times
 * it, and {@link org.parallax.app.eval.EvalCommand} is the command line.
 */
package org.parallax.app.eval;
