package org.parallax.corpus.dedup;

import org.parallax.core.pipeline.ConfigException;

/**
 * Settings of {@link DuplicateFinder}; {@link #DEFAULTS} holds the measured defaults.
 *
 * <p>LSH banding with {@code b} bands of {@code r} rows makes a pair with Jaccard similarity {@code
 * s} a candidate with probability {@code 1 - (1 - s^r)^b}. With the default 42 bands of 3 rows (126
 * of the 128 hashes) the S-curve's midpoint {@code (1/b)^(1/r)} is about 0.29: pairs at Jaccard 0.5
 * become candidates with probability 0.995, at 0.36 (a copy with 80% containment in a text twice
 * its size) 0.87, at 0.1 only 0.04. Candidates are cheap to verify exactly, so the curve sits well
 * below the grouping thresholds.
 *
 * @param shingleSize words per shingle ({@code dedup.shingleSize}, default 5)
 * @param hashes MinHash functions ({@code dedup.hashes}, default 128)
 * @param bands LSH bands ({@code dedup.bands}, default 42)
 * @param rows signature rows per band ({@code dedup.rows}, default 3); bands × rows ≤ hashes
 * @param jaccard exact Jaccard similarity at or above which two articles are copies ({@code
 *     dedup.jaccard}, default 0.5)
 * @param containment share of the smaller article's shingles found in the larger one at or above
 *     which two articles are copies, so that a copy with an added intro or footer still counts
 *     ({@code dedup.containment}, default 0.8)
 * @param estimateFloor candidates whose MinHash-estimated Jaccard falls below this are dropped
 *     before the exact check ({@code dedup.estimateFloor}, default 0.1)
 * @param minWords articles with fewer words are never grouped: too little text to call a copy
 *     ({@code dedup.minWords}, default 25)
 * @param maxEdits the most edits listed per member; the rest are summarised ({@code
 *     dedup.maxEdits}, default 200)
 * @param maxDiffDistance the most inserted plus deleted words the diff explores before it reports
 *     the differing middle as one replacement ({@code dedup.maxDiffDistance}, default 4000)
 * @param seed seed of the MinHash functions ({@code dedup.seed}, default 0x5eed)
 */
public record DedupConfig(
    int shingleSize,
    int hashes,
    int bands,
    int rows,
    double jaccard,
    double containment,
    double estimateFloor,
    int minWords,
    int maxEdits,
    int maxDiffDistance,
    long seed) {

  /** The defaults documented above. */
  public static final DedupConfig DEFAULTS =
      new DedupConfig(5, 128, 42, 3, 0.5, 0.8, 0.1, 25, 200, 4000, 0x5eedL);

  public DedupConfig {
    positive("dedup.shingleSize", shingleSize);
    positive("dedup.hashes", hashes);
    positive("dedup.bands", bands);
    positive("dedup.rows", rows);
    positive("dedup.maxEdits", maxEdits);
    positive("dedup.maxDiffDistance", maxDiffDistance);
    if ((long) bands * rows > hashes) {
      throw new ConfigException(
          "dedup.bands × dedup.rows ("
              + bands * rows
              + ") must not exceed dedup.hashes ("
              + hashes
              + ")");
    }
    fraction("dedup.jaccard", jaccard);
    fraction("dedup.containment", containment);
    fraction("dedup.estimateFloor", estimateFloor);
    if (minWords < 0) {
      throw new ConfigException("dedup.minWords must be 0 or more, got " + minWords);
    }
  }

  /** A copy with other LSH banding, e.g. to measure the S-curve. */
  public DedupConfig withBanding(int bands, int rows) {
    return new DedupConfig(
        shingleSize,
        hashes,
        bands,
        rows,
        jaccard,
        containment,
        estimateFloor,
        minWords,
        maxEdits,
        maxDiffDistance,
        seed);
  }

  /** A copy with other grouping thresholds. */
  public DedupConfig withThresholds(double jaccard, double containment) {
    return new DedupConfig(
        shingleSize,
        hashes,
        bands,
        rows,
        jaccard,
        containment,
        estimateFloor,
        minWords,
        maxEdits,
        maxDiffDistance,
        seed);
  }

  private static void positive(String key, int value) {
    if (value <= 0) {
      throw new ConfigException(key + " must be positive, got " + value);
    }
  }

  private static void fraction(String key, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new ConfigException(key + " must be in (0, 1], got " + value);
    }
  }
}
