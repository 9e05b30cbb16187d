package org.parallax.nlp.segment;

import java.util.ArrayList;
import java.util.List;
import org.parallax.core.model.Span;

/**
 * Splits clean text into paragraph spans.
 *
 * <p>Blank lines always separate paragraphs. Inside a block, lines that look hard-wrapped (long, of
 * similar length, mostly not ending a sentence) stay one paragraph; otherwise every line is its own
 * paragraph, since extracted pages put headings, captions and list items on single lines.
 */
final class ParagraphSplitter {

  /** Wrapped prose lines are at least this long (the longest of them). */
  private static final int MIN_WRAP_WIDTH = 40;

  private ParagraphSplitter() {}

  static List<Span> split(String text, boolean joinWrappedLines) {
    List<Span> paragraphs = new ArrayList<>();
    List<Span> lines = new ArrayList<>();
    int lineStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        Span line = trim(text, lineStart, i);
        if (line.length() == 0) {
          flush(text, lines, joinWrappedLines, paragraphs);
        } else {
          lines.add(line);
        }
        lineStart = i + 1;
      }
    }
    flush(text, lines, joinWrappedLines, paragraphs);
    return List.copyOf(paragraphs);
  }

  private static void flush(
      String text, List<Span> lines, boolean joinWrappedLines, List<Span> paragraphs) {
    if (lines.isEmpty()) {
      return;
    }
    if (lines.size() == 1 || (joinWrappedLines && isWrappedProse(text, lines))) {
      paragraphs.add(new Span(lines.get(0).begin(), lines.get(lines.size() - 1).end()));
    } else {
      paragraphs.addAll(lines);
    }
    lines.clear();
  }

  static boolean isWrappedProse(String text, List<Span> lines) {
    List<Span> wrapped = lines.subList(0, lines.size() - 1); // the last line may be short
    int widest = wrapped.stream().mapToInt(Span::length).max().orElse(0);
    if (widest < MIN_WRAP_WIDTH) {
      return false;
    }
    int endingSentence = 0;
    for (Span line : wrapped) {
      if (line.length() < widest * 0.6) {
        return false;
      }
      char last = text.charAt(line.end() - 1);
      if (".!?:;\"\u201d)".indexOf(last) >= 0) {
        endingSentence++;
      }
    }
    return endingSentence * 2 <= wrapped.size();
  }

  private static Span trim(String text, int begin, int end) {
    while (begin < end && Character.isWhitespace(text.charAt(begin))) {
      begin++;
    }
    while (end > begin && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return new Span(begin, end);
  }
}
