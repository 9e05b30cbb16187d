package org.parallax.persuasion.data;

/**
 * One fragment to classify from a SemEval-2020 Task 11 TC template ({@code
 * <id>\t?\t<begin>\t<end>}), in code points of the raw article. A fragment that carries several
 * gold techniques appears once per technique.
 */
public record TcTemplateLine(String articleId, int begin, int end) {

  public TcTemplateLine {
    if (articleId == null || articleId.isEmpty()) {
      throw new IllegalArgumentException("template line without an article id");
    }
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "bad span [" + begin + ", " + end + ") in article " + articleId);
    }
  }

  /** The fragment as a scoring key. */
  public SpanKey key() {
    return new SpanKey(articleId, begin, end);
  }
}
