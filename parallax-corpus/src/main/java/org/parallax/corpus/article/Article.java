package org.parallax.corpus.article;

import java.util.List;

/**
 * What the corpus stages see of one analysed document: plain values taken from its layers, so the
 * stages depend on no annotator module. Offsets are Java char offsets into {@link #text}.
 *
 * @param id the document id (content hash)
 * @param outlet the outlet, or {@code null} when unknown
 * @param url the page URL, or {@code null}
 * @param published ISO-8601 date or date-time, or {@code null} when the page states none
 * @param language ISO 639-1 code, {@code und} when unknown
 * @param title the title, or {@code null}
 * @param text the clean text
 * @param sentences sentences in order, each with its embedding when the encoder ran
 * @param vector the document embedding (L2-normalised), or {@code null} when the encoder did not
 *     run
 * @param mentions named-entity mentions with their corpus-wide canonical names
 * @param quotes direct and reported quotes with their speakers
 */
public record Article(
    String id,
    String outlet,
    String url,
    String published,
    String language,
    String title,
    String text,
    List<ArticleSentence> sentences,
    float[] vector,
    List<ArticleMention> mentions,
    List<ArticleQuote> quotes) {

  public Article {
    sentences = List.copyOf(sentences);
    mentions = List.copyOf(mentions);
    quotes = List.copyOf(quotes);
  }
}
