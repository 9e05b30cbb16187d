package org.parallax.persuasion.annotate;

import java.util.List;
import java.util.Map;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;

/**
 * A stretch of text that uses a persuasion technique, with the evidence behind the call.
 *
 * @param span where the technique is, in the document's text
 * @param technique the SemEval-2020 technique id, e.g. {@code Loaded_Language}
 * @param score how sure the model is, 0 to 1: the span's probability times the technique's (both
 *     calibrated on held-out articles)
 * @param voice {@link #AUTHOR} when the article says it in its own voice, {@link #QUOTED} when it
 *     lies inside a quote: then the technique is the speaker's, not the outlet's
 * @param speaker the quoted speaker's canonical name, when {@code voice} is quoted and known
 * @param evidence why the model says so
 */
public record TechniqueSpan(
    Span span, String technique, double score, String voice, String speaker, Evidence evidence) {

  public static final Layer<List<TechniqueSpan>> LAYER =
      Layer.listOf("techniques", TechniqueSpan.class);

  public static final String AUTHOR = "author";
  public static final String QUOTED = "quoted";

  /**
   * What the model can honestly show for one span.
   *
   * @param definition the technique in one plain sentence
   * @param spanScore the probability that the span carries some technique
   * @param techniqueScore the probability of this technique given that it carries one
   * @param cues the span's words the span tagger weighed most
   * @param alternatives the next most likely techniques with their probabilities
   * @param neighbours how many of the seven most similar annotated training spans carry each
   *     technique
   */
  public record Evidence(
      String definition,
      double spanScore,
      double techniqueScore,
      List<String> cues,
      Map<String, Double> alternatives,
      Map<String, Integer> neighbours) {}
}
