package org.parallax.app.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric of the ScrapingHub article-extraction benchmark ({@code evaluate.py}), so our figures
 * compare with the published ones: word 4-gram shingles, per-page true/false positives and false
 * negatives normalised by their sum, precision and recall averaged over pages.
 */
final class ShingleMetric {

  /** Python's Unicode {@code \w+}, which the benchmark tokenises with. */
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  static final int SHINGLE = 4;

  private ShingleMetric() {}

  /**
   * One page's shingle counts, each divided by their sum so that a long article weighs no more than
   * a short one; all zero when neither text has a word.
   *
   * @param identical whether both texts have the same word sequence
   */
  record PageCounts(double tp, double fp, double fn, boolean identical) {

    /** 1 when nothing is wrong, 0 when nothing is right. */
    double precision() {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return tp == 0 ? 0 : tp / (tp + fp);
    }

    double recall() {
      if (fp == 0 && fn == 0) {
        return 1;
      }
      return tp == 0 ? 0 : tp / (tp + fn);
    }
  }

  /** Corpus figures: means of the per-page precision and recall, and their harmonic mean. */
  record Scores(double f1, double precision, double recall, double accuracy) {}

  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = WORD.matcher(text == null ? "" : text);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }

  /**
   * The shingles of a text with their counts: every run of 4 consecutive words, or the whole text
   * as one shorter shingle when it has fewer words, or none when it has no word.
   */
  static Map<List<String>, Integer> shingles(List<String> tokens) {
    Map<List<String>, Integer> counts = new HashMap<>();
    int last = Math.max(1, tokens.size() - SHINGLE + 1);
    for (int i = 0; i < last && i < tokens.size(); i++) {
      List<String> shingle = List.copyOf(tokens.subList(i, Math.min(tokens.size(), i + SHINGLE)));
      counts.merge(shingle, 1, Integer::sum);
    }
    return counts;
  }

  static PageCounts compare(String truth, String predicted) {
    List<String> trueTokens = tokens(truth);
    List<String> predictedTokens = tokens(predicted);
    Map<List<String>, Integer> trueShingles = shingles(trueTokens);
    Map<List<String>, Integer> predictedShingles = shingles(predictedTokens);
    Set<List<String>> keys = new HashSet<>(trueShingles.keySet());
    keys.addAll(predictedShingles.keySet());
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (List<String> key : keys) {
      int t = trueShingles.getOrDefault(key, 0);
      int p = predictedShingles.getOrDefault(key, 0);
      tp += Math.min(t, p);
      fp += Math.max(0, p - t);
      fn += Math.max(0, t - p);
    }
    double sum = tp + fp + fn;
    boolean identical = trueTokens.equals(predictedTokens);
    if (sum == 0) {
      return new PageCounts(0, 0, 0, identical);
    }
    return new PageCounts(tp / sum, fp / sum, fn / sum, identical);
  }

  /**
   * Precision is averaged over the pages where something was predicted, recall over the pages where
   * something was expected, as the benchmark does; accuracy over all pages.
   */
  static Scores aggregate(List<PageCounts> pages) {
    double precisionSum = 0;
    int precisionPages = 0;
    double recallSum = 0;
    int recallPages = 0;
    int identical = 0;
    for (PageCounts page : pages) {
      if (page.tp() + page.fp() > 0) {
        precisionSum += page.precision();
        precisionPages++;
      }
      if (page.tp() + page.fn() > 0) {
        recallSum += page.recall();
        recallPages++;
      }
      if (page.identical()) {
        identical++;
      }
    }
    double precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
    double recall = recallPages == 0 ? 0 : recallSum / recallPages;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    double accuracy = pages.isEmpty() ? 0 : (double) identical / pages.size();
    return new Scores(f1, precision, recall, accuracy);
  }
}
