/**
 * Extraction: from a scraped page to clean text, metadata and labelled boilerplate.
 *
 * <p>{@link org.parallax.ingest.extract.TextCleaner} cleans scraped plain text line by line: it
 * removes donation widgets, share prompts, teasers, legal footers, taxonomy, captions, related
 * headlines in another script and stray inline tags, and reads the page's own title, byline,
 * dateline and signature lines into {@link org.parallax.core.model.Metadata}. {@link
 * org.parallax.ingest.extract.HtmlExtractor} finds the main text of an HTML page and its metadata
 * tags, then hands the text to the cleaner. {@link org.parallax.ingest.extract.Dates} reads the
 * date formats news sites print. {@link org.parallax.ingest.extract.Extractor} builds the {@link
 * org.parallax.core.model.Document}. Nothing is dropped silently: every removed region becomes a
 * {@link org.parallax.ingest.extract.Boilerplate} with its kind and the offset where it stood. The
 * rules are about the shape and place of a line, never about one site. {@link
 * org.parallax.ingest.extract.ExtractionLimits} bound what one page may cost (markup depth, text
 * length), and {@link org.parallax.ingest.extract.TextQuality} flags text that was decoded wrongly.
 */
package org.parallax.ingest.extract;
