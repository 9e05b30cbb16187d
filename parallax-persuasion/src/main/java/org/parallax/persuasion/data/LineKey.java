package org.parallax.persuasion.data;

import java.util.Comparator;

/**
 * One scored paragraph of SemEval-2023 Task 3 subtask 3: an article id and a 1-based line number as
 * the label and template files write them.
 */
public record LineKey(String articleId, int line) implements Comparable<LineKey> {

  private static final Comparator<LineKey> ORDER =
      Comparator.comparing(LineKey::articleId, ArticleIds.ORDER).thenComparingInt(LineKey::line);

  public LineKey {
    if (articleId == null || articleId.isEmpty()) {
      throw new IllegalArgumentException("line key without an article id");
    }
    if (line < 1) {
      throw new IllegalArgumentException(
          "line numbers start at 1, got " + line + " in article " + articleId);
    }
  }

  /** By article (numerically for numeric ids), then line. */
  @Override
  public int compareTo(LineKey other) {
    return ORDER.compare(this, other);
  }
}
