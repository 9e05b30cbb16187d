package org.parallax.app.persuasion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parallax.core.json.Json;
import org.parallax.persuasion.eval.PtcEvaluation;
import org.parallax.persuasion.score.LabelScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code parallax eval ptc}: span identification and technique classification on PTC. */
@Command(
    name = "ptc",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the persuasion model on a SemEval-2020 Task 11 split: SI precision/recall/F1 with"
          + " the official scorer's semantics, TC micro-F1 on the gold spans, per technique.",
      "DIR is the PTC folder (<split>-articles/, <split>-labels-task-flc-tc/)."
    })
public final class PtcEvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "PTC folder.")
  Path data;

  @Option(
      names = "--split",
      defaultValue = "dev",
      paramLabel = "SPLIT",
      description = "train or dev (default ${DEFAULT-VALUE}); test has no gold.")
  String split;

  @Option(names = "--json", description = "Print the figures as JSON instead of a table.")
  boolean json;

  @Mixin ModelOption model = new ModelOption();

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(data.resolve(split + "-articles"))) {
      throw new ParameterException(
          spec.commandLine(), "--data " + data + " has no " + split + "-articles folder");
    }
    if (!Files.isDirectory(data.resolve(split + "-labels-task-flc-tc"))) {
      throw new ParameterException(
          spec.commandLine(), "split '" + split + "' has no gold labels in " + data);
    }
    PtcEvaluation.Result result = PtcEvaluation.run(model.load(), data, split);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.MAPPER.createObjectNode();
      root.put("split", result.split());
      root.put("articles", result.articles());
      ObjectNode si = root.putObject("si");
      si.put("precision", result.si().precision());
      si.put("recall", result.si().recall());
      si.put("f1", result.si().f1());
      ObjectNode tc = root.putObject("tc");
      tc.put("microF1", result.tc().microF1());
      ObjectNode per = tc.putObject("perTechnique");
      for (LabelScore label : result.tc().perTechnique()) {
        ObjectNode node = per.putObject(label.label());
        node.put("precision", label.precision());
        node.put("recall", label.recall());
        node.put("f1", label.f1());
        node.put("support", label.support());
      }
      root.put("seconds", result.seconds());
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      out.printf(Locale.ROOT, "PTC %s, %d articles%n", result.split(), result.articles());
      out.printf(
          Locale.ROOT,
          "SI  precision %.3f  recall %.3f  F1 %.3f%n",
          result.si().precision(),
          result.si().recall(),
          result.si().f1());
      out.printf(Locale.ROOT, "TC  micro-F1 %.3f%n", result.tc().microF1());
      out.printf(
          Locale.ROOT,
          "%-45s %9s %6s %6s %7s%n",
          "technique",
          "precision",
          "recall",
          "F1",
          "support");
      for (LabelScore label : result.tc().perTechnique()) {
        out.printf(
            Locale.ROOT,
            "%-45s %9.3f %6.3f %6.3f %7d%n",
            label.label(),
            label.precision(),
            label.recall(),
            label.f1(),
            label.support());
      }
      out.printf(Locale.ROOT, "%.0f s%n", result.seconds());
    }
    out.flush();
    return 0;
  }
}
