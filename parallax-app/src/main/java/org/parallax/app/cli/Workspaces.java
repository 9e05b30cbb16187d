package org.parallax.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks shared by the commands that read an existing workspace. */
final class Workspaces {

  private Workspaces() {}

  static void requireExisting(Path workspace) {
    if (!Files.isDirectory(workspace.resolve("index"))) {
      throw new UsageException(
          "no workspace at "
              + workspace
              + "; create one with: parallax analyze PATH --workspace "
              + workspace);
    }
  }
}
