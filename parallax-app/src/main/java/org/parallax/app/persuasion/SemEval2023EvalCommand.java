package org.parallax.app.persuasion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.parallax.core.json.Json;
import org.parallax.persuasion.Technique;
import org.parallax.persuasion.Techniques;
import org.parallax.persuasion.data.LineKey;
import org.parallax.persuasion.data.SemEval2023Corpus;
import org.parallax.persuasion.data.SemEval2023Labels;
import org.parallax.persuasion.eval.SemEval2023Validation;
import org.parallax.persuasion.framing.FramingScore;
import org.parallax.persuasion.framing.FramingTraining;
import org.parallax.persuasion.genre.GenreScore;
import org.parallax.persuasion.genre.GenreTraining;
import org.parallax.persuasion.score.LabelScore;
import org.parallax.persuasion.score.MultiLabelScore;
import org.parallax.persuasion.score.MultiLabelScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code parallax eval semeval2023}: subtask 3, paragraph techniques, micro-F1; subtask 1, article
 * genre, macro-F1.
 */
@Command(
    name = "semeval2023",
    mixinStandardHelpOptions = true,
    description =
        "Scores SemEval-2023 Task 3 predictions against a gold file of the same format. Subtask"
            + " 3 (article_id<TAB>line<TAB>labels): micro-F1 over (line, technique) pairs, as the"
            + " official scorer; lines missing from the predictions count as empty. Subtask 1"
            + " (article_id<TAB>genre): macro-F1 over the genres. Subtask 2"
            + " (article_id<TAB>frame,frame,...): micro-F1 over (article, frame) pairs. With"
            + " --validation, scores a model instead on labelled articles it was not trained on:"
            + " for subtask 3 the English paragraphs of the PTC dev articles, for subtasks 1 and 2"
            + " the fixed validation split of all six languages.")
public final class SemEval2023EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--subtask", required = true, paramLabel = "N", description = "1, 2 or 3.")
  int subtask;

  @Option(names = "--gold", paramLabel = "FILE", description = "Gold labels.")
  Path gold;

  @Option(names = "--pred", paramLabel = "FILE", description = "Predictions.")
  Path pred;

  @Option(
      names = "--validation",
      description =
          "Predict and score the validation split of the paragraph model (needs --data;"
              + " --model for a model other than the committed one).")
  boolean validation;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "With --validation: the data folder holding semeval2020-task11-ptc/ and"
              + " semeval2023-task3/ (e.g. ../shared/data).")
  Path data;

  @Mixin ModelOption model = new ModelOption();

  @Option(names = "--json", description = "Print the figures as JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    if (subtask == 1) {
      return genres();
    }
    if (subtask == 2) {
      return frames();
    }
    if (subtask != 3) {
      throw new ParameterException(
          spec.commandLine(),
          "only --subtask 1 (genre), --subtask 2 (framing) and --subtask 3 (persuasion techniques"
              + " per paragraph) are scored");
    }
    MultiLabelScore score = validation ? validationScore() : fileScore();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.MAPPER.createObjectNode();
      root.put("subtask", 3);
      root.put("lines", score.lines());
      root.put("microPrecision", score.microPrecision());
      root.put("microRecall", score.microRecall());
      root.put("microF1", score.microF1());
      root.put("macroF1", score.macroF1());
      ObjectNode per = root.putObject("perTechnique");
      for (LabelScore label : score.perLabel()) {
        ObjectNode node = per.putObject(label.label());
        node.put("precision", label.precision());
        node.put("recall", label.recall());
        node.put("f1", label.f1());
        node.put("support", label.support());
      }
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      out.printf(
          Locale.ROOT,
          "%d lines: micro-P %.3f  micro-R %.3f  micro-F1 %.3f  macro-F1 %.3f%n",
          score.lines(),
          score.microPrecision(),
          score.microRecall(),
          score.microF1(),
          score.macroF1());
      for (LabelScore label : score.perLabel()) {
        out.printf(
            Locale.ROOT,
            "%-36s P %.3f R %.3f F1 %.3f (%d)%n",
            label.label(),
            label.precision(),
            label.recall(),
            label.f1(),
            label.support());
      }
    }
    out.flush();
    return 0;
  }

  private MultiLabelScore fileScore() {
    checkFiles();
    Map<LineKey, Set<String>> expected =
        SemEval2023Corpus.byLine(SemEval2023Corpus.readLabels(gold));
    Map<LineKey, Set<String>> predicted =
        SemEval2023Corpus.byLine(SemEval2023Corpus.readLabels(pred));
    List<String> labels = Techniques.semeval2023().stream().map(Technique::id).toList();
    return MultiLabelScorer.score(expected, predicted, labels);
  }

  private MultiLabelScore validationScore() throws IOException {
    if (gold != null || pred != null || data == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--validation takes --data DIR (and --model FILE), not --gold/--pred");
    }
    for (String folder : List.of("semeval2020-task11-ptc", "semeval2023-task3")) {
      if (!Files.isDirectory(data.resolve(folder))) {
        throw new ParameterException(
            spec.commandLine(), data + " holds no " + folder + "/ (give the shared data folder)");
      }
    }
    return SemEval2023Validation.run(model.load(), data).score();
  }

  /** The semeval2023-task3 folder of --data, once the --validation arguments are checked. */
  private Path articleValidationData() {
    if (gold != null || pred != null || data == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--validation takes --data DIR (and --model FILE), not --gold/--pred");
    }
    Path semeval = data.resolve("semeval2023-task3");
    if (!Files.isDirectory(semeval)) {
      throw new ParameterException(
          spec.commandLine(), data + " holds no semeval2023-task3/ (give the shared data folder)");
    }
    return semeval;
  }

  /** Checks the --gold/--pred arguments: two readable files and nothing of --validation. */
  private void checkFiles() {
    if (gold == null || pred == null || data != null || model.model != null) {
      throw new ParameterException(
          spec.commandLine(),
          "give --gold FILE and --pred FILE, or --validation --data DIR [--model FILE] to score a"
              + " model");
    }
    for (Path file : List.of(gold, pred)) {
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(spec.commandLine(), file + " is not a file");
      }
    }
  }

  private int genres() throws IOException {
    GenreScore score;
    if (validation) {
      Path semeval = articleValidationData();
      score = GenreScore.of(model.loadGenre(), GenreTraining.validation(semeval));
    } else {
      checkFiles();
      Map<String, String> expected = SemEval2023Labels.readLabels(gold);
      Map<String, String> predicted = SemEval2023Labels.readLabels(pred);
      List<String[]> pairs = new ArrayList<>();
      // an article missing from the predictions counts as wrong
      expected.forEach(
          (id, genre) -> pairs.add(new String[] {genre, predicted.getOrDefault(id, "")}));
      score = GenreScore.pooled(pairs);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.MAPPER.createObjectNode();
      root.put("subtask", 1);
      figures(root.putObject("all"), score.all());
      ObjectNode per = root.putObject("byLanguage");
      score.byLanguage().forEach((language, f) -> figures(per.putObject(language), f));
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      out.print(score.table());
    }
    out.flush();
    return 0;
  }

  private static void figures(ObjectNode node, GenreScore.Figures f) {
    node.put("articles", f.articles());
    node.put("macroF1", f.macroF1());
    node.put("accuracy", f.accuracy());
    ObjectNode per = node.putObject("f1");
    f.f1().forEach(per::put);
  }

  private int frames() throws IOException {
    FramingScore score;
    if (validation) {
      Path semeval = articleValidationData();
      score = FramingTraining.score(model.loadFrames(), FramingTraining.validation(semeval));
    } else {
      checkFiles();
      Map<String, String> expected = SemEval2023Labels.readLabels(gold);
      Map<String, String> predicted = SemEval2023Labels.readLabels(pred);
      List<FramingScore.Pair> pairs = new ArrayList<>();
      // an article missing from the predictions has no frames predicted
      expected.forEach(
          (id, frames) ->
              pairs.add(
                  new FramingScore.Pair(
                      FramingTraining.frames(frames), FramingTraining.frames(predicted.get(id)))));
      score = FramingScore.of(pairs, null);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode root = Json.MAPPER.createObjectNode();
      root.put("subtask", 2);
      frameFigures(root.putObject("all"), score.all());
      ObjectNode per = root.putObject("byLanguage");
      score.byLanguage().forEach((language, f) -> frameFigures(per.putObject(language), f));
      out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } else {
      out.print(score.table());
    }
    out.flush();
    return 0;
  }

  private static void frameFigures(ObjectNode node, FramingScore.Figures f) {
    node.put("articles", f.articles());
    node.put("microF1", f.microF1());
    node.put("macroF1", f.macroF1());
    ObjectNode per = node.putObject("f1");
    f.f1().forEach(per::put);
  }
}
