package org.parallax.index.export;

/**
 * Converts Java {@code char} offsets of one text to Unicode code-point offsets in constant time,
 * after one linear pass; exports count code points because that is what SemEval data and most
 * languages other than Java (Python, for one) index strings by.
 */
final class CodePointOffsets {

  private final int length;

  /** {@code prefix[i]} = code points in {@code text[0, i)}; null when the text has no pairs. */
  private final int[] prefix;

  CodePointOffsets(String text) {
    this.length = text.length();
    this.prefix = hasSurrogates(text) ? prefix(text) : null;
  }

  /**
   * The code-point offset of a char offset. Offsets outside the text are clamped to it, and an
   * offset between the two halves of a surrogate pair counts the whole pair before it.
   */
  int of(int charOffset) {
    int clamped = clamp(charOffset);
    return prefix == null ? clamped : prefix[clamped];
  }

  /** {@code charOffset} moved into {@code [0, length]}. */
  int clamp(int charOffset) {
    return Math.max(0, Math.min(length, charOffset));
  }

  private static boolean hasSurrogates(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static int[] prefix(String text) {
    int[] prefix = new int[text.length() + 1];
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      prefix[i] = count;
      boolean secondHalfOfPair =
          i > 0
              && Character.isLowSurrogate(text.charAt(i))
              && Character.isHighSurrogate(text.charAt(i - 1));
      if (!secondHalfOfPair) {
        count++;
      }
    }
    prefix[text.length()] = count;
    return prefix;
  }
}
