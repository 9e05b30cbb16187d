/**
 * Corpus-wide names: the per-document canonical names of people, organisations and places resolved
 * to one canonical name per referent across all documents, so that spelling variants
 * ("Qasem"/"Qassem") and short forms ("Soleimani") from different outlets count as one.
 *
 * <p>Works on plain strings so that it needs nothing but parallax-core; the annotator in
 * parallax-nlp applies the same rules inside one document.
 */
package org.parallax.corpus.names;
