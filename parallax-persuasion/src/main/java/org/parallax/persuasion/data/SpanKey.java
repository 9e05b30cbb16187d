package org.parallax.persuasion.data;

import java.util.Comparator;

/**
 * A fragment of one article in code-point offsets, the unit a technique classification (TC) label
 * is attached to. Several labels can share one key when annotators gave one fragment several
 * techniques.
 */
public record SpanKey(String articleId, int begin, int end) implements Comparable<SpanKey> {

  private static final Comparator<SpanKey> ORDER =
      Comparator.comparing(SpanKey::articleId, ArticleIds.ORDER)
          .thenComparingInt(SpanKey::begin)
          .thenComparingInt(SpanKey::end);

  public SpanKey {
    if (articleId == null || articleId.isEmpty()) {
      throw new IllegalArgumentException("span key without an article id");
    }
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "bad span [" + begin + ", " + end + ") in article " + articleId);
    }
  }

  /** By article (numerically for numeric ids), then begin, then end. */
  @Override
  public int compareTo(SpanKey other) {
    return ORDER.compare(this, other);
  }
}
