package org.parallax.nlp.segment;

import java.util.List;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;

/** A sentence; sentences never cross a paragraph boundary. */
public record Sentence(Span span) {

  public static final Layer<List<Sentence>> LAYER = Layer.listOf("sentences", Sentence.class);
}
