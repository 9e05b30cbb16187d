package org.parallax.corpus.outlets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, eqs.
 * 16–22) of one group of word counts against another.
 *
 * <p>The prior of word w is α_w = α0 · (corpus count of w) / (corpus total): the whole corpus is
 * the background, scaled to a total pseudo-count α0 so that its weight does not grow with the
 * corpus (with α0 = corpus size, a small outlet would be drowned by the prior).
 */
final class LogOdds {

  private LogOdds() {}

  /** δ_w: the log-odds of w in group i minus that in group j, both smoothed by the prior. */
  static double delta(double yi, double ni, double yj, double nj, double alphaW, double alpha0) {
    return Math.log((yi + alphaW) / (ni + alpha0 - yi - alphaW))
        - Math.log((yj + alphaW) / (nj + alpha0 - yj - alphaW));
  }

  /** The approximate variance of δ_w: 1/(y_w^i + α_w) + 1/(y_w^j + α_w). */
  static double variance(double yi, double yj, double alphaW) {
    return 1.0 / (yi + alphaW) + 1.0 / (yj + alphaW);
  }

  /** z_w = δ_w / √σ²(δ_w). */
  static double z(double yi, double ni, double yj, double nj, double alphaW, double alpha0) {
    return delta(yi, ni, yj, nj, alphaW, alpha0) / Math.sqrt(variance(yi, yj, alphaW));
  }

  /**
   * The words of {@code group} most over-used against the rest of the corpus, by z, at most {@code
   * limit}, each with z > 0.
   *
   * @param group word counts of group i
   * @param rest the count of a word in group j (the rest of the corpus)
   * @param restTotal n^j, the number of words in group j
   * @param background corpus counts that set the prior
   * @param backgroundTotal the sum of {@code background}
   * @param alpha0 the prior's total pseudo-count
   */
  static List<WordContrast> top(
      Map<String, Integer> group,
      ToIntFunction<String> rest,
      long restTotal,
      Map<String, Integer> background,
      long backgroundTotal,
      double alpha0,
      int limit) {
    long ni = sum(group);
    if (ni == 0 || backgroundTotal == 0) {
      return List.of();
    }
    List<WordContrast> contrasts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : group.entrySet()) {
      String word = e.getKey();
      int yi = e.getValue();
      int yj = Math.max(0, rest.applyAsInt(word));
      double alphaW = alpha0 * background.getOrDefault(word, yi + yj) / backgroundTotal;
      double delta = delta(yi, ni, yj, restTotal, alphaW, alpha0);
      double z = delta / Math.sqrt(variance(yi, yj, alphaW));
      if (z > 0) {
        contrasts.add(new WordContrast(word, round(z), round(delta), yi, yj));
      }
    }
    return best(contrasts, limit);
  }

  /** The {@code limit} contrasts with the highest z (then count, then word). */
  static List<WordContrast> best(List<WordContrast> contrasts, int limit) {
    List<WordContrast> sorted = new ArrayList<>(contrasts);
    sorted.sort(
        Comparator.comparingDouble(WordContrast::z)
            .reversed()
            .thenComparing(WordContrast::count, Comparator.reverseOrder())
            .thenComparing(WordContrast::word));
    return List.copyOf(sorted.subList(0, Math.min(limit, sorted.size())));
  }

  static long sum(Map<String, Integer> counts) {
    long total = 0;
    for (int c : counts.values()) {
      total += c;
    }
    return total;
  }

  // Four decimals keep the JSON readable and the ranking stable across platforms.
  private static double round(double value) {
    return Math.round(value * 10_000.0) / 10_000.0;
  }
}
