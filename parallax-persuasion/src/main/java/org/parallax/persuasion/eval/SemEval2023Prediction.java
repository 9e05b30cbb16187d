package org.parallax.persuasion.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.model.Span;
import org.parallax.persuasion.data.LineKey;
import org.parallax.persuasion.data.ParagraphLine;
import org.parallax.persuasion.data.SemEval2023Article;
import org.parallax.persuasion.features.EncodedText;
import org.parallax.persuasion.model.ParagraphClassifier;
import org.parallax.persuasion.model.PersuasionModel;

/** Labels every line of SemEval-2023 task 3 articles with the paragraph classifier (subtask 3). */
public final class SemEval2023Prediction {

  private SemEval2023Prediction() {}

  /** The labels of every scored line of {@code articles}, keyed as in the official files. */
  public static Map<LineKey, List<String>> predict(
      PersuasionModel model, List<SemEval2023Article> articles) {
    ParagraphClassifier classifier = model.paragraphs();
    if (classifier == null) {
      throw new IllegalStateException("this persuasion model has no paragraph classifier");
    }
    int threads = Runtime.getRuntime().availableProcessors();
    Map<LineKey, List<String>> predictions = new LinkedHashMap<>();
    for (SemEval2023Article article : articles) {
      List<Span> units = article.lines().stream().map(ParagraphLine::span).toList();
      EncodedText text = model.encode(article.text(), units, threads);
      float[] p = model.tagger().wordProbabilities(model.context(text));
      for (ParagraphLine line : article.lines()) {
        float[] probabilities =
            classifier.probabilities(ParagraphClassifier.features(text, p, line.span()));
        predictions.put(new LineKey(article.id(), line.line()), classifier.labels(probabilities));
      }
    }
    return predictions;
  }
}
