package org.parallax.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parallax.app.analyze.Analysis;
import org.parallax.app.analyze.CorpusStages;
import org.parallax.app.analyze.RecordLoader;
import org.parallax.index.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parallax load}: documents analysed on Spark into a workspace, then the corpus stages. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Puts documents analysed elsewhere (the Spark job's OUT/analysed folder, docs/SPARK.md) into a"
          + " workspace without analysing them again, then runs the corpus stages over the"
          + " workspace (names across documents, duplicates, stories, talking points, outlets),"
          + " as analyze does after its documents.",
      "Documents already in the workspace are kept (use --force to replace them)."
    })
final class LoadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders of documents.")
  List<String> paths;

  @Mixin WorkspaceOption workspace;

  @Option(
      names = {"-o", "--option"},
      paramLabel = "SECTION.KEY=VALUE",
      description = "A corpus-stage option, e.g. -o stories.joinThreshold=0.3 (repeatable).")
  List<String> options;

  @Option(names = "--force", description = "Replace documents the workspace already holds.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    Map<String, Map<String, String>> corpusOptions = new LinkedHashMap<>();
    AnalyzeCommand.parseOptions(options)
        .forEach(
            (section, values) -> {
              if (!CorpusStages.SECTIONS.contains(section)) {
                throw new UsageException(
                    "load runs the corpus stages only; '"
                        + section
                        + "' is none of "
                        + CorpusStages.SECTIONS);
              }
              corpusOptions.put(section, values);
            });
    CorpusStages.Settings settings = CorpusStages.Settings.of(corpusOptions);
    for (String path : paths) {
      if (!java.nio.file.Files.exists(Path.of(path))) {
        throw new UsageException("no such file or folder: " + path);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = workspace.path;
    RecordLoader.Result result;
    try (Workspace ws = Workspace.open(dir)) {
      try {
        result = RecordLoader.load(ws, paths, force);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      AnalyzeCommand.printFailures(err, result.failures());
      Map<String, Duration> times = new LinkedHashMap<>();
      Analysis.corpus(ws, settings, times);
      out.printf(
          Locale.ROOT,
          "loaded %d, already in workspace %d, failed %d; workspace %s holds %d documents%n",
          result.loaded(),
          result.skipped(),
          result.failures().size(),
          dir,
          ws.size());
      out.println(AnalyzeCommand.stageTimes("time by stage:", times));
    }
    out.flush();
    return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
  }
}
