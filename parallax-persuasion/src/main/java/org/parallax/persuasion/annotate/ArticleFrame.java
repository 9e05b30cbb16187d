package org.parallax.persuasion.annotate;

import java.util.List;
import org.parallax.core.model.Layer;

/**
 * One frame a whole article uses to present its subject, with the evidence behind the call.
 *
 * @param frame the frame id of SemEval-2023 Task 3 subtask 2, e.g. {@code Security_and_defense}
 * @param score the model's probability of the frame, 0 to 1
 * @param definition the frame in plain words
 * @param evidence the article's words and word pairs that added most to this frame's score
 */
public record ArticleFrame(String frame, double score, String definition, List<String> evidence) {

  /** The frames of an article, most likely first; empty when none reached the threshold. */
  public static final Layer<List<ArticleFrame>> LAYER = Layer.listOf("frames", ArticleFrame.class);
}
