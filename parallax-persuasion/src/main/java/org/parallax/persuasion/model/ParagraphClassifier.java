package org.parallax.persuasion.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.parallax.core.model.Span;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.persuasion.features.EncodedText;

/**
 * Labels a paragraph with any of the SemEval-2023 persuasion techniques (task 3, subtask 3): one
 * sigmoid per technique over the paragraph's pooled encoder vectors and the span tagger's view of
 * it, each with its own decision threshold.
 */
public final class ParagraphClassifier {

  private static final int D = SentenceEncoder.DIMENSION;

  /** Length of the feature vector of one paragraph. */
  public static final int SIZE = 3 * D + 4;

  private final List<String> techniques;
  private final MlpEnsemble model;
  private final float[] thresholds;

  public ParagraphClassifier(List<String> techniques, MlpEnsemble model, float[] thresholds) {
    if (techniques.size() != model.outputs() || thresholds.length != techniques.size()) {
      throw new IllegalArgumentException("one output and one threshold per technique expected");
    }
    this.techniques = List.copyOf(techniques);
    this.model = model;
    this.thresholds = thresholds.clone();
  }

  public List<String> techniques() {
    return techniques;
  }

  public float threshold(int technique) {
    return thresholds[technique];
  }

  /**
   * The features of the words [first, last) of {@code text}: their mean and max vectors, the vector
   * of the paragraph's neighbourhood, and the tagger's word probabilities summarised.
   */
  public static float[] features(
      EncodedText text, int first, int last, float[] wordProbabilities, float[] contextMean) {
    float[] f = new float[SIZE];
    int n = Math.max(1, last - first);
    for (int d = 0; d < D; d++) {
      f[D + d] = last > first ? Float.NEGATIVE_INFINITY : 0;
    }
    float maxP = 0;
    float sumP = 0;
    int over = 0;
    for (int i = first; i < last; i++) {
      float[] v = text.vector(i);
      for (int d = 0; d < D; d++) {
        f[d] += v[d] / n;
        f[D + d] = Math.max(f[D + d], v[d]);
      }
      float p = wordProbabilities[i];
      maxP = Math.max(maxP, p);
      sumP += p;
      over += p >= 0.5f ? 1 : 0;
    }
    System.arraycopy(contextMean, 0, f, 2 * D, D);
    f[3 * D] = maxP;
    f[3 * D + 1] = sumP / n;
    f[3 * D + 2] = (float) over / n;
    f[3 * D + 3] = (float) Math.log1p(last - first);
    return f;
  }

  /** The features of one paragraph (char offsets) of an encoded text. */
  public static float[] features(EncodedText text, float[] wordProbabilities, Span paragraph) {
    int[] words = text.wordsIn(paragraph.begin(), paragraph.end());
    return features(
        text, words[0], words[1], wordProbabilities, contextMean(text, words[0], words[1]));
  }

  /** The mean vector of the words around [first, last): up to 40 words each side. */
  static float[] contextMean(EncodedText encoded, int first, int last) {
    float[] mean = new float[D];
    int from = Math.max(0, first - 40);
    int to = Math.min(encoded.size(), last + 40);
    for (int i = from; i < to; i++) {
      float[] v = encoded.vector(i);
      for (int d = 0; d < D; d++) {
        mean[d] += v[d] / Math.max(1, to - from);
      }
    }
    return mean;
  }

  /** The probability of each technique. */
  public float[] probabilities(float[] features) {
    return model.predict(features);
  }

  /** The techniques whose probability reaches their threshold. */
  public List<String> labels(float[] probabilities) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < probabilities.length; i++) {
      if (probabilities[i] >= thresholds[i]) {
        labels.add(techniques.get(i));
      }
    }
    return labels;
  }

  public void write(DataOutputStream out) throws IOException {
    out.writeInt(techniques.size());
    for (int i = 0; i < techniques.size(); i++) {
      out.writeUTF(techniques.get(i));
      out.writeFloat(thresholds[i]);
    }
    model.write(out);
  }

  /** Reads a classifier written by {@link #write}; {@code ensemble}: false for one network. */
  public static ParagraphClassifier read(DataInputStream in, boolean ensemble) throws IOException {
    int n = in.readInt();
    List<String> techniques = new ArrayList<>(n);
    float[] thresholds = new float[n];
    for (int i = 0; i < n; i++) {
      techniques.add(in.readUTF());
      thresholds[i] = in.readFloat();
    }
    return new ParagraphClassifier(
        techniques, ensemble ? MlpEnsemble.read(in) : MlpEnsemble.of(Mlp.read(in)), thresholds);
  }
}
