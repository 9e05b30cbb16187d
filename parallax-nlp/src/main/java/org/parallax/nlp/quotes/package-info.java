/**
 * Who is reported to have said what: direct quotes in quotation marks and reported speech, each
 * with its speaker and the cue that introduces it.
 *
 * <p>{@link org.parallax.nlp.quotes.QuoteAnnotator} attributes quotes with fast rules over the
 * sentence, token and entity layers: a cue word from {@link org.parallax.nlp.quotes.CueLexicon}
 * next to a named entity or a short noun phrase, with an optional appositive between them, and
 * pronouns resolved to the nearest earlier compatible speaker. It needs no parser and no
 * coreference model, which keeps it well under a millisecond per article. With {@code
 * attribution=corenlp}, Stanford CoreNLP's quote annotator with coreference re-attributes the
 * direct quotes of English articles (one to a few seconds per article); reported speech is always
 * found by the rules.
 */
package org.parallax.nlp.quotes;
