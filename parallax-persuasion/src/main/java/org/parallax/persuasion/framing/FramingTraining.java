package org.parallax.persuasion.framing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parallax.persuasion.data.SemEval2023Labels;
import org.parallax.persuasion.genre.GenreFeatures;
import org.parallax.persuasion.genre.GenreModel;
import org.parallax.persuasion.genre.GenreTraining;
import org.parallax.persuasion.train.Splits;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDModel;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the {@link FrameModel} on the SemEval-2023 subtask 2 train articles of all six languages
 * but the same fixed validation split as the genre model ({@link GenreTraining#isValidation}).
 *
 * <p>The one threshold is chosen on tuning articles (a further 20 % of the fitting articles, by
 * another hash) with a model trained on the rest, to maximise micro-F1; the model is then trained
 * again on all fitting articles with the same settings and keeps that threshold.
 */
public final class FramingTraining {

  // Splits.isTuning mixes its seed with 0x9E3779B97F4A7C15; this value gives the tuning articles
  // the
  // committed model's threshold was chosen on
  private static final long TUNING_SEED = 0x7A11F4A3L ^ 0x9E3779B97F4A7C15L;

  /**
   * A word or word pair must occur in this many fitting articles to become a feature: fourteen
   * weights per feature, so fewer than the genre model's for a file of about the same size.
   */
  static final int MIN_DOCUMENTS = 5;

  private FramingTraining() {}

  /**
   * Settings.
   *
   * @param seed seed of the example order (default 20200917)
   * @param epochs passes over the articles (default 20)
   * @param learningRate AdaGrad's initial learning rate (default 0.5)
   */
  public record Settings(long seed, int epochs, double learningRate) {
    public static Settings defaults() {
      return new Settings(20200917L, 20, 0.5);
    }
  }

  /** The trained model and its validation figures. */
  public record Result(FrameModel model, FramingScore validation, int fitted) {}

  /** The validation articles under {@code semevalDir} (the {@code semeval2023-task3} folder). */
  public static List<SemEval2023Labels.Article> validation(Path semevalDir) {
    return SemEval2023Labels.labelled(semevalDir, 2).stream()
        .filter(a -> GenreTraining.isValidation(a.language(), a.id()))
        .toList();
  }

  /** An article's frames from its label field. */
  public static Set<String> frames(String label) {
    Set<String> frames = new LinkedHashSet<>();
    if (label != null) {
      Arrays.stream(label.split(","))
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .forEach(frames::add);
    }
    return frames;
  }

  /** Scores {@code model} on labelled articles. */
  public static FramingScore score(FrameModel model, List<SemEval2023Labels.Article> articles) {
    List<FramingScore.Pair> pairs = new ArrayList<>();
    List<String> languages = new ArrayList<>();
    for (SemEval2023Labels.Article article : articles) {
      Set<String> predicted = new LinkedHashSet<>();
      model
          .classify(article.text(), article.language())
          .frames()
          .forEach(f -> predicted.add(f.frame()));
      pairs.add(new FramingScore.Pair(frames(article.label()), predicted));
      languages.add(article.language());
    }
    return FramingScore.of(pairs, languages);
  }

  /** Trains on the fitting articles under {@code semevalDir}; progress lines go to {@code log}. */
  public static Result train(Path semevalDir, Settings settings, PrintStream log) {
    List<SemEval2023Labels.Article> fit = new ArrayList<>();
    List<SemEval2023Labels.Article> held = new ArrayList<>();
    for (SemEval2023Labels.Article article : SemEval2023Labels.labelled(semevalDir, 2)) {
      (GenreTraining.isValidation(article.language(), article.id()) ? held : fit).add(article);
    }
    if (fit.isEmpty()) {
      throw new IllegalArgumentException(
          semevalDir + " holds no SemEval-2023 subtask 2 labels (train-labels-subtask-2.txt)");
    }
    List<SemEval2023Labels.Article> core = new ArrayList<>();
    List<SemEval2023Labels.Article> tune = new ArrayList<>();
    for (SemEval2023Labels.Article article : fit) {
      (isTuning(article.language(), article.id()) ? tune : core).add(article);
    }
    log.printf(
        Locale.ROOT,
        "framing: %d fitting articles (%d of them tune the threshold), %d validation articles%n",
        fit.size(),
        tune.size(),
        held.size());
    FrameModel first = new FrameModel(fitModel(core, settings), 0.5);
    double threshold = bestThreshold(first, tune);
    log.printf(Locale.ROOT, "framing: threshold %.2f chosen on the tuning articles%n", threshold);
    long start = System.nanoTime();
    FrameModel model = new FrameModel(fitModel(fit, settings), threshold);
    log.printf(
        Locale.ROOT,
        "framing: trained on all %d fitting articles in %.1f s%n",
        fit.size(),
        (System.nanoTime() - start) / 1e9);
    FramingScore score = score(model, held);
    log.print(score.table());
    return new Result(model, score, fit.size());
  }

  private static boolean isTuning(String language, String id) {
    return Splits.isTuning(language + "/" + id, TUNING_SEED, 0.2);
  }

  private static double bestThreshold(FrameModel model, List<SemEval2023Labels.Article> tune) {
    List<Set<String>> gold = new ArrayList<>();
    List<Map<String, Double>> scores = new ArrayList<>();
    for (SemEval2023Labels.Article article : tune) {
      gold.add(frames(article.label()));
      scores.add(model.classify(article.text(), article.language()).scores());
    }
    double best = 0.5;
    double bestF1 = -1;
    for (int step = 5; step <= 90; step++) {
      double t = step / 100.0;
      List<FramingScore.Pair> pairs = new ArrayList<>();
      for (int i = 0; i < gold.size(); i++) {
        Set<String> predicted = new LinkedHashSet<>();
        scores
            .get(i)
            .forEach(
                (frame, p) -> {
                  if (p >= t) {
                    predicted.add(frame);
                  }
                });
        pairs.add(new FramingScore.Pair(gold.get(i), predicted));
      }
      double f1 = FramingScore.figures(pairs).microF1();
      if (f1 > bestF1) {
        bestF1 = f1;
        best = t;
      }
    }
    return best;
  }

  private static LinearSGDModel fitModel(
      List<SemEval2023Labels.Article> articles, Settings settings) {
    List<Map<String, Double>> features = new ArrayList<>(articles.size());
    Map<String, Integer> documents = new HashMap<>();
    for (SemEval2023Labels.Article article : articles) {
      Map<String, Double> f = GenreFeatures.of(article.text(), article.language());
      features.add(f);
      f.keySet().forEach(name -> documents.merge(name, 1, Integer::sum));
    }
    MultiLabelFactory factory = new MultiLabelFactory();
    MutableDataset<MultiLabel> dataset =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("SemEval-2023 Task 3 subtask 2, fitting split", factory),
            factory);
    for (int i = 0; i < articles.size(); i++) {
      Map<String, Double> kept = new TreeMap<>(features.get(i));
      kept.keySet().removeIf(name -> documents.get(name) < MIN_DOCUMENTS);
      Set<Label> labels = new LinkedHashSet<>();
      frames(articles.get(i).label()).forEach(f -> labels.add(new Label(f)));
      dataset.add(GenreModel.example(kept, new MultiLabel(labels)));
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new BinaryCrossEntropy(),
            new AdaGrad(settings.learningRate(), 0.1),
            settings.epochs(),
            Integer.MAX_VALUE,
            1,
            settings.seed());
    return (LinearSGDModel) trainer.train(dataset);
  }
}
