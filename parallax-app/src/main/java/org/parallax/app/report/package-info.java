/**
 * The static HTML report: an overview page of the corpus, one page per article, and, from the
 * stored corpus results, a page per story comparing its outlets side by side, a page per outlet,
 * the duplicate groups with word diffs and the talking points with their carriers — all
 * self-contained files that open from disk without a server or a network.
 *
 * <p>{@link org.parallax.app.report.ReportWriter} writes the report to a folder; {@link
 * org.parallax.app.report.ReportSite} holds the same pages by path for {@code parallax serve},
 * which renders them on request and adds a search page; {@link
 * org.parallax.app.report.CorpusResults} carries the stored corpus results to both. Article text
 * and corpus results are untrusted, so every value is HTML-escaped and each page carries a
 * Content-Security-Policy that forbids loading anything from elsewhere. Highlights in the article
 * text are built from a sweep over span boundaries so that overlapping annotations still give
 * well-nested markup. Documents are read once; the corpus pages are written after the article pages
 * from small per-article summaries.
 */
package org.parallax.app.report;
