package org.parallax.persuasion.data;

import java.util.Objects;
import org.parallax.core.model.Span;

/**
 * A gold technique span in Java {@code char} offsets of the article text, ready to slice with
 * {@link Span#of(String)} or to compare with annotator output.
 *
 * @param technique technique id as spelled in the label file; {@code null} for span identification
 *     data
 */
public record LabelledSpan(String technique, Span span) {

  public LabelledSpan {
    Objects.requireNonNull(span, "span");
  }
}
