/**
 * Named entities: CoreNLP's English NER over Latin-script paragraphs, and canonical names within a
 * document (titles and possessives stripped, short forms and spelling variants merged into the most
 * frequent full form). Corpus-wide names are resolved in {@code org.parallax.corpus.names}.
 */
package org.parallax.nlp.entities;
