package org.parallax.nlp.quotes;

import java.util.ArrayList;
import java.util.List;
import org.parallax.core.model.Span;

/**
 * Finds text in quotation marks. Pairs marks within one paragraph: English, German, French and
 * straight double quotes, and single curly quotes outside double ones (British style and short
 * phrases). Apostrophes ({@code didn’t}) are told apart from closing single quotes by the letter
 * that follows them.
 */
final class QuoteMarks {

  /** A quoted region: the positions of its opening and closing marks. */
  record Region(int open, int close) {

    Span content() {
      return new Span(open + 1, close);
    }

    /** The region including its marks. */
    Span outer() {
      return new Span(open, close + 1);
    }
  }

  // Longer runs between two marks are almost always a missing closing mark.
  private static final int MAX_DOUBLE = 4000;
  private static final int MAX_SINGLE = 400;

  private QuoteMarks() {}

  static List<Region> find(String text, List<Span> paragraphs) {
    List<Region> regions = new ArrayList<>();
    for (Span paragraph : paragraphs) {
      findIn(text, paragraph.begin(), paragraph.end(), regions);
    }
    return List.copyOf(regions);
  }

  private static void findIn(String text, int begin, int end, List<Region> out) {
    int pos = begin;
    while (pos < end) {
      char c = text.charAt(pos);
      int close = -1;
      switch (c) {
        case '“' -> {
          int restart = indexOf(text, '“', pos + 1, end);
          close = indexOfAny(text, "”", pos + 1, end);
          if (close < 0 || (restart >= 0 && restart < close)) {
            // An opening mark without its own closing one: try again from the next opening mark.
            pos = close < 0 ? pos + 1 : restart;
            continue;
          }
        }
        case '„' -> close = indexOfAny(text, "“”", pos + 1, end);
        case '«' -> close = indexOfAny(text, "»", pos + 1, end);
        case '"' -> close = indexOfAny(text, "\"", pos + 1, end);
        case '‚', '‘' -> {
          if (pos == begin || !Character.isLetterOrDigit(text.charAt(pos - 1))) {
            close = closingSingle(text, pos + 1, end, c == '‚' ? "‘’" : "’");
          }
        }
        default -> {}
      }
      int max = c == '‚' || c == '‘' ? MAX_SINGLE : MAX_DOUBLE;
      if (close > pos + 1 && close - pos <= max && !text.substring(pos + 1, close).isBlank()) {
        out.add(new Region(pos, close));
        pos = close + 1;
      } else {
        pos++;
      }
    }
  }

  private static int closingSingle(String text, int from, int end, String closers) {
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (c == '“' || c == '”' || c == '"' || c == '«' || c == '»') {
        return -1; // single quotes do not span double ones
      }
      if (closers.indexOf(c) >= 0 && (i + 1 >= end || !Character.isLetter(text.charAt(i + 1)))) {
        // "leaders’ views": a plural possessive after a letter and before a space is ambiguous;
        // take it as the closing mark, which errs towards short quotes.
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(String text, char c, int from, int end) {
    int i = text.indexOf(c, from);
    return i >= 0 && i < end ? i : -1;
  }

  private static int indexOfAny(String text, String chars, int from, int end) {
    for (int i = from; i < end; i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
