package org.parallax.nlp.segment;

import java.util.List;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;

/** A word or punctuation token; tokens never cross a sentence boundary. */
public record Token(Span span) {

  public static final Layer<List<Token>> LAYER = Layer.listOf("tokens", Token.class);
}
