package org.parallax.nlp.segment;

import java.util.Map;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.Options;

/**
 * Creates the {@code segment} annotator; options {@code joinWrappedLines}, {@code
 * tokenizerLanguage}.
 */
public final class SegmentFactory implements AnnotatorFactory {

  @Override
  public String name() {
    return "segment";
  }

  @Override
  public String description() {
    return "paragraphs, sentences and tokens";
  }

  @Override
  public Annotator create(Map<String, String> options) {
    Options read = Options.of(name(), options);
    SegmentAnnotator.Config defaults = SegmentAnnotator.Config.DEFAULTS;
    SegmentAnnotator.Config config =
        new SegmentAnnotator.Config(
            read.bool("joinWrappedLines", defaults.joinWrappedLines()),
            read.string("tokenizerLanguage", defaults.tokenizerLanguage()));
    read.checkAllRead();
    return new SegmentAnnotator(config);
  }
}
