package org.parallax.app.persuasion;

import java.io.IOException;
import java.nio.file.Path;
import org.parallax.persuasion.framing.FrameModel;
import org.parallax.persuasion.genre.GenreModel;
import org.parallax.persuasion.model.PersuasionModel;
import picocli.CommandLine.Option;

/**
 * {@code --model FILE}: a persuasion (or, for SemEval-2023 subtasks 1 and 2, genre or framing)
 * model file.
 */
final class ModelOption {

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "A model written by `parallax train persuasion` (for --subtask 1: `parallax train"
              + " genre`; for --subtask 2: `parallax train framing`); default: the committed one.")
  Path model;

  PersuasionModel load() throws IOException {
    return model == null ? PersuasionModel.bundled() : PersuasionModel.load(model);
  }

  GenreModel loadGenre() throws IOException {
    return model == null ? GenreModel.bundled() : GenreModel.load(model);
  }

  FrameModel loadFrames() throws IOException {
    return model == null ? FrameModel.bundled() : FrameModel.load(model);
  }
}
