package org.parallax.persuasion.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.persuasion.Technique;
import org.parallax.persuasion.Techniques;
import org.parallax.persuasion.data.PtcArticle;
import org.parallax.persuasion.data.PtcCorpus;
import org.parallax.persuasion.model.SpanTagger;
import org.parallax.persuasion.model.TechniqueClassifier;

/**
 * Trains every persuasion model from the shared data directory, reproducibly (fixed seed, fixed
 * split), and reports the figures it measured on the way.
 */
public final class PersuasionTrainer {

  /** What to train and how. */
  public record Settings(
      long seed,
      double tuneShare,
      int taggerHidden,
      int taggerEpochs,
      int classifierHidden,
      int classifierEpochs) {

    public static Settings defaults() {
      return new Settings(20200917L, 0.15, 128, 6, 256, 40);
    }
  }

  private final PrintStream log;
  private final Settings settings;

  public PersuasionTrainer(PrintStream log, Settings settings) {
    this.log = log;
    this.settings = settings;
  }

  /** Trains on {@code data}/semeval2020-task11-ptc and reports dev figures. */
  public void train(Path data) throws IOException {
    Path ptc = data.resolve("semeval2020-task11-ptc");
    long start = System.nanoTime();
    List<PtcArticle> train = PtcCorpus.read(ptc, "train");
    List<PtcArticle> dev = PtcCorpus.read(ptc, "dev");
    SentenceEncoder encoder =
        SentenceEncoder.shared(
            SentenceEncoder.Model.valueOf(System.getProperty("parallax.encoder", "MINILM_L6")),
            Runtime.getRuntime().availableProcessors());
    List<EncodedArticle> fit = new ArrayList<>();
    List<EncodedArticle> tune = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(settings.seed());
    for (PtcArticle article : train) {
      EncodedArticle encoded = EncodedArticle.of(encoder, article);
      (random.nextDouble() < settings.tuneShare() ? tune : fit).add(encoded);
    }
    List<EncodedArticle> devEncoded = new ArrayList<>();
    for (PtcArticle article : dev) {
      devEncoded.add(EncodedArticle.of(encoder, article));
    }
    log.printf(
        "encoded %d fit, %d tune, %d dev articles in %.1f s%n",
        fit.size(), tune.size(), devEncoded.size(), seconds(start));
    PtcTraining training = new PtcTraining(log, settings.seed());
    long t = System.nanoTime();
    SpanTagger tagger =
        training.trainTagger(fit, tune, settings.taggerHidden(), settings.taggerEpochs());
    log.printf(
        "tagger trained in %.1f s; dev SI %s%n",
        seconds(t), PtcTraining.siScore(tagger, devEncoded, null));
    t = System.nanoTime();
    List<String> techniques = Techniques.ptc2020().stream().map(Technique::id).toList();
    TechniqueClassifier classifier =
        training.trainClassifier(
            techniques, fit, settings.classifierHidden(), settings.classifierEpochs());
    log.printf(
        "classifier trained in %.1f s; tune TC %.3f, dev TC %.3f%n",
        seconds(t),
        PtcTraining.accuracy(classifier, tune),
        PtcTraining.accuracy(classifier, devEncoded));
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  public static void main(String[] args) throws IOException {
    new PersuasionTrainer(System.out, Settings.defaults()).train(Path.of(args[0]));
  }
}
