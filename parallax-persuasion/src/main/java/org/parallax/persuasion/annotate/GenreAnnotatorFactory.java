package org.parallax.persuasion.annotate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.core.pipeline.Options;
import org.parallax.persuasion.genre.GenreModel;

/**
 * Finds {@link GenreAnnotator} by the name {@code genre}; option {@code model}: a model file
 * trained with {@code parallax train genre} (default the committed one).
 */
public final class GenreAnnotatorFactory implements AnnotatorFactory {

  @Override
  public String name() {
    return "genre";
  }

  @Override
  public String description() {
    return "the article's genre (opinion, reporting, satire) with its evidence";
  }

  @Override
  public Annotator create(Map<String, String> options) {
    Options read = Options.of(name(), options);
    String file = read.string("model", "");
    read.checkAllRead();
    try {
      return new GenreAnnotator(
          file.isEmpty() ? GenreModel.bundled() : GenreModel.load(Path.of(file)));
    } catch (IOException | RuntimeException e) {
      throw new ConfigException("genre.model: " + e.getMessage(), e);
    }
  }
}
