package org.parallax.persuasion.data;

/**
 * A labelled fragment as the dataset files give it: a half-open range {@code [begin, end)} of
 * Unicode code points of the raw article text (byte order mark and {@code \r} included).
 *
 * @param technique technique id as spelled in the label file; {@code null} for span identification
 *     data, which has no technique
 */
public record GoldSpan(String technique, int begin, int end) {

  public GoldSpan {
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("bad span [" + begin + ", " + end + ")");
    }
  }

  /** Length in code points. */
  public int length() {
    return end - begin;
  }
}
