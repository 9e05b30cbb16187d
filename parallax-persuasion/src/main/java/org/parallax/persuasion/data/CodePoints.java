package org.parallax.persuasion.data;

/**
 * Conversions between Unicode code-point offsets, which the SemEval datasets count, and Java {@code
 * char} offsets, which {@link String} and {@link org.parallax.core.model.Span} use. They differ
 * after any character outside the Basic Multilingual Plane (an emoji, say), which takes two chars.
 *
 * <p>An unpaired surrogate counts as one code point, as {@link String#codePointCount} counts it.
 */
public final class CodePoints {

  private CodePoints() {}

  /**
   * The char offset of every code point of {@code text}: element {@code i} is where code point
   * {@code i} starts, and the last element ({@code codePointCount}) is {@code text.length()}, so a
   * half-open code-point span {@code [b, e)} is {@code [offsets[b], offsets[e])} in chars.
   */
  public static int[] charOffsets(String text) {
    int count = text.codePointCount(0, text.length());
    int[] offsets = new int[count + 1];
    int codePoint = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      offsets[codePoint++] = i;
    }
    offsets[count] = text.length();
    return offsets;
  }

  /**
   * The number of code points before char offset {@code charIndex}, i.e. the code-point offset of
   * that position. An index that falls between the two halves of a surrogate pair maps to the code
   * point after the pair's start.
   *
   * @throws IndexOutOfBoundsException when {@code charIndex} is outside {@code [0, text.length()]}
   */
  public static int codePointIndex(String text, int charIndex) {
    if (charIndex < 0 || charIndex > text.length()) {
      throw new IndexOutOfBoundsException(
          "char index " + charIndex + " outside [0, " + text.length() + "]");
    }
    return text.codePointCount(0, charIndex);
  }
}
