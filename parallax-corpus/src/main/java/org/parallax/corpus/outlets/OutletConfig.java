package org.parallax.corpus.outlets;

import org.parallax.core.pipeline.ConfigException;

/**
 * Settings of {@link OutletProfiler}.
 *
 * @param topEntities entities profiled per outlet, by articles then mentions (default 10)
 * @param topWords distinctive words reported per outlet (default 25)
 * @param castingWords casting words reported per entity (default 10)
 * @param castingWindow content words on each side of a mention, within its sentence, that count as
 *     casting it (default 6)
 * @param topSpeakers quoted speakers reported per outlet (default 20)
 * @param minCorpusCount words seen fewer times in the whole corpus are dropped (default 2); keeps
 *     the per-outlet vocabulary bounded and typos out of the lists
 * @param priorTotal α0, the total pseudo-count of the informative Dirichlet prior spread over words
 *     by their corpus frequency (default 1000: strong enough to quiet words an outlet used once or
 *     twice, weak enough that a few hundred words of an outlet still speak)
 * @param bigrams also contrast pairs of adjacent content words (default false)
 */
public record OutletConfig(
    int topEntities,
    int topWords,
    int castingWords,
    int castingWindow,
    int topSpeakers,
    int minCorpusCount,
    double priorTotal,
    boolean bigrams) {

  /** The defaults listed above. */
  public static final OutletConfig DEFAULTS = new OutletConfig(10, 25, 10, 6, 20, 2, 1000, false);

  public OutletConfig {
    positive("topEntities", topEntities);
    positive("topWords", topWords);
    positive("castingWords", castingWords);
    positive("castingWindow", castingWindow);
    positive("topSpeakers", topSpeakers);
    positive("minCorpusCount", minCorpusCount);
    if (!(priorTotal > 0) || Double.isInfinite(priorTotal)) {
      throw new ConfigException("outlets.priorTotal must be a positive number, got " + priorTotal);
    }
  }

  private static void positive(String key, int value) {
    if (value < 1) {
      throw new ConfigException("outlets." + key + " must be at least 1, got " + value);
    }
  }
}
