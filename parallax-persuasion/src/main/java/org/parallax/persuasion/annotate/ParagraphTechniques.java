package org.parallax.persuasion.annotate;

import java.util.List;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;

/**
 * The SemEval-2023 persuasion techniques a paragraph uses (task 3, subtask 3): several may apply.
 *
 * @param span the paragraph
 * @param techniques the techniques found, most likely first; empty when none passed its threshold
 */
public record ParagraphTechniques(Span span, List<Scored> techniques) {

  public static final Layer<List<ParagraphTechniques>> LAYER =
      Layer.listOf("paragraphTechniques", ParagraphTechniques.class);

  /** A technique with its probability. */
  public record Scored(String technique, double score) {}
}
