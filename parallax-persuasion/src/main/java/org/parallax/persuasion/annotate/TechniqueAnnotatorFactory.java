package org.parallax.persuasion.annotate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.core.pipeline.Options;
import org.parallax.persuasion.model.PersuasionModel;

/**
 * Finds {@link TechniqueAnnotator} by the name {@code techniques}; options: {@code minScore} (keep
 * spans scoring at least this, default 0), {@code threads} (encoder threads per call, default 1)
 * and {@code model} (a model file trained with {@code parallax train persuasion}; default the
 * committed one).
 */
public final class TechniqueAnnotatorFactory implements AnnotatorFactory {

  @Override
  public String name() {
    return "techniques";
  }

  @Override
  public String description() {
    return "persuasion technique spans (with voice and evidence) and paragraph techniques";
  }

  @Override
  public Annotator create(Map<String, String> options) {
    Options read = Options.of(name(), options);
    TechniqueAnnotator.Config defaults = TechniqueAnnotator.Config.defaults();
    double minScore = read.decimal("minScore", defaults.minScore());
    int threads = read.integer("threads", defaults.threads());
    String file = read.string("model", "");
    read.checkAllRead();
    if (threads < 1) {
      throw new ConfigException("techniques.threads must be at least 1: " + threads);
    }
    if (minScore < 0 || minScore > 1) {
      throw new ConfigException("techniques.minScore must be between 0 and 1: " + minScore);
    }
    PersuasionModel model;
    try {
      model = file.isEmpty() ? PersuasionModel.bundled() : PersuasionModel.load(Path.of(file));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("techniques.model: " + e.getMessage(), e);
    }
    return new TechniqueAnnotator(model, new TechniqueAnnotator.Config(minScore, threads));
  }
}
