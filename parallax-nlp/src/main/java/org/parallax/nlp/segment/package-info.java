/**
 * Segmentation: paragraphs, sentences and tokens of the clean text, with exact char offsets.
 *
 * <p>Latin-script paragraphs go through CoreNLP's tokenizer and sentence splitter; other scripts
 * (Arabic, Cyrillic, CJK) through {@link java.text.BreakIterator} with a locale for the script.
 */
package org.parallax.nlp.segment;
