package org.parallax.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parallax.app.analyze.Analysis;
import org.parallax.app.analyze.ConfigFile;
import org.parallax.app.analyze.CorpusStages;
import org.parallax.app.report.CorpusResults;
import org.parallax.app.report.ReportWriter;
import org.parallax.core.model.Outcome;
import org.parallax.core.pipeline.Pipeline;
import org.parallax.core.pipeline.Progress;
import org.parallax.index.workspace.Workspace;
import org.parallax.ingest.source.SourceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parallax analyze}: turns files, folders or stdin into an analysed workspace. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Reads articles (.txt, .html, .jsonl, WARC archives, RSS/Atom feeds, each optionally"
          + " gzipped; folders recursively; - for stdin), cleans and annotates them, and stores"
          + " them in a workspace.",
      "Documents already in the workspace are not analysed again (use --force)."
    })
final class AnalyzeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, folders, or - for stdin.")
  List<String> paths;

  @Mixin WorkspaceOption workspace;

  @Option(
      names = "--report",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "DIR",
      description = "Also write the HTML report (default folder: WORKSPACE/report).")
  String report;

  @Option(
      names = "--annotators",
      split = ",",
      paramLabel = "NAME",
      description =
          "Annotators to run, in order (default: segment,language,entities,quotes,encoder,techniques).")
  List<String> annotators;

  @Option(
      names = {"-o", "--option"},
      paramLabel = "SECTION.KEY=VALUE",
      description =
          "An annotator or corpus-stage option, e.g. -o quotes.attribution=corenlp or -o stories.joinThreshold=0.3 (repeatable).")
  List<String> options;

  @Option(names = "--threads", description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--document-timeout",
      paramLabel = "SECONDS",
      description =
          "Longest one document may take to be read and annotated; it then fails with a reason and"
              + " the batch goes on (default: 600, or documentTimeoutSeconds from --config; 0: no"
              + " limit).")
  Double documentTimeoutSeconds;

  @Option(
      names = "--max-mb",
      description =
          "Largest input page, feed, JSONL line or WARC record in MB; larger ones fail with a"
              + " message (default: 20, or ingest.maxBytes from --config).")
  Integer maxMegabytes;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file laid out like parallax-default.yaml; options given here win.")
  Path config;

  @Option(names = "--force", description = "Analyse again documents the workspace already holds.")
  boolean force;

  @Option(names = "--no-progress", description = "Do not draw a progress bar.")
  boolean noProgress;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Analysis.Settings settings = settings();
    // configuration errors surface here, before the workspace is created
    settings.corpus();
    Pipeline pipeline = Analysis.pipeline(settings);
    Progress progress =
        noProgress ? Progress.none() : Progress.console(System.err, System.console() != null);
    Analysis.Result result;
    Path workspace = this.workspace.path;
    try (Workspace ws = Workspace.open(workspace)) {
      result = Analysis.run(ws, paths, pipeline, settings, progress);
      printFailures(err, result.failures());
      // a WARC archive or feed gives a count of documents that means little without what else
      // it held: a crawl's requests, images and redirects, or the point where a file broke
      for (SourceSummary source : result.sources()) {
        out.println(source.describe());
      }
      var summary = result.summary();
      out.printf(
          Locale.ROOT,
          "analysed %d, already in workspace %d, failed %d in %.1f s; workspace %s holds %d"
              + " documents%n",
          summary.analysed(),
          summary.skipped(),
          summary.failed(),
          summary.elapsed().toMillis() / 1000.0,
          workspace,
          ws.size());
      out.println(stageTimes("time by stage (summed over threads):", result.stageTimes()));
      if (!summary.failedByStage().isEmpty()) {
        out.println("failures by stage: " + summary.failedByStage());
      }
      if (report != null) {
        Path dir = report.isEmpty() ? workspace.resolve("report") : Path.of(report);
        Files.createDirectories(dir);
        Path index =
            ReportWriter.write(
                ws.documents()::iterator, ws.failures(), CorpusResults.of(ws::corpusResult), dir);
        out.println("report: " + index.toAbsolutePath().toUri());
      }
    }
    out.flush();
    return result.summary().failed() > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
  }

  /** One line of {@code header} and each stage's time in seconds, as analyze and load print. */
  static String stageTimes(String header, Map<String, java.time.Duration> times) {
    StringBuilder line = new StringBuilder(header);
    times.forEach(
        (stage, time) ->
            line.append(
                String.format(Locale.ROOT, " %s %.1f s,", stage, time.toMillis() / 1000.0)));
    return line.substring(0, line.length() - (times.isEmpty() ? 0 : 1));
  }

  /** Each failed input on a line of its own: where, in which stage, why. */
  static void printFailures(PrintWriter err, List<Outcome.Failed> failures) {
    for (Outcome.Failed failed : failures) {
      err.printf("failed: %s [%s]: %s%n", failed.origin(), failed.stage(), failed.reason());
    }
  }

  /** The settings file (if any) with this command line's options on top. */
  Analysis.Settings settings() {
    Analysis.Settings base = Analysis.Settings.defaults();
    if (config != null) {
      base = ConfigFile.read(config, base);
    }
    Map<String, Map<String, String>> merged = new LinkedHashMap<>();
    base.options().forEach((name, values) -> merged.put(name, new LinkedHashMap<>(values)));
    Map<String, Map<String, String>> corpus = new LinkedHashMap<>();
    base.corpusOptions().forEach((name, values) -> corpus.put(name, new LinkedHashMap<>(values)));
    parseOptions(options)
        .forEach(
            (name, values) ->
                (CorpusStages.SECTIONS.contains(name) ? corpus : merged)
                    .computeIfAbsent(name, k -> new LinkedHashMap<>())
                    .putAll(values));
    return new Analysis.Settings(
        annotators == null ? base.annotators() : annotators,
        merged,
        threads == null ? base.threads() : threads,
        // only the byte limit: the depth and text limits of the settings file stay
        maxMegabytes == null
            ? base.ingest()
            : base.ingest().withMaxBytes((long) maxMegabytes * 1024 * 1024),
        force,
        corpus,
        documentTimeoutSeconds == null
            ? base.documentTimeout()
            : Analysis.Settings.seconds(documentTimeoutSeconds));
  }

  static Map<String, Map<String, String>> parseOptions(List<String> options) {
    Map<String, Map<String, String>> byAnnotator = new LinkedHashMap<>();
    for (String option : options == null ? List.<String>of() : options) {
      int dot = option.indexOf('.');
      int eq = option.indexOf('=');
      if (dot <= 0 || eq < dot + 2) {
        throw new UsageException(
            "option '"
                + option
                + "' must look like SECTION.KEY=VALUE, e.g. quotes.attribution=rules");
      }
      byAnnotator
          .computeIfAbsent(option.substring(0, dot), k -> new LinkedHashMap<>())
          .put(option.substring(dot + 1, eq), option.substring(eq + 1));
    }
    return byAnnotator;
  }

  @Override
  public String toString() {
    return "analyze " + Arrays.toString(paths == null ? new Object[0] : paths.toArray());
  }
}
