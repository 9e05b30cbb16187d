package org.parallax.nlp.segment;

import java.util.List;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;

/** A paragraph of the clean text: a block separated from the next by a blank line. */
public record Paragraph(Span span) {

  public static final Layer<List<Paragraph>> LAYER = Layer.listOf("paragraphs", Paragraph.class);
}
