package org.parallax.corpus.talkingpoints;

import org.parallax.corpus.article.LanguageCodes;

/**
 * Settings of {@link TalkingPointFinder}; {@link #defaults()} holds the values measured on our
 * fixtures (see docs/CORPUS.md, "Talking points").
 *
 * @param minWords sentences with fewer words are skipped (default 6)
 * @param minCosine two sentences can be paraphrases only at this embedding cosine or above, and
 *     only when they also share content words (default 0.35; MiniLM puts paraphrases at 0.35–0.75
 *     and same-topic decoys at 0.45–0.6, so the content words do most of the separating)
 * @param strongCosine at this cosine or above two sentences are paraphrases without lexical support
 *     (default 0.8)
 * @param minSharedContent content words or entity names two paraphrases share at least (default 2)
 * @param minLexicalDice Dice overlap of content keys, weighted by inverse sentence frequency, that
 *     two paraphrases reach at least (default 0.12)
 * @param copyJaccard word-level Jaccard with the medoid at or above which a carrier is a copy; a
 *     talking point whose carriers are all copies is of kind {@code copied} (default 0.8)
 * @param minOutlets distinct outlets a talking point needs (default 2)
 * @param majority share of a cluster a sentence must be linked to before it joins (default 0.5)
 * @param signatureBits random-hyperplane sign bits per sentence, a multiple of 64 (default 192)
 * @param tables LSH tables (default 32)
 * @param bitsPerTable sign bits sampled for one table's key; neighbours at one bit are probed too
 *     (default 14)
 * @param maxBucket above this many sentences in one bucket, each is compared only with the next
 *     {@code maxBucket} (a guard against boilerplate floods; default 1000)
 * @param seed seed of the random hyperplanes, so runs are repeatable (default 20240302)
 * @param backgroundCosine mean embedding cosine of two sentences from different documents in a
 *     corpus on many subjects, the scale {@code minCosine} and {@code strongCosine} are set on
 *     (default 0.15). When a corpus's own mean (estimated from up to 2,000 sampled sentences) is
 *     higher, as in a pile of coverage of one event, both cosine floors move up keeping their place
 *     between the mean and 1: there, sharing the event's vocabulary says nothing about sharing a
 *     claim. 1 turns the adjustment off.
 * @param minLexicalDiceWithoutVectors the weighted Dice overlap two sentences need to be
 *     paraphrases when one of them is in a language outside {@code vectorLanguages}: there the
 *     embedding cosine is no evidence (an English-trained encoder puts any two sentences of another
 *     language close together), so the shared words must carry the decision alone (default 0.5)
 * @param vectorLanguages comma-separated languages (ISO 639-1 codes) whose sentence embeddings
 *     count as evidence, as in the stories stage (default {@code en}); the corpus background cosine
 *     is measured on their sentences only
 */
public record TalkingPointsConfig(
    int minWords,
    double minCosine,
    double strongCosine,
    int minSharedContent,
    double minLexicalDice,
    double copyJaccard,
    int minOutlets,
    double majority,
    int signatureBits,
    int tables,
    int bitsPerTable,
    int maxBucket,
    long seed,
    double backgroundCosine,
    double minLexicalDiceWithoutVectors,
    String vectorLanguages) {

  public TalkingPointsConfig {
    if (minWords < 1) {
      throw new IllegalArgumentException("talking-points.min-words must be at least 1");
    }
    if (minCosine <= -1 || minCosine > 1 || strongCosine < minCosine || strongCosine > 1) {
      throw new IllegalArgumentException(
          "talking-points.min-cosine and strong-cosine must satisfy -1 < min <= strong <= 1");
    }
    if (minOutlets < 2) {
      throw new IllegalArgumentException("talking-points.min-outlets must be at least 2");
    }
    if (majority <= 0 || majority > 1) {
      throw new IllegalArgumentException("talking-points.majority must be in (0, 1]");
    }
    if (signatureBits < 64 || signatureBits % 64 != 0) {
      throw new IllegalArgumentException(
          "talking-points.signature-bits must be a positive multiple of 64");
    }
    if (bitsPerTable < 4 || bitsPerTable > 24 || bitsPerTable > signatureBits) {
      throw new IllegalArgumentException("talking-points.bits-per-table must be in 4..24");
    }
    if (backgroundCosine <= -1 || backgroundCosine > 1) {
      throw new IllegalArgumentException("talking-points.background-cosine must be in (-1, 1]");
    }
    if (!(minLexicalDiceWithoutVectors >= 0 && minLexicalDiceWithoutVectors <= 1)) {
      throw new IllegalArgumentException(
          "talking-points.min-lexical-dice-without-vectors must be in [0, 1]");
    }
    vectorLanguages = LanguageCodes.normalised(vectorLanguages);
    if (tables < 1 || maxBucket < 2) {
      throw new IllegalArgumentException(
          "talking-points.tables must be positive and max-bucket at least 2");
    }
  }

  /**
   * A cosine floor set on the {@code backgroundCosine} scale moved onto the scale of a corpus whose
   * sentences have mean cosine {@code background}, keeping its place between the mean and 1; floors
   * never move down.
   */
  public double adjusted(double floor, double background) {
    if (Double.isNaN(background) || background <= backgroundCosine || backgroundCosine >= 1) {
      return floor;
    }
    return background + (floor - backgroundCosine) * (1 - background) / (1 - backgroundCosine);
  }

  /** The codes of {@code vectorLanguages}. */
  public java.util.Set<String> vectorLanguageSet() {
    return LanguageCodes.set(vectorLanguages);
  }

  /** The measured defaults. */
  public static TalkingPointsConfig defaults() {
    return new TalkingPointsConfig(
        6, 0.35, 0.8, 2, 0.12, 0.8, 2, 0.5, 192, 32, 14, 1000, 20240302L, 0.15, 0.5, "en");
  }
}
