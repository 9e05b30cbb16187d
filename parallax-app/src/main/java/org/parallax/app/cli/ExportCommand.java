package org.parallax.app.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parallax.index.export.Exporter;
import org.parallax.index.export.Format;
import org.parallax.index.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parallax export}: one record per document, as JSONL or CSV. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Writes every analysed document as a JSONL or CSV record (schema: docs/EXPORT.md).")
final class ExportCommand implements Callable<Integer> {

  @Mixin WorkspaceOption workspace;

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      description = "jsonl or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: stdout).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path workspace = this.workspace.existing();
    try (Workspace ws = Workspace.open(workspace)) {
      if (out == null) {
        Writer writer =
            new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        Exporter.export(ws, format, writer);
        writer.flush();
      } else {
        if (out.toAbsolutePath().getParent() != null) {
          Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          Exporter.export(ws, format, writer);
        }
        System.err.println("exported " + ws.size() + " documents to " + out);
      }
    }
    return ExitCodes.OK;
  }
}
