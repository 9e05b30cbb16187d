/**
 * JMH benchmarks on the shared data sets: {@link org.parallax.bench.ExtractionBenchmark} (article
 * extraction, Parallax against Readability4J) and {@link org.parallax.bench.TechniquesBenchmark}
 * (persuasion-technique analysis against the bare encoder).
 *
 * <p>They read their inputs at setup time from the directory named by the system property {@code
 * parallax.shared} (default {@code ../shared}) and fail at once when it is absent. The build only
 * compiles them; how to run them, and the figures measured, are in {@code docs/BENCHMARKS.md},
 * section JMH.
 */
package org.parallax.bench;
