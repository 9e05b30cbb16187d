package org.parallax.persuasion.eval;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.persuasion.Technique;
import org.parallax.persuasion.Techniques;
import org.parallax.persuasion.data.LineKey;
import org.parallax.persuasion.data.PtcArticle;
import org.parallax.persuasion.data.PtcCorpus;
import org.parallax.persuasion.data.SemEval2023Article;
import org.parallax.persuasion.data.SemEval2023Corpus;
import org.parallax.persuasion.model.PersuasionModel;
import org.parallax.persuasion.score.MultiLabelScore;
import org.parallax.persuasion.score.MultiLabelScorer;

/**
 * The paragraph classifier on its validation split: the SemEval-2023 English train articles that
 * are PTC dev articles. No model saw them in training (the span models train on PTC train, the
 * paragraph model on the other 2023 train articles), and they carry gold labels.
 */
public final class SemEval2023Validation {

  /** The articles of the split and the score on them. */
  public record Result(int articles, MultiLabelScore score) {}

  private SemEval2023Validation() {}

  /** The validation articles, given the shared data folder. */
  public static List<SemEval2023Article> articles(Path data) {
    Set<String> ids = new HashSet<>();
    for (PtcArticle article : PtcCorpus.read(data.resolve("semeval2020-task11-ptc"), "dev")) {
      ids.add(article.id());
    }
    return SemEval2023Corpus.read(data.resolve("semeval2023-task3").resolve("en"), "train").stream()
        .filter(a -> ids.contains(a.id()))
        .toList();
  }

  public static Result run(PersuasionModel model, Path data) {
    List<SemEval2023Article> articles = articles(data);
    Map<LineKey, Set<String>> gold =
        SemEval2023Corpus.byLine(
            SemEval2023Corpus.readLabels(
                data.resolve("semeval2023-task3")
                    .resolve("en")
                    .resolve("train-labels-subtask-3.txt")));
    Map<LineKey, Set<String>> expected = new HashMap<>();
    Map<LineKey, Set<String>> predicted = new HashMap<>();
    for (Map.Entry<LineKey, List<String>> entry :
        SemEval2023Prediction.predict(model, articles).entrySet()) {
      if (gold.containsKey(entry.getKey())) {
        expected.put(entry.getKey(), gold.get(entry.getKey()));
        predicted.put(entry.getKey(), Set.copyOf(entry.getValue()));
      }
    }
    List<String> labels = Techniques.semeval2023().stream().map(Technique::id).toList();
    return new Result(articles.size(), MultiLabelScorer.score(expected, predicted, labels));
  }
}
