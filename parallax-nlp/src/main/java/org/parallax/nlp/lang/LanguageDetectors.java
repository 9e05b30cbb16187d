package org.parallax.nlp.lang;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide Lingua detectors, one per accuracy mode, and the conversion of Lingua's relative
 * values into a confidence.
 */
final class LanguageDetectors {

  /**
   * Lingua 1.2 reports relative values (best = 1, others the ratio of log-likelihoods). Reading
   * them as log-likelihood ratios of about this many nats per letter turns them into a posterior
   * that grows with the length of the text, as certainty should; a heuristic calibration, not a
   * fit.
   */
  private static final double NATS_PER_LETTER = 2.0;

  private static final Map<Boolean, LanguageDetector> DETECTORS = new ConcurrentHashMap<>();

  /** A detected language code and its confidence in [0, 1]. */
  record Guess(String code, double confidence) {
    static final Guess UNKNOWN = new Guess(Language.UNDETERMINED, 0);
  }

  private LanguageDetectors() {}

  /** Shared and thread-safe; the high-accuracy detector holds about 1.4 GB of models. */
  static LanguageDetector detector(boolean highAccuracy) {
    return DETECTORS.computeIfAbsent(
        highAccuracy,
        high -> {
          LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromAllLanguages();
          if (!high) {
            builder = builder.withLowAccuracyMode();
          }
          return builder.withPreloadedLanguageModels().build();
        });
  }

  static Guess guess(LanguageDetector detector, String text, int letters) {
    if (letters == 0) {
      return Guess.UNKNOWN;
    }
    SortedMap<com.github.pemistahl.lingua.api.Language, Double> values =
        detector.computeLanguageConfidenceValues(text);
    if (values.isEmpty()) {
      return Guess.UNKNOWN;
    }
    com.github.pemistahl.lingua.api.Language best = values.firstKey();
    if (best == com.github.pemistahl.lingua.api.Language.UNKNOWN) {
      return Guess.UNKNOWN;
    }
    double top = values.get(best);
    double evidence = 0;
    for (double value : values.values()) {
      if (value > 0) {
        evidence += Math.exp(-NATS_PER_LETTER * letters * (top / value - 1));
      }
    }
    return new Guess(
        best.getIsoCode639_1().name().toLowerCase(Locale.ROOT), evidence > 0 ? 1 / evidence : 0);
  }

  static int letters(String text, int begin, int end) {
    int count = 0;
    for (int i = begin; i < end; i++) {
      if (Character.isLetter(text.charAt(i))) {
        count++;
      }
    }
    return count;
  }
}
