package org.parallax.persuasion.genre;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.parallax.persuasion.data.SemEval2023Labels;
import org.parallax.persuasion.train.Splits;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the {@link GenreModel} on the SemEval-2023 subtask 1 train articles of all six languages
 * and measures it on the validation articles it was not trained on.
 *
 * <p>The validation split is fixed (a hash of language and article id, {@link #VALIDATION_SHARE} of
 * each language), whatever the training seed, so that {@code parallax eval semeval2023 --subtask 1
 * --validation} scores any model on the same articles. Each genre's examples are weighted by the
 * inverse of its share of the fitting articles: the task is scored by macro-F1, and satire is 6 %
 * of the data.
 */
public final class GenreTraining {

  /** The share of each language's labelled articles held out for validation. */
  public static final double VALIDATION_SHARE = 0.2;

  private static final long SPLIT_SEED = 0x5E3E2023L;

  /** A word or word pair must occur in this many fitting articles to become a feature. */
  public static final int MIN_DOCUMENTS = 3;

  private GenreTraining() {}

  /**
   * Settings.
   *
   * @param seed seed of the example order (default 20200917)
   * @param epochs passes over the fitting articles (default 20)
   * @param learningRate AdaGrad's initial learning rate (default 0.5)
   */
  public record Settings(long seed, int epochs, double learningRate) {
    public static Settings defaults() {
      return new Settings(20200917L, 20, 0.5);
    }
  }

  /** The trained model and its validation figures. */
  public record Result(GenreModel model, GenreScore validation, int fitted) {}

  /** Whether an article of a language belongs to the fixed validation split. */
  public static boolean isValidation(String language, String id) {
    return Splits.isTuning(language + "/" + id, SPLIT_SEED, VALIDATION_SHARE);
  }

  /** The validation articles under {@code semevalDir} (the {@code semeval2023-task3} folder). */
  public static List<SemEval2023Labels.Article> validation(Path semevalDir) {
    return SemEval2023Labels.labelled(semevalDir).stream()
        .filter(a -> isValidation(a.language(), a.id()))
        .toList();
  }

  /** Trains on the fitting articles under {@code semevalDir}; progress lines go to {@code log}. */
  public static Result train(Path semevalDir, Settings settings, PrintStream log) {
    List<SemEval2023Labels.Article> fit = new ArrayList<>();
    List<SemEval2023Labels.Article> held = new ArrayList<>();
    for (SemEval2023Labels.Article article : SemEval2023Labels.labelled(semevalDir)) {
      (isValidation(article.language(), article.id()) ? held : fit).add(article);
    }
    if (fit.isEmpty()) {
      throw new IllegalArgumentException(
          semevalDir + " holds no SemEval-2023 subtask 1 labels (train-labels-subtask-1.txt)");
    }
    Map<String, Integer> perGenre = new TreeMap<>();
    fit.forEach(a -> perGenre.merge(a.label(), 1, Integer::sum));
    log.printf(
        Locale.ROOT,
        "genre: %d fitting articles %s, %d validation articles%n",
        fit.size(),
        perGenre,
        held.size());
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> dataset =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("SemEval-2023 Task 3 subtask 1, fitting split", factory),
            factory);
    Map<String, Float> weight = new HashMap<>();
    perGenre.forEach(
        (genre, n) -> weight.put(genre, (float) fit.size() / (perGenre.size() * (float) n)));
    // words and pairs of one fitting article only say nothing about another: left out, they keep
    // the model small (and the predictions ignore what the model has not seen)
    List<Map<String, Double>> features = new ArrayList<>(fit.size());
    Map<String, Integer> documents = new HashMap<>();
    for (SemEval2023Labels.Article article : fit) {
      Map<String, Double> f = GenreFeatures.of(article.text(), article.language());
      features.add(f);
      f.keySet().forEach(name -> documents.merge(name, 1, Integer::sum));
    }
    for (int i = 0; i < fit.size(); i++) {
      SemEval2023Labels.Article article = fit.get(i);
      Map<String, Double> kept = new TreeMap<>(features.get(i));
      kept.keySet().removeIf(name -> documents.get(name) < MIN_DOCUMENTS);
      ArrayExample<Label> example = GenreModel.example(kept, new Label(article.label()));
      example.setWeight(weight.get(article.label()));
      dataset.add(example);
    }
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new LogMulticlass(),
            new AdaGrad(settings.learningRate(), 0.1),
            settings.epochs(),
            Integer.MAX_VALUE,
            1,
            settings.seed());
    long start = System.nanoTime();
    GenreModel model = new GenreModel((LinearSGDModel) trainer.train(dataset));
    log.printf(
        Locale.ROOT,
        "genre: trained on %d features in %.1f s%n",
        dataset.getFeatureMap().size(),
        (System.nanoTime() - start) / 1e9);
    GenreScore score = GenreScore.of(model, held);
    log.print(score.table());
    return new Result(model, score, fit.size());
  }
}
