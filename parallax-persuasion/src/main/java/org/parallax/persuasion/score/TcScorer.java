package org.parallax.persuasion.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.parallax.persuasion.data.SpanKey;

/**
 * The technique classification (TC) scorer of SemEval-2020 Task 11: given the gold fragments, one
 * technique is predicted per fragment occurrence, and the figure is micro-F1.
 *
 * <p>Where one fragment carries several gold techniques, the template lists it once per technique
 * and the official scorer accepts the predictions in any order; {@link #scoreBySpan} does that by
 * matching the labels of each fragment as multisets. Overall and per-technique F1 follow the
 * official {@code compute_prec_rec_f1}: 0 when precision or recall is 0, 1 when there is nothing to
 * find and nothing predicted.
 */
public final class TcScorer {

  private TcScorer() {}

  /**
   * Scores predictions aligned one-to-one with gold labels (the i-th prediction is for the i-th
   * gold fragment), so precision, recall and micro-F1 all equal accuracy.
   *
   * @throws IllegalArgumentException when the lists differ in length or hold a null
   */
  public static TcScore score(List<String> gold, List<String> predicted) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException(
          gold.size() + " gold labels but " + predicted.size() + " predictions");
    }
    Counts counts = new Counts();
    for (int i = 0; i < gold.size(); i++) {
      String g = requireLabel(gold.get(i), "gold label " + i);
      String p = requireLabel(predicted.get(i), "prediction " + i);
      if (g.equals(p)) {
        counts.add(g, 1, 0, 0);
      } else {
        counts.add(p, 0, 1, 0);
        counts.add(g, 0, 0, 1);
      }
    }
    return counts.score(gold.size(), predicted.size());
  }

  /**
   * Scores predicted techniques against gold techniques fragment by fragment: on each fragment the
   * number of correct labels is the size of the multiset intersection of its gold and predicted
   * labels. Fragments present on one side only count fully as missed or as wrong.
   *
   * @throws IllegalArgumentException on a null label
   */
  public static TcScore scoreBySpan(
      Map<SpanKey, List<String>> gold, Map<SpanKey, List<String>> predicted) {
    Set<SpanKey> keys = new TreeSet<>(gold.keySet());
    keys.addAll(predicted.keySet());
    Counts counts = new Counts();
    int goldCount = 0;
    int predictedCount = 0;
    for (SpanKey key : keys) {
      Map<String, Integer> g = multiset(gold.get(key), "gold label of " + key);
      Map<String, Integer> p = multiset(predicted.get(key), "prediction for " + key);
      Set<String> labels = new TreeSet<>(g.keySet());
      labels.addAll(p.keySet());
      for (String label : labels) {
        int inGold = g.getOrDefault(label, 0);
        int inPredicted = p.getOrDefault(label, 0);
        int matched = Math.min(inGold, inPredicted);
        counts.add(label, matched, inPredicted - matched, inGold - matched);
        goldCount += inGold;
        predictedCount += inPredicted;
      }
    }
    return counts.score(goldCount, predictedCount);
  }

  private static Map<String, Integer> multiset(List<String> labels, String what) {
    Map<String, Integer> counts = new HashMap<>();
    if (labels != null) {
      for (String label : labels) {
        counts.merge(requireLabel(label, what), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static String requireLabel(String label, String what) {
    if (label == null) {
      throw new IllegalArgumentException(what + " is null");
    }
    return label;
  }

  /** Per-label true/false positive and false negative counts. */
  private static final class Counts {
    private final Map<String, int[]> byLabel = new TreeMap<>();

    void add(String label, int tp, int fp, int fn) {
      int[] c = byLabel.computeIfAbsent(label, k -> new int[3]);
      c[0] += tp;
      c[1] += fp;
      c[2] += fn;
    }

    TcScore score(int goldCount, int predictedCount) {
      int correct = 0;
      List<LabelScore> perLabel = new ArrayList<>();
      for (Map.Entry<String, int[]> entry : byLabel.entrySet()) {
        int[] c = entry.getValue();
        correct += c[0];
        perLabel.add(official(entry.getKey(), c[0], c[1], c[2]));
      }
      double precision = predictedCount > 0 ? (double) correct / predictedCount : 0;
      double recall = goldCount > 0 ? (double) correct / goldCount : 0;
      return new TcScore(
          goldCount,
          predictedCount,
          correct,
          precision,
          recall,
          SiScorer.f1(precision, recall, predictedCount, goldCount),
          perLabel);
    }

    private static LabelScore official(String label, int tp, int fp, int fn) {
      double precision = tp + fp > 0 ? (double) tp / (tp + fp) : 0;
      double recall = tp + fn > 0 ? (double) tp / (tp + fn) : 0;
      return new LabelScore(
          label, tp, fp, fn, precision, recall, SiScorer.f1(precision, recall, tp + fp, tp + fn));
    }
  }
}
