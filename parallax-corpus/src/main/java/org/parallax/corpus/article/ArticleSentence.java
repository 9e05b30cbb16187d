package org.parallax.corpus.article;

/**
 * A sentence of an {@link Article}.
 *
 * @param vector its L2-normalised embedding, or {@code null} when the encoder did not run
 */
public record ArticleSentence(int begin, int end, float[] vector) {

  /** The sentence's text in {@code article}. */
  public String text(Article article) {
    return article.text().substring(begin, end);
  }
}
