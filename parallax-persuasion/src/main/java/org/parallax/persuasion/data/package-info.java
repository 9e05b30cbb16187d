/**
 * Readers and writers for the two persuasion-technique datasets, faithful to how their official
 * tools count: SemEval-2020 Task 11, the Propaganda Techniques Corpus ({@link
 * org.parallax.persuasion.data.PtcCorpus}), and SemEval-2023 Task 3 subtask 3 ({@link
 * org.parallax.persuasion.data.SemEval2023Corpus}).
 *
 * <p>Files are read raw: bytes decoded as UTF-8 with no newline normalisation, a leading byte order
 * mark kept as {@code U+FEFF}. Both datasets give offsets in Unicode code points of that raw text
 * (so {@code \r\n} counts as two and a character outside the Basic Multilingual Plane as one);
 * {@link org.parallax.persuasion.data.GoldSpan} keeps those code-point offsets as the files give
 * them, while {@link org.parallax.persuasion.data.LabelledSpan} and {@link
 * org.parallax.persuasion.data.ParagraphLine} are in Java {@code char} offsets, the unit of {@link
 * org.parallax.core.model.Span}. {@link org.parallax.persuasion.data.CodePoints} converts between
 * the two.
 */
package org.parallax.persuasion.data;
