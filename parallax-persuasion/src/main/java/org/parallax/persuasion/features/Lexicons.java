package org.parallax.persuasion.features;

/**
 * The two word lexicons the features read.
 *
 * @param spans one rate per word: how often it lies inside a technique span
 * @param techniques one rate per SemEval-2020 technique: how its span occurrences spread over them
 */
public record Lexicons(Lexicon spans, Lexicon techniques) {

  /** Techniques in the technique lexicon. */
  public static final int TECHNIQUES = 14;

  /** Lexicons that know no word: every word reads as zero. */
  public static Lexicons empty() {
    return new Lexicons(Lexicon.empty(1), Lexicon.empty(TECHNIQUES));
  }
}
