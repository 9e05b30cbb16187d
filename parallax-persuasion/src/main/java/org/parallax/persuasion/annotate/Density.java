package org.parallax.persuasion.annotate;

/**
 * Technique density: occurrences per 1,000 words, with words counted the same way for an article
 * page and for an outlet profile, so the two figures can be compared.
 */
public final class Density {

  private Density() {}

  /** Runs of letters and digits in {@code text}. */
  public static long words(String text) {
    long count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = Character.isLetterOrDigit(text.charAt(i));
      if (letter && !inWord) {
        count++;
      }
      inWord = letter;
    }
    return count;
  }

  /** {@code count} per 1,000 of {@code words}; 0 for no words. */
  public static double perThousand(long count, long words) {
    return words == 0 ? 0 : 1000.0 * count / words;
  }
}
