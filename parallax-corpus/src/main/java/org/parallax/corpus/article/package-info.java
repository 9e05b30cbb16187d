/**
 * The view of an analysed document that corpus stages work on: text, sentences with embeddings,
 * entity mentions and quotes as plain values, independent of the annotator modules.
 */
package org.parallax.corpus.article;
