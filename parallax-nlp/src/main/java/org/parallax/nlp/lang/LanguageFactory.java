package org.parallax.nlp.lang;

import java.util.Map;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.core.pipeline.Options;

/**
 * Creates the {@code language} annotator; options {@code minParagraphLetters}, {@code hintMargin},
 * {@code highAccuracy}.
 */
public final class LanguageFactory implements AnnotatorFactory {

  @Override
  public String name() {
    return "language";
  }

  @Override
  public String description() {
    return "language of the document and of each paragraph (Lingua)";
  }

  @Override
  public Annotator create(Map<String, String> options) {
    Options read = Options.of(name(), options);
    LanguageAnnotator.Config defaults = LanguageAnnotator.Config.DEFAULTS;
    String margin = read.string("hintMargin", null);
    double hintMargin;
    try {
      hintMargin = margin == null ? defaults.hintMargin() : Double.parseDouble(margin.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException("language.hintMargin must be a number, not '" + margin + "'");
    }
    LanguageAnnotator.Config config =
        new LanguageAnnotator.Config(
            read.integer("minParagraphLetters", defaults.minParagraphLetters()),
            hintMargin,
            read.bool("highAccuracy", defaults.highAccuracy()));
    read.checkAllRead();
    return new LanguageAnnotator(config);
  }
}
