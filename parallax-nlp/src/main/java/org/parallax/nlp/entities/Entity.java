package org.parallax.nlp.entities;

import java.util.List;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;

/**
 * A named entity mention.
 *
 * @param type {@code PERSON}, {@code ORGANIZATION}, {@code LOCATION} or {@code MISC}
 * @param canonical the name this mention refers to, shared by all spelling variants and short forms
 *     (e.g. "Qasem Soleimani" for "Suleimani", "General Soleimani", "Soleimani")
 */
public record Entity(Span span, String type, String canonical) {

  public static final Layer<List<Entity>> LAYER = Layer.listOf("entities", Entity.class);

  public Entity withCanonical(String value) {
    return new Entity(span, type, value);
  }
}
