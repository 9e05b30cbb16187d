package org.parallax.persuasion.score;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.persuasion.data.LineKey;

/**
 * The SemEval-2023 Task 3 subtask 3 scorer: every gold line becomes a binary vector over the class
 * list, predictions likewise, and scikit-learn's {@code f1_score(..., zero_division=1)} is taken
 * with {@code average="micro"} (the task's figure) and {@code "macro"}.
 *
 * <p>As in the official script: labels outside the class list are ignored on both sides (its {@code
 * MultiLabelBinarizer} drops them); a ratio whose denominator is 0 counts as 1, so a label never in
 * gold and never predicted has F1 1 and lifts macro-F1. Lines are those of the gold map; a gold
 * line without a prediction counts as predicted empty, and predictions for lines outside the gold
 * map are ignored.
 */
public final class MultiLabelScorer {

  private MultiLabelScorer() {}

  /**
   * Scores predicted label sets against gold ones.
   *
   * @param labels the class list (e.g. the 23 ids of {@code techniques_subtask3.txt})
   * @throws IllegalArgumentException when {@code labels} is empty or repeats a label
   */
  public static MultiLabelScore score(
      Map<LineKey, Set<String>> gold, Map<LineKey, Set<String>> predicted, List<String> labels) {
    Set<String> classes = new LinkedHashSet<>(labels);
    if (classes.isEmpty() || classes.size() != labels.size()) {
      throw new IllegalArgumentException("the class list is empty or repeats a label: " + labels);
    }
    Map<String, int[]> counts = new LinkedHashMap<>();
    classes.forEach(label -> counts.put(label, new int[3]));
    for (Map.Entry<LineKey, Set<String>> line : gold.entrySet()) {
      Set<String> g = line.getValue() == null ? Set.of() : line.getValue();
      Set<String> p = predicted.getOrDefault(line.getKey(), Set.of());
      p = p == null ? Set.of() : p;
      for (String label : classes) {
        boolean inGold = g.contains(label);
        boolean inPredicted = p.contains(label);
        int[] c = counts.get(label);
        if (inGold && inPredicted) {
          c[0]++;
        } else if (inPredicted) {
          c[1]++;
        } else if (inGold) {
          c[2]++;
        }
      }
    }
    int tp = 0;
    int fp = 0;
    int fn = 0;
    double f1Sum = 0;
    List<LabelScore> perLabel = new ArrayList<>();
    for (Map.Entry<String, int[]> entry : counts.entrySet()) {
      int[] c = entry.getValue();
      tp += c[0];
      fp += c[1];
      fn += c[2];
      LabelScore score =
          new LabelScore(
              entry.getKey(),
              c[0],
              c[1],
              c[2],
              ratio(c[0], c[0] + c[1]),
              ratio(c[0], c[0] + c[2]),
              f1(c[0], c[1], c[2]));
      f1Sum += score.f1();
      perLabel.add(score);
    }
    return new MultiLabelScore(
        gold.size(),
        tp,
        fp,
        fn,
        ratio(tp, tp + fp),
        ratio(tp, tp + fn),
        f1(tp, fp, fn),
        f1Sum / classes.size(),
        perLabel);
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? 1 : (double) numerator / denominator;
  }

  /** {@code 2TP / (2TP + FP + FN)}, which is the harmonic mean of P and R, or 1 when undefined. */
  private static double f1(int tp, int fp, int fn) {
    return ratio(2 * tp, 2 * tp + fp + fn);
  }
}
