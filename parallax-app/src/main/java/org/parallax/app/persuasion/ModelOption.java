package org.parallax.app.persuasion;

import java.io.IOException;
import java.nio.file.Path;
import org.parallax.persuasion.genre.GenreModel;
import org.parallax.persuasion.model.PersuasionModel;
import picocli.CommandLine.Option;

/** {@code --model FILE}: a persuasion (or, for SemEval-2023 subtask 1, genre) model file. */
final class ModelOption {

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "A model written by `parallax train persuasion` (for --subtask 1: by `parallax train"
              + " genre`); default: the committed one.")
  Path model;

  PersuasionModel load() throws IOException {
    return model == null ? PersuasionModel.bundled() : PersuasionModel.load(model);
  }

  GenreModel loadGenre() throws IOException {
    return model == null ? GenreModel.bundled() : GenreModel.load(model);
  }
}
