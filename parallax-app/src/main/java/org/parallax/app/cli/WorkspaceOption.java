package org.parallax.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --workspace} option shared by every command (a picocli mixin). */
final class WorkspaceOption {

  @Option(
      names = {"-w", "--workspace"},
      defaultValue = "parallax-workspace",
      description = "Workspace folder (default: ${DEFAULT-VALUE}).")
  Path path;

  /** The workspace folder, which must already hold an index. */
  Path existing() {
    if (!Files.isDirectory(path.resolve("index"))) {
      throw new UsageException(
          "no workspace at "
              + path
              + "; create one with: parallax analyze PATH --workspace "
              + path);
    }
    return path;
  }
}
