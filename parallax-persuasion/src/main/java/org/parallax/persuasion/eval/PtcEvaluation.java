package org.parallax.persuasion.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.persuasion.data.GoldSpan;
import org.parallax.persuasion.data.PtcArticle;
import org.parallax.persuasion.data.PtcCorpus;
import org.parallax.persuasion.data.TcTemplateLine;
import org.parallax.persuasion.model.PersuasionModel;
import org.parallax.persuasion.score.SiScore;
import org.parallax.persuasion.score.SiScorer;
import org.parallax.persuasion.score.TcScore;
import org.parallax.persuasion.score.TcScorer;

/**
 * Runs the model on a PTC split and scores it: SI with the official span scorer, TC on the gold
 * spans with micro-F1 and per-technique figures.
 */
public final class PtcEvaluation {

  /** The figures of one split. */
  public record Result(String split, int articles, SiScore si, TcScore tc, double seconds) {}

  private PtcEvaluation() {}

  public static Result run(PersuasionModel model, Path ptcDir, String split) {
    long start = System.nanoTime();
    List<PtcArticle> articles = PtcCorpus.read(ptcDir, split);
    Map<String, List<int[]>> gold = new HashMap<>();
    Map<String, List<int[]>> predicted = new HashMap<>();
    List<String> goldLabels = new ArrayList<>();
    List<String> predictedLabels = new ArrayList<>();
    for (PtcArticle article : articles) {
      ArticleRun run = new ArticleRun(model, article.text());
      predicted.put(article.id(), run.spans());
      List<int[]> spans = new ArrayList<>();
      List<TcTemplateLine> template = new ArrayList<>();
      for (GoldSpan span : article.spans()) {
        spans.add(new int[] {span.begin(), span.end()});
        template.add(new TcTemplateLine(article.id(), span.begin(), span.end()));
        goldLabels.add(span.technique());
      }
      gold.put(article.id(), spans);
      predictedLabels.addAll(classify(run, template));
    }
    return new Result(
        split,
        articles.size(),
        SiScorer.score(gold, predicted),
        TcScorer.score(goldLabels, predictedLabels),
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * One technique per template line of one article: the most likely one. (Giving a span listed
   * twice its two most likely techniques, as some shared-task systems did, moved PTC dev TC by
   * +0.002 with one model and -0.005 with another: not kept.)
   */
  public static List<String> classify(ArticleRun run, List<TcTemplateLine> lines) {
    List<int[]> spans = new ArrayList<>();
    for (TcTemplateLine line : lines) {
      spans.add(new int[] {line.begin(), line.end()});
    }
    run.prepare(spans);
    Map<String, String> bySpan = new LinkedHashMap<>();
    List<String> labels = new ArrayList<>();
    for (TcTemplateLine line : lines) {
      String key = line.begin() + ":" + line.end();
      labels.add(bySpan.computeIfAbsent(key, k -> run.ranked(line.begin(), line.end()).get(0)));
    }
    return labels;
  }
}
