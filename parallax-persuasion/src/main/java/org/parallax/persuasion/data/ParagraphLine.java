package org.parallax.persuasion.data;

import java.util.Objects;
import org.parallax.core.model.Span;

/**
 * One scored paragraph of a SemEval-2023 Task 3 article: a line of the file that is not blank.
 *
 * @param line 1-based line number as the label and template files write it; blank lines are counted
 *     but never scored, so the numbers of scored lines have gaps
 * @param begin char offset in the article text where the line starts
 * @param end char offset where it ends, before its line break
 * @param content the line's text, {@code text.substring(begin, end)}
 */
public record ParagraphLine(int line, int begin, int end, String content) {

  public ParagraphLine {
    Objects.requireNonNull(content, "content");
    if (line < 1) {
      throw new IllegalArgumentException("line numbers start at 1, got " + line);
    }
    if (begin < 0 || end < begin || end - begin != content.length()) {
      throw new IllegalArgumentException(
          "line " + line + ": [" + begin + ", " + end + ") does not fit its content");
    }
  }

  /** The line's extent in char offsets. */
  public Span span() {
    return new Span(begin, end);
  }
}
