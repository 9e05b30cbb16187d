package org.parallax.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parallax.app.report.CorpusResults;
import org.parallax.app.report.ReportWriter;
import org.parallax.index.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parallax report}: the static HTML report of a workspace. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Writes a self-contained HTML report of a workspace that opens from disk.")
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin WorkspaceOption workspace;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Report folder (default: WORKSPACE/report).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path workspace = this.workspace.existing();
    Path dir = out == null ? workspace.resolve("report") : out;
    Files.createDirectories(dir);
    try (Workspace ws = Workspace.open(workspace)) {
      Path index =
          ReportWriter.write(
              ws.documents()::iterator, ws.failures(), CorpusResults.of(ws::corpusResult), dir);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println("report: " + index.toAbsolutePath().toUri());
      stdout.flush();
    }
    return ExitCodes.OK;
  }
}
