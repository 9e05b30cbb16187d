package org.parallax.persuasion.score;

import java.util.List;
import java.util.Optional;

/**
 * Technique classification scores of SemEval-2020 Task 11.
 *
 * @param gold number of gold labels
 * @param predicted number of predicted labels
 * @param correct predicted labels matched by a gold label
 * @param precision {@code correct / predicted}
 * @param recall {@code correct / gold}
 * @param microF1 the task's figure; equals accuracy when every gold span gets exactly one label
 * @param perTechnique one entry per technique seen in gold or predictions, sorted by name
 */
public record TcScore(
    int gold,
    int predicted,
    int correct,
    double precision,
    double recall,
    double microF1,
    List<LabelScore> perTechnique) {

  public TcScore {
    perTechnique = List.copyOf(perTechnique);
  }

  /** The scores of one technique, if it occurred in gold or predictions. */
  public Optional<LabelScore> technique(String id) {
    return perTechnique.stream().filter(s -> s.label().equals(id)).findFirst();
  }
}
