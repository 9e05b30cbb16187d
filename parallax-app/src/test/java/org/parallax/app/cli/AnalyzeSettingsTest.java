package org.parallax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.ingest.source.IngestConfig;
import picocli.CommandLine;

/** How {@code analyze}'s command-line options combine with a settings file's ingest section. */
class AnalyzeSettingsTest {

  @TempDir Path dir;

  @Test
  void maxMbReplacesOnlyTheByteLimitOfTheSettingsFile() throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("settings.yaml"),
            "ingest:\n  maxBytes: 1000\n  maxDepth: 64\n  maxTextChars: 5000\n");

    IngestConfig ingest = settings("--config", config.toString(), "--max-mb", "2", "in");

    assertThat(ingest).isEqualTo(new IngestConfig(2L * 1024 * 1024, 64, 5000));
  }

  @Test
  void withoutMaxMbTheSettingsFileDecides() throws IOException {
    Path config =
        Files.writeString(dir.resolve("settings.yaml"), "ingest:\n  maxTextChars: 5000\n");

    assertThat(settings("--config", config.toString(), "in"))
        .isEqualTo(
            new IngestConfig(IngestConfig.DEFAULT_MAX_BYTES, IngestConfig.DEFAULT_MAX_DEPTH, 5000));
    assertThat(settings("--max-mb", "3", "in"))
        .isEqualTo(IngestConfig.DEFAULTS.withMaxBytes(3L * 1024 * 1024));
  }

  private static IngestConfig settings(String... args) {
    AnalyzeCommand command = new AnalyzeCommand();
    new CommandLine(command).parseArgs(args);
    return command.settings().ingest();
  }
}
