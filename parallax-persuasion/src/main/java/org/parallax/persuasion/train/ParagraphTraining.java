package org.parallax.persuasion.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.core.model.Span;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.persuasion.data.LineKey;
import org.parallax.persuasion.data.ParagraphLine;
import org.parallax.persuasion.data.SemEval2023Article;
import org.parallax.persuasion.features.EncodedText;
import org.parallax.persuasion.features.Features;
import org.parallax.persuasion.features.Lexicons;
import org.parallax.persuasion.model.Mlp;
import org.parallax.persuasion.model.MlpEnsemble;
import org.parallax.persuasion.model.ParagraphClassifier;
import org.parallax.persuasion.model.SpanTagger;
import org.parallax.persuasion.score.MultiLabelScore;
import org.parallax.persuasion.score.MultiLabelScorer;

/** Trains and measures the SemEval-2023 paragraph classifier. */
final class ParagraphTraining {

  /** One 2023 article encoded line by line, with the tagger's word probabilities. */
  record Encoded(SemEval2023Article article, EncodedText text, float[] wordProbabilities) {

    static Encoded of(
        SentenceEncoder encoder,
        SentenceEncoder.Model second,
        SpanTagger tagger,
        Lexicons lexicons,
        SemEval2023Article article) {
      List<Span> units = article.lines().stream().map(ParagraphLine::span).toList();
      EncodedText text = EncodedText.encode(encoder, second, article.text(), units);
      float[] p = tagger.wordProbabilities(new Features.Context(text, lexicons));
      return new Encoded(article, text, p);
    }

    float[] features(ParagraphLine line) {
      return ParagraphClassifier.features(text, wordProbabilities, line.span());
    }
  }

  private final PrintStream log;
  private final long seed;

  ParagraphTraining(PrintStream log, long seed) {
    this.log = log;
    this.seed = seed;
  }

  ParagraphClassifier train(
      List<String> techniques,
      List<Encoded> fit,
      List<Encoded> tune,
      Map<LineKey, Set<String>> gold,
      int hidden,
      int epochs,
      int members) {
    List<float[]> x = new ArrayList<>();
    List<float[]> y = new ArrayList<>();
    for (Encoded encoded : fit) {
      for (ParagraphLine line : encoded.article().lines()) {
        x.add(encoded.features(line));
        y.add(target(techniques, gold.get(new LineKey(encoded.article().id(), line.line()))));
      }
    }
    log.printf("  paragraphs: %d lines for training%n", x.size());
    float[][] features = x.toArray(float[][]::new);
    float[][] targets = y.toArray(float[][]::new);
    List<Mlp> networks = new ArrayList<>();
    for (int m = 0; m < members; m++) {
      networks.add(
          Mlp.train(
              features,
              targets,
              null,
              Mlp.Output.SIGMOID,
              Mlp.Settings.of(hidden, epochs, seed + m).withDropout(0.3)));
    }
    MlpEnsemble model = new MlpEnsemble(networks);
    float[] initial = new float[techniques.size()];
    java.util.Arrays.fill(initial, 0.5f);
    ParagraphClassifier untuned = new ParagraphClassifier(techniques, model, initial);
    float[] thresholds = tuneThresholds(untuned, tune, gold);
    return new ParagraphClassifier(techniques, model, thresholds);
  }

  /** Per technique, the threshold that maximises the micro-F1 contribution on tuning lines. */
  private float[] tuneThresholds(
      ParagraphClassifier classifier, List<Encoded> tune, Map<LineKey, Set<String>> gold) {
    List<float[]> probabilities = new ArrayList<>();
    List<Set<String>> truth = new ArrayList<>();
    for (Encoded encoded : tune) {
      for (ParagraphLine line : encoded.article().lines()) {
        probabilities.add(classifier.probabilities(encoded.features(line)));
        Set<String> labels = gold.get(new LineKey(encoded.article().id(), line.line()));
        truth.add(labels == null ? Set.of() : labels);
      }
    }
    List<String> techniques = classifier.techniques();
    float[] thresholds = new float[techniques.size()];
    // Micro-F1 couples the labels; a few rounds of coordinate ascent find a good joint setting.
    java.util.Arrays.fill(thresholds, 0.5f);
    for (int round = 0; round < 3; round++) {
      for (int t = 0; t < techniques.size(); t++) {
        float best = thresholds[t];
        double bestF1 = -1;
        for (int step = 1; step <= 19; step++) {
          thresholds[t] = step * 0.05f;
          double f1 = microF1(probabilities, truth, techniques, thresholds);
          if (f1 > bestF1 + 1e-9) {
            bestF1 = f1;
            best = thresholds[t];
          }
        }
        thresholds[t] = best;
      }
    }
    log.printf(
        "  paragraph thresholds tuned: tuning micro-F1 %.3f%n",
        microF1(probabilities, truth, techniques, thresholds));
    return thresholds;
  }

  private static double microF1(
      List<float[]> probabilities, List<Set<String>> truth, List<String> techniques, float[] at) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < probabilities.size(); i++) {
      float[] p = probabilities.get(i);
      for (int t = 0; t < p.length; t++) {
        boolean predicted = p[t] >= at[t];
        boolean actual = truth.get(i).contains(techniques.get(t));
        if (predicted && actual) {
          tp++;
        } else if (predicted) {
          fp++;
        } else if (actual) {
          fn++;
        }
      }
    }
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  /** Scores the classifier on {@code articles} with the official micro-F1. */
  static MultiLabelScore score(
      ParagraphClassifier classifier, List<Encoded> articles, Map<LineKey, Set<String>> gold) {
    Map<LineKey, Set<String>> predicted = new HashMap<>();
    Map<LineKey, Set<String>> expected = new HashMap<>();
    for (Encoded encoded : articles) {
      for (ParagraphLine line : encoded.article().lines()) {
        LineKey key = new LineKey(encoded.article().id(), line.line());
        if (!gold.containsKey(key)) {
          continue;
        }
        expected.put(key, gold.get(key));
        float[] p = classifier.probabilities(encoded.features(line));
        predicted.put(key, Set.copyOf(classifier.labels(p)));
      }
    }
    return MultiLabelScorer.score(expected, predicted, classifier.techniques());
  }

  private static float[] target(List<String> techniques, Set<String> labels) {
    float[] target = new float[techniques.size()];
    if (labels != null) {
      for (String label : labels) {
        int at = techniques.indexOf(label);
        if (at >= 0) {
          target[at] = 1;
        }
      }
    }
    return target;
  }
}
