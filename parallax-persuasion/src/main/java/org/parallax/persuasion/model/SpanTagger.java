package org.parallax.persuasion.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.parallax.persuasion.features.EncodedText;
import org.parallax.persuasion.features.Features;

/**
 * Finds the stretches of text that carry a persuasion technique (SemEval-2020 task SI): word
 * classifiers (an {@link MlpEnsemble}, whose probabilities are averaged) over encoder features,
 * then runs of likely words joined into spans.
 *
 * <p>Decoding: word probabilities are first averaged over {@link #smoothing} words each side
 * (within a unit), which stands in for the transition model of a CRF; a word is in a span when its
 * smoothed probability reaches {@link #threshold}; runs closer than {@link #gap} words (inside one
 * unit) are joined; each span's score is the mean raw probability of its words.
 */
public final class SpanTagger {

  private final MlpEnsemble model;
  private final float threshold;
  private final int gap;
  private final int smoothing;

  public SpanTagger(MlpEnsemble model, float threshold, int gap, int smoothing) {
    this.model = model;
    this.threshold = threshold;
    this.gap = gap;
    this.smoothing = smoothing;
  }

  public int smoothing() {
    return smoothing;
  }

  public float threshold() {
    return threshold;
  }

  public int gap() {
    return gap;
  }

  public SpanTagger withDecoding(float threshold, int gap, int smoothing) {
    return new SpanTagger(model, threshold, gap, smoothing);
  }

  /** A detected span in char offsets with its score. */
  public record Detected(int begin, int end, int firstWord, int lastWord, float score) {}

  /** The probability that each word lies in a technique span. */
  public float[] wordProbabilities(Features.Context context) {
    EncodedText text = context.text();
    float[] p = new float[text.size()];
    // in blocks, so that the features of a long article are never all in memory at once
    int block = 256;
    for (int start = 0; start < p.length; start += block) {
      List<float[]> features = new ArrayList<>();
      int end = Math.min(p.length, start + block);
      int[] units = new int[end - start];
      for (int i = start; i < end; i++) {
        features.add(Features.word(context, i));
        units[i - start] = text.unit(i);
      }
      // the sentence-level features are the same for every word of a sentence
      List<float[]> predicted =
          model.predictAll(features, new Mlp.SharedInputs(Features.wordUnitRanges(), units));
      for (int i = 0; i < predicted.size(); i++) {
        p[start + i] = predicted.get(i)[0];
      }
    }
    return p;
  }

  /** Spans decoded from word probabilities. */
  public List<Detected> decode(EncodedText text, float[] raw) {
    float[] p = smooth(text, raw, smoothing);
    List<Detected> spans = new ArrayList<>();
    int i = 0;
    while (i < p.length) {
      if (p[i] < threshold) {
        i++;
        continue;
      }
      int first = i;
      int last = i + 1;
      int j = last;
      while (j < p.length && text.unit(j) == text.unit(first)) {
        if (p[j] >= threshold) {
          last = j + 1;
        } else if (j - last >= gap) {
          break;
        }
        j++;
      }
      float sum = 0;
      for (int k = first; k < last; k++) {
        sum += raw[k];
      }
      spans.add(
          new Detected(
              text.begin(first), trimEnd(text, last - 1), first, last, sum / (last - first)));
      i = last;
    }
    return spans;
  }

  /** Each probability averaged with up to {@code radius} neighbours each side in the same unit. */
  static float[] smooth(EncodedText text, float[] p, int radius) {
    if (radius == 0) {
      return p;
    }
    float[] out = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      float sum = 0;
      int count = 0;
      for (int j = Math.max(0, i - radius); j <= Math.min(p.length - 1, i + radius); j++) {
        if (text.unit(j) == text.unit(i)) {
          sum += p[j];
          count++;
        }
      }
      out[i] = sum / count;
    }
    return out;
  }

  /** A span ends at its last word, without a trailing comma, full stop or closing bracket. */
  private static int trimEnd(EncodedText text, int word) {
    int end = text.end(word);
    String s = text.text();
    while (end > text.begin(word) + 1 && ",.;:)".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  public void write(DataOutputStream out) throws IOException {
    out.writeFloat(threshold);
    out.writeInt(gap);
    out.writeInt(smoothing);
    model.write(out);
  }

  /** Reads a tagger; {@code ensemble}: written as an ensemble (model file version 4 on). */
  /** Features the tagger reads per word. */
  int inputs() {
    return model.inputs();
  }

  public static SpanTagger read(DataInputStream in, boolean ensemble) throws IOException {
    float threshold = in.readFloat();
    int gap = in.readInt();
    int smoothing = in.readInt();
    MlpEnsemble model = ensemble ? MlpEnsemble.read(in) : MlpEnsemble.of(Mlp.read(in));
    return new SpanTagger(model, threshold, gap, smoothing);
  }
}
