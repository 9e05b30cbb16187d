package org.parallax.persuasion.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One article of SemEval-2023 Task 3 subtask 3 with the lines that the task scores.
 *
 * @param id the article id, from {@code article<id>.txt}
 * @param lang the language folder it came from ({@code en}, {@code fr}, {@code ge}, {@code it},
 *     {@code po}, {@code ru})
 * @param text the raw file content: CRLF line ends and a byte order mark kept, as the span offsets
 *     count them
 * @param lines the non-blank lines in file order, numbered as in the label files
 */
public record SemEval2023Article(String id, String lang, String text, List<ParagraphLine> lines) {

  public SemEval2023Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(text, "text");
    lines = List.copyOf(lines);
    for (ParagraphLine line : lines) {
      if (line.end() > text.length()) {
        throw new IllegalArgumentException(
            "line " + line.line() + " of article " + id + " lies past the end of its text");
      }
    }
  }

  /** The scored line with this 1-based number, if that line is not blank. */
  public Optional<ParagraphLine> line(int number) {
    for (ParagraphLine line : lines) {
      if (line.line() == number) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  /** The scoring keys of this article's lines, in file order. */
  public List<LineKey> keys() {
    List<LineKey> keys = new ArrayList<>(lines.size());
    for (ParagraphLine line : lines) {
      keys.add(new LineKey(id, line.line()));
    }
    return List.copyOf(keys);
  }
}
