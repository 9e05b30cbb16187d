package org.parallax.nlp.lang;

import java.util.List;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;

/**
 * A detected language: ISO 639-1 code (e.g. {@code en}, {@code ar}) or {@code und} when the text is
 * too short or mixed to tell, with the detector's confidence in [0, 1].
 *
 * @param span the text the decision covers: the whole document or one paragraph
 */
public record Language(Span span, String code, double confidence) {

  /** The language of the whole document. */
  public static final Layer<Language> DOCUMENT = Layer.of("language", Language.class);

  /** The language of each paragraph, in paragraph order. */
  public static final Layer<List<Language>> PARAGRAPHS =
      Layer.listOf("paragraphLanguages", Language.class);

  public static final String UNDETERMINED = "und";
}
