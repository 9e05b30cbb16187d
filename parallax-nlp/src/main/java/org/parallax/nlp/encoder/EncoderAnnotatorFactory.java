package org.parallax.nlp.encoder;

import java.util.Map;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.core.pipeline.Options;

/** Finds {@link EncoderAnnotator} by the name {@code encoder}; options: threads, batchSize. */
public final class EncoderAnnotatorFactory implements AnnotatorFactory {

  @Override
  public String name() {
    return "encoder";
  }

  @Override
  public String description() {
    return "sentence and document vectors (all-MiniLM-L6-v2, ONNX Runtime)";
  }

  @Override
  public Annotator create(Map<String, String> options) {
    EncoderAnnotator.Config defaults = EncoderAnnotator.Config.defaults();
    Options read = Options.of(name(), options);
    int threads = read.integer("threads", defaults.threads());
    int batchSize = read.integer("batchSize", defaults.batchSize());
    read.checkAllRead();
    EncoderAnnotator.Config config;
    try {
      config = new EncoderAnnotator.Config(threads, batchSize);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    return new EncoderAnnotator(config);
  }
}
