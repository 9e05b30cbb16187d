package org.parallax.persuasion.score;

/**
 * Counts and scores of one label (a technique) in a classification evaluation.
 *
 * @param truePositives predictions of this label that match a gold label
 * @param falsePositives predictions of this label with no matching gold label
 * @param falseNegatives gold labels of this kind that no prediction matched
 */
public record LabelScore(
    String label,
    int truePositives,
    int falsePositives,
    int falseNegatives,
    double precision,
    double recall,
    double f1) {

  /** Gold occurrences of the label. */
  public int support() {
    return truePositives + falseNegatives;
  }

  /** Predicted occurrences of the label. */
  public int predicted() {
    return truePositives + falsePositives;
  }
}
