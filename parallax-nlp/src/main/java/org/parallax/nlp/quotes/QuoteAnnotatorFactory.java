package org.parallax.nlp.quotes;

import java.util.Map;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.core.pipeline.Options;

/**
 * Finds {@link QuoteAnnotator} by the name {@code quotes}; options: attribution, reported,
 * minUnattributedWords, maxCueDistance.
 */
public final class QuoteAnnotatorFactory implements AnnotatorFactory {

  @Override
  public String name() {
    return "quotes";
  }

  @Override
  public String description() {
    return "direct quotes and reported speech with speaker and cue";
  }

  @Override
  public Annotator create(Map<String, String> options) {
    QuoteAnnotator.Config defaults = QuoteAnnotator.Config.defaults();
    Options read = Options.of(name(), options);
    String attribution = read.string("attribution", defaults.attribution());
    boolean reported = read.bool("reported", defaults.reported());
    int minWords = read.integer("minUnattributedWords", defaults.minUnattributedWords());
    int maxDistance = read.integer("maxCueDistance", defaults.maxCueDistance());
    read.checkAllRead();
    try {
      return new QuoteAnnotator(
          new QuoteAnnotator.Config(attribution, reported, minWords, maxDistance));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }
}
