package org.parallax.persuasion.score;

import java.util.List;
import java.util.Optional;

/**
 * Multi-label scores of SemEval-2023 Task 3 subtask 3 (the task ranks by micro-F1).
 *
 * @param lines gold lines scored
 * @param truePositives (line, label) pairs both in gold and predicted
 * @param falsePositives predicted pairs not in gold
 * @param falseNegatives gold pairs not predicted
 * @param perLabel one entry per label of the class list, in its order
 */
public record MultiLabelScore(
    int lines,
    int truePositives,
    int falsePositives,
    int falseNegatives,
    double microPrecision,
    double microRecall,
    double microF1,
    double macroF1,
    List<LabelScore> perLabel) {

  public MultiLabelScore {
    perLabel = List.copyOf(perLabel);
  }

  /** The scores of one label of the class list. */
  public Optional<LabelScore> label(String id) {
    return perLabel.stream().filter(s -> s.label().equals(id)).findFirst();
  }
}
