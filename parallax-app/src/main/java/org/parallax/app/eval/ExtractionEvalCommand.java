package org.parallax.app.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.parallax.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code parallax eval extraction}: article-body extraction on the ScrapingHub benchmark. */
@Command(
    name = "extraction",
    mixinStandardHelpOptions = true,
    description = {
      "Scores article-body extraction with the article-extraction-benchmark metric (4-gram"
          + " shingle F1), for Parallax and Readability4J on the same pages in the same run.",
      "DIR holds html/<id>.html.gz and ground-truth.json = {id: {articleBody, url}}."
    })
final class ExtractionEvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Benchmark folder.")
  Path data;

  @Option(names = "--json", description = "Print the figures as JSON instead of a table.")
  boolean json;

  @Option(
      names = "--predictions-out",
      paramLabel = "FILE",
      description = "Write Parallax's bodies as {id: {\"articleBody\": text}}.")
  Path predictionsOut;

  @Option(
      names = "--with-node",
      description =
          "Also measure @mozilla/readability through Node (npm installs it once into the cache"
              + " folder; needs the network that one time).")
  boolean withNode;

  @Option(
      names = "--node-cache",
      paramLabel = "DIR",
      description = "Where --with-node keeps its npm packages (default: ~/.cache/parallax/node).")
  Path nodeCache;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(data)) {
      throw new ParameterException(spec.commandLine(), "--data " + data + " is not a directory");
    }
    if (!Files.isRegularFile(BenchmarkPages.groundTruth(data))) {
      throw new ParameterException(
          spec.commandLine(), "--data " + data + " has no ground-truth.json");
    }
    BenchmarkPages benchmark = BenchmarkPages.read(data);
    PrintWriter err = spec.commandLine().getErr();
    if (!benchmark.missing().isEmpty()) {
      err.println(
          "parallax: "
              + benchmark.missing().size()
              + " labelled page(s) have no HTML file and are not scored, e.g. "
              + benchmark.missing().get(0));
      err.flush();
    }
    if (benchmark.pages().isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--data " + data + " has no pages");
    }
    List<ExtractionSystem> systems = new ArrayList<>();
    systems.add(ExtractionEvaluation.parallax());
    systems.add(ExtractionEvaluation.readability4j());
    if (withNode) {
      if (NodeReadabilitySystem.nodeAvailable()) {
        Path cache =
            nodeCache != null
                ? nodeCache
                : Path.of(System.getProperty("user.home"), ".cache", "parallax", "node");
        systems.add(new NodeReadabilitySystem(cache));
      } else {
        err.println("parallax: --with-node: no `node` on the PATH, readability.js is skipped");
        err.flush();
      }
    }
    ExtractionEvaluation.Report report = ExtractionEvaluation.run(benchmark.pages(), systems);
    if (predictionsOut != null) {
      writePredictions(report.systems().get("parallax").bodies(), predictionsOut);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.MAPPER.writeValueAsString(toJson(report)) : table(report));
    out.flush();
    return 0;
  }

  static ObjectNode toJson(ExtractionEvaluation.Report report) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("pages", report.pages());
    ObjectNode systems = root.putObject("systems");
    report
        .systems()
        .forEach(
            (name, result) -> {
              ShingleMetric.Scores scores = result.scores();
              systems
                  .putObject(name)
                  .put("f1", scores.f1())
                  .put("precision", scores.precision())
                  .put("recall", scores.recall())
                  .put("accuracy", scores.accuracy())
                  .put("pagesPerSecond", result.pagesPerSecond());
            });
    return root;
  }

  static String table(ExtractionEvaluation.Report report) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%-16s %7s %10s %7s %9s %8s %8s%n",
            "system",
            "F1",
            "precision",
            "recall",
            "accuracy",
            "pages/s",
            "failed"));
    report
        .systems()
        .forEach(
            (name, result) ->
                table.append(
                    String.format(
                        Locale.ROOT,
                        "%-16s %7.4f %10.4f %7.4f %9.4f %8.1f %8d%n",
                        name,
                        result.scores().f1(),
                        result.scores().precision(),
                        result.scores().recall(),
                        result.scores().accuracy(),
                        result.pagesPerSecond(),
                        result.failures())));
    table
        .append(report.pages())
        .append(
            " pages; pages/s counts extraction time only, at steady state (3 s warm-up, fastest of 3 passes)");
    return table.toString();
  }

  private static void writePredictions(Map<String, String> bodies, Path file) throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    new TreeMap<>(bodies).forEach((id, body) -> root.putObject(id).put("articleBody", body));
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }
}
