package org.parallax.persuasion.train;

/**
 * Which articles tune rather than fit: decided by a hash of the article id and the seed, so the
 * split is the same for every run, whatever order the files are read in.
 */
public final class Splits {

  private Splits() {}

  /**
   * Whether {@code articleId} falls in the {@code share} of articles that {@code seed} sets apart.
   */
  public static boolean isTuning(String articleId, long seed, double share) {
    long h = seed ^ 0x9E3779B97F4A7C15L;
    for (int i = 0; i < articleId.length(); i++) {
      h = (h ^ articleId.charAt(i)) * 0x100000001B3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53 < share;
  }
}
