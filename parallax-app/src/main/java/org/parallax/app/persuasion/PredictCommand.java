package org.parallax.app.persuasion;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parallax.persuasion.data.LineKey;
import org.parallax.persuasion.data.PtcArticle;
import org.parallax.persuasion.data.PtcCorpus;
import org.parallax.persuasion.data.SemEval2023Article;
import org.parallax.persuasion.data.SemEval2023Corpus;
import org.parallax.persuasion.data.SemEval2023Labels;
import org.parallax.persuasion.data.TcTemplateLine;
import org.parallax.persuasion.eval.ArticleRun;
import org.parallax.persuasion.eval.PtcEvaluation;
import org.parallax.persuasion.eval.SemEval2023Prediction;
import org.parallax.persuasion.framing.FrameModel;
import org.parallax.persuasion.genre.GenreModel;
import org.parallax.persuasion.model.PersuasionModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code parallax predict}: writes predictions in the shared tasks' file formats. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Writes predictions in the shared tasks' own formats; see the subcommands.",
    subcommands = {PredictCommand.Ptc.class, PredictCommand.SemEval2023.class})
public final class PredictCommand {

  /** {@code parallax predict ptc}. */
  @Command(
      name = "ptc",
      mixinStandardHelpOptions = true,
      description = {
        "SemEval-2020 Task 11 predictions, offsets in code points of the raw files.",
        "--task si: article_id<TAB>begin<TAB>end per detected span.",
        "--task tc --spans TEMPLATE: article_id<TAB>technique<TAB>begin<TAB>end per template line."
      })
  static final class Ptc implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "si or tc.")
    String task;

    @Option(
        names = "--articles",
        required = true,
        paramLabel = "DIR",
        description = "Folder of article<ID>.txt files.")
    Path articles;

    @Option(names = "--spans", paramLabel = "TEMPLATE", description = "TC template (--task tc).")
    Path spans;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    Path out;

    @Mixin ModelOption model = new ModelOption();

    @Override
    public Integer call() throws IOException {
      if (!Files.isDirectory(articles)) {
        throw new ParameterException(
            spec.commandLine(), "--articles " + articles + " is not a folder");
      }
      if (!task.equals("si") && !task.equals("tc")) {
        throw new ParameterException(spec.commandLine(), "--task must be si or tc, not " + task);
      }
      if (task.equals("tc") && (spans == null || !Files.isRegularFile(spans))) {
        throw new ParameterException(spec.commandLine(), "--task tc needs --spans TEMPLATE");
      }
      PersuasionModel loaded = model.load();
      List<PtcArticle> read = PtcCorpus.readDirectory(articles);
      Map<String, PtcArticle> byId = new LinkedHashMap<>();
      read.forEach(a -> byId.put(a.id(), a));
      try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        if (task.equals("si")) {
          for (PtcArticle article : read) {
            for (int[] span : new ArticleRun(loaded, article.text()).spans()) {
              writer.write(article.id() + "\t" + span[0] + "\t" + span[1] + "\n");
            }
          }
        } else {
          Map<String, List<TcTemplateLine>> byArticle = new LinkedHashMap<>();
          for (TcTemplateLine line : PtcCorpus.readTemplate(spans)) {
            byArticle.computeIfAbsent(line.articleId(), k -> new ArrayList<>()).add(line);
          }
          for (Map.Entry<String, List<TcTemplateLine>> entry : byArticle.entrySet()) {
            PtcArticle article = byId.get(entry.getKey());
            if (article == null) {
              throw new ParameterException(
                  spec.commandLine(),
                  "the template names article " + entry.getKey() + ", not in " + articles);
            }
            List<String> labels =
                PtcEvaluation.classify(new ArticleRun(loaded, article.text()), entry.getValue());
            for (int i = 0; i < labels.size(); i++) {
              TcTemplateLine line = entry.getValue().get(i);
              writer.write(
                  line.articleId()
                      + "\t"
                      + labels.get(i)
                      + "\t"
                      + line.begin()
                      + "\t"
                      + line.end()
                      + "\n");
            }
          }
        }
      }
      spec.commandLine().getErr().println("parallax: wrote " + out);
      return 0;
    }
  }

  /** {@code parallax predict semeval2023}. */
  @Command(
      name = "semeval2023",
      mixinStandardHelpOptions = true,
      description =
          "SemEval-2023 Task 3 predictions for the articles in DIR (article<ID>.txt): subtask 3,"
              + " persuasion techniques per scored line (article_id<TAB>line<TAB>labels; English"
              + " only); subtask 1, the genre of each article (article_id<TAB>genre), and subtask 2,"
              + " its frames (article_id<TAB>frame,frame,...), in en, fr, ge, it, po, ru.")
  static final class SemEval2023 implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--subtask", required = true, paramLabel = "N", description = "1, 2 or 3.")
    int subtask;

    @Option(
        names = "--lang",
        defaultValue = "en",
        paramLabel = "LANG",
        description =
            "The articles' language: en for subtask 3; for subtask 1 one of the data's folders"
                + " (en, fr, ge, it, po, ru) or its ISO code (de, pl), for subtasks 1 and 2.")
    String lang;

    @Option(names = "--articles", required = true, paramLabel = "DIR", description = "Articles.")
    Path articles;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    Path out;

    @Mixin ModelOption model = new ModelOption();

    @Override
    public Integer call() throws IOException {
      if (subtask == 1 || subtask == 2) {
        return articleLabels();
      }
      if (subtask != 3) {
        throw new ParameterException(spec.commandLine(), "only --subtask 1, 2 and 3 are predicted");
      }
      if (!lang.equals("en")) {
        throw new ParameterException(
            spec.commandLine(), "the persuasion model is English only; --lang " + lang);
      }
      if (!Files.isDirectory(articles)) {
        throw new ParameterException(
            spec.commandLine(), "--articles " + articles + " is not a folder");
      }
      List<SemEval2023Article> read = SemEval2023Corpus.readDirectory(articles, lang);
      Map<LineKey, List<String>> predictions = SemEval2023Prediction.predict(model.load(), read);
      SemEval2023Corpus.writePredictions(out, predictions);
      spec.commandLine().getErr().println("parallax: wrote " + out);
      return 0;
    }

    private int articleLabels() throws IOException {
      String language = SemEval2023Labels.LANGUAGES.getOrDefault(lang, lang);
      if (!GenreModel.LANGUAGES.contains(language)) {
        throw new ParameterException(
            spec.commandLine(),
            "the genre and framing models read "
                + GenreModel.LANGUAGES
                + " (or the data's folder names); --lang "
                + lang);
      }
      if (!Files.isDirectory(articles)) {
        throw new ParameterException(
            spec.commandLine(), "--articles " + articles + " is not a folder");
      }
      GenreModel genreModel = subtask == 1 ? model.loadGenre() : null;
      FrameModel frameModel = subtask == 2 ? model.loadFrames() : null;
      StringBuilder lines = new StringBuilder();
      for (SemEval2023Labels.Article article : SemEval2023Labels.articles(articles, language)) {
        String label =
            genreModel != null
                ? genreModel.classify(article.text(), language).genre()
                : String.join(
                    ",",
                    frameModel.classify(article.text(), language).frames().stream()
                        .map(FrameModel.Frame::frame)
                        .toList());
        lines.append(article.id()).append('\t').append(label).append('\n');
      }
      Files.writeString(out, lines.toString(), StandardCharsets.UTF_8);
      spec.commandLine().getErr().println("parallax: wrote " + out);
      return 0;
    }
  }
}
