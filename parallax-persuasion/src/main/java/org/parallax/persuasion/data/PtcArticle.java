package org.parallax.persuasion.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.parallax.core.model.Span;

/**
 * One article of the Propaganda Techniques Corpus (SemEval-2020 Task 11).
 *
 * @param id the article id, the digits of {@code article<id>.txt}
 * @param text the raw file content, byte order mark kept as {@code U+FEFF}
 * @param spans gold technique spans in code points of {@code text}, sorted by begin, end and
 *     technique; empty for the test split, which has no gold
 */
public record PtcArticle(String id, String text, List<GoldSpan> spans) {

  public PtcArticle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    spans = List.copyOf(spans);
  }

  /** The gold spans in char offsets of {@code text}, in the order of {@link #spans()}. */
  public List<LabelledSpan> charSpans() {
    int[] offsets = CodePoints.charOffsets(text);
    List<LabelledSpan> result = new ArrayList<>(spans.size());
    for (GoldSpan span : spans) {
      if (span.end() >= offsets.length) {
        throw new IllegalStateException(
            "span ["
                + span.begin()
                + ", "
                + span.end()
                + ") lies past the end of article "
                + id
                + " ("
                + (offsets.length - 1)
                + " code points)");
      }
      result.add(
          new LabelledSpan(span.technique(), new Span(offsets[span.begin()], offsets[span.end()])));
    }
    return List.copyOf(result);
  }

  /** The text a gold span covers. */
  public String textOf(GoldSpan span) {
    int begin = text.offsetByCodePoints(0, span.begin());
    return text.substring(begin, text.offsetByCodePoints(begin, span.length()));
  }
}
