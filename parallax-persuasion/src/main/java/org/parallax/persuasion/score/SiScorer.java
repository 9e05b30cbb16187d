package org.parallax.persuasion.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The span identification (SI) scorer of SemEval-2020 Task 11, as the official {@code
 * task-SI_scorer.py} computes it.
 *
 * <p>Techniques are ignored. Within each article, spans that share at least one character are
 * merged, gold and predicted separately; spans that merely touch ({@code [0,5)} and {@code [5,9)})
 * stay apart, since the official script merges only on a non-empty intersection of character sets.
 * Then, with S the merged predicted spans and T the merged gold spans of all articles, and
 * intersections taken within one article only:
 *
 * <pre>
 *   P = (1/|S|) Σ_{s∈S} Σ_{t∈T} |s∩t| / |s|
 *   R = (1/|T|) Σ_{s∈S} Σ_{t∈T} |s∩t| / |t|
 *   F1 = 2PR / (P+R)
 * </pre>
 *
 * P is 0 when nothing is predicted, R is 0 when there is no gold, and F1 is 0 when P or R is 0 —
 * except that, as in the official script, F1 is 1 when there are neither gold nor predicted spans.
 * Gold articles without predictions add their spans to |T|; predictions in articles without gold
 * add theirs to |S|.
 */
public final class SiScorer {

  private SiScorer() {}

  /**
   * Scores predicted spans against gold spans.
   *
   * @param gold article id to spans, each {@code [begin, end]} half-open in code points
   * @param predicted the same for the predictions
   * @throws IllegalArgumentException on a span that is not a pair with {@code 0 <= begin < end}
   *     (the official format check rejects empty spans too)
   */
  public static SiScore score(Map<String, List<int[]>> gold, Map<String, List<int[]>> predicted) {
    Map<String, List<int[]>> mergedGold = mergeAll(gold, "gold");
    Map<String, List<int[]>> mergedPredicted = mergeAll(predicted, "predicted");
    int goldCount = mergedGold.values().stream().mapToInt(List::size).sum();
    int predictedCount = mergedPredicted.values().stream().mapToInt(List::size).sum();
    double precisionSum = 0;
    double recallSum = 0;
    for (Map.Entry<String, List<int[]>> article : mergedPredicted.entrySet()) {
      List<int[]> goldSpans = mergedGold.getOrDefault(article.getKey(), List.of());
      for (int[] s : article.getValue()) {
        for (int[] t : goldSpans) {
          int intersection = Math.min(s[1], t[1]) - Math.max(s[0], t[0]);
          if (intersection > 0) {
            precisionSum += (double) intersection / (s[1] - s[0]);
            recallSum += (double) intersection / (t[1] - t[0]);
          }
        }
      }
    }
    double precision = predictedCount > 0 ? precisionSum / predictedCount : 0;
    double recall = goldCount > 0 ? recallSum / goldCount : 0;
    return new SiScore(precision, recall, f1(precision, recall, predictedCount, goldCount));
  }

  /**
   * F1 as the official {@code compute_prec_rec_f1}: 1 when both denominators are 0, the harmonic
   * mean when both P and R are positive, else 0.
   */
  static double f1(double precision, double recall, int predictedCount, int goldCount) {
    if (predictedCount == 0 && goldCount == 0) {
      return 1;
    }
    return precision > 0 && recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  }

  private static Map<String, List<int[]>> mergeAll(Map<String, List<int[]>> spans, String what) {
    Map<String, List<int[]>> merged = new HashMap<>();
    for (Map.Entry<String, List<int[]>> article : spans.entrySet()) {
      List<int[]> list = article.getValue() == null ? List.of() : article.getValue();
      merged.put(article.getKey(), merge(list, what + " spans of article " + article.getKey()));
    }
    return merged;
  }

  /**
   * Spans sorted and merged where they share a character; the result is disjoint and sorted. The
   * union of a chain of overlapping intervals is one interval, so this equals the official
   * set-based merge.
   */
  static List<int[]> merge(List<int[]> spans, String where) {
    List<int[]> sorted = new ArrayList<>(spans.size());
    for (int[] span : spans) {
      if (span == null || span.length != 2 || span[0] < 0 || span[1] <= span[0]) {
        throw new IllegalArgumentException(
            where
                + ": a span must be [begin, end] with 0 <= begin < end, got "
                + (span == null ? "null" : Arrays.toString(span)));
      }
      sorted.add(new int[] {span[0], span[1]});
    }
    sorted.sort(Comparator.<int[]>comparingInt(s -> s[0]).thenComparingInt(s -> s[1]));
    List<int[]> merged = new ArrayList<>();
    for (int[] span : sorted) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && span[0] < last[1]) {
        last[1] = Math.max(last[1], span[1]);
      } else {
        merged.add(span);
      }
    }
    return merged;
  }
}
