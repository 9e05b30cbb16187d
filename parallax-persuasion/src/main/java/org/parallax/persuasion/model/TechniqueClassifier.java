package org.parallax.persuasion.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.parallax.persuasion.features.EncodedText;
import org.parallax.persuasion.features.Features;

/**
 * Names the technique of a span (SemEval-2020 task TC): softmax heads (an {@link MlpEnsemble}) over
 * the span's encoder vectors, its context and surface cues, with temperature-scaled probabilities
 * averaged.
 */
public final class TechniqueClassifier {

  private final List<String> techniques;
  private final MlpEnsemble model;

  public TechniqueClassifier(List<String> techniques, MlpEnsemble model) {
    if (techniques.size() != model.outputs()) {
      throw new IllegalArgumentException("one output per technique expected");
    }
    this.techniques = List.copyOf(techniques);
    this.model = model;
  }

  public List<String> techniques() {
    return techniques;
  }

  MlpEnsemble model() {
    return model;
  }

  /** The probability of each technique (in {@link #techniques()} order) for a span. */
  public float[] probabilities(Features.Context context, int begin, int end) {
    EncodedText text = context.text();
    int[] words = text.wordsIn(begin, end);
    return model.predict(Features.span(context, words[0], words[1], begin, end));
  }

  /** The most likely technique's index. */
  public static int best(float[] probabilities) {
    int best = 0;
    for (int i = 1; i < probabilities.length; i++) {
      if (probabilities[i] > probabilities[best]) {
        best = i;
      }
    }
    return best;
  }

  public void write(DataOutputStream out) throws IOException {
    out.writeInt(techniques.size());
    for (String technique : techniques) {
      out.writeUTF(technique);
    }
    model.write(out);
  }

  /** Reads a classifier; {@code ensemble}: written as an ensemble (model file version 4 on). */
  public static TechniqueClassifier read(DataInputStream in, boolean ensemble) throws IOException {
    int n = in.readInt();
    List<String> techniques = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      techniques.add(in.readUTF());
    }
    return new TechniqueClassifier(
        techniques, ensemble ? MlpEnsemble.read(in) : MlpEnsemble.of(Mlp.read(in)));
  }
}
