package org.parallax.app.persuasion;

import java.io.IOException;
import java.nio.file.Path;
import org.parallax.persuasion.model.PersuasionModel;
import picocli.CommandLine.Option;

/** {@code --model FILE}: a persuasion model other than the committed one. */
final class ModelOption {

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "A model written by `parallax train persuasion` (default: the committed one).")
  Path model;

  PersuasionModel load() throws IOException {
    return model == null ? PersuasionModel.bundled() : PersuasionModel.load(model);
  }
}
