/**
 * The static HTML report: an overview page of the corpus and one page per article, written as
 * self-contained files that open from disk without a server or a network.
 *
 * <p>{@link org.parallax.app.report.ReportWriter} is the only entry point. Article text is
 * untrusted, so every value is HTML-escaped and each page carries a Content-Security-Policy that
 * forbids loading anything from elsewhere. Highlights in the article text are built from a sweep
 * over span boundaries so that overlapping annotations still give well-nested markup.
 */
package org.parallax.app.report;
