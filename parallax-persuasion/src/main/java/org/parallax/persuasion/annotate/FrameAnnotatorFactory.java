package org.parallax.persuasion.annotate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.core.pipeline.Options;
import org.parallax.persuasion.framing.FrameModel;

/**
 * Finds {@link FrameAnnotator} by the name {@code frames}; option {@code model}: a model file
 * trained with {@code parallax train framing} (default the committed one).
 */
public final class FrameAnnotatorFactory implements AnnotatorFactory {

  @Override
  public String name() {
    return "frames";
  }

  @Override
  public String description() {
    return "the frames the article uses (economic, security, morality, ...) with their evidence";
  }

  @Override
  public Annotator create(Map<String, String> options) {
    Options read = Options.of(name(), options);
    String file = read.string("model", "");
    read.checkAllRead();
    try {
      return new FrameAnnotator(
          file.isEmpty() ? FrameModel.bundled() : FrameModel.load(Path.of(file)));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("frames.model: " + e.getMessage(), e);
    }
  }
}
