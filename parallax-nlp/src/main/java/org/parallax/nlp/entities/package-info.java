/**
 * Named entities: CoreNLP's NER over Latin-script paragraphs (German, French and Spanish models for
 * those languages, English for the rest), and canonical names within a document (titles and
 * possessives stripped, short forms and spelling variants merged into the most frequent full form).
 * Corpus-wide names are resolved in {@code org.parallax.corpus.names}.
 */
package org.parallax.nlp.entities;
