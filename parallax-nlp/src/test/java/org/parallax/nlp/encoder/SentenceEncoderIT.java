package org.parallax.nlp.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Span;

class SentenceEncoderIT {

  private final SentenceEncoder encoder = SentenceEncoder.shared();

  @Test
  void paraphrasesAreCloserThanUnrelatedSentences() {
    List<float[]> vectors =
        encoder.encode(
            List.of(
                "The minister resigned after the scandal over the missing funds.",
                "Following the affair about the vanished money, the minister stepped down.",
                "Tomatoes grow best in warm soil with plenty of sunshine."));

    double paraphrase = cosine(vectors.get(0), vectors.get(1));
    double unrelated = cosine(vectors.get(0), vectors.get(2));

    assertThat(paraphrase).isGreaterThan(0.6);
    assertThat(unrelated).isLessThan(0.2);
    assertThat(paraphrase - unrelated).isGreaterThan(0.4);
  }

  @Test
  void vectorsHaveTheModelDimensionAndUnitLength() {
    for (float[] vector : encoder.encode(List.of("A short one.", "", "x".repeat(5000)))) {
      assertThat(vector).hasSize(SentenceEncoder.DIMENSION);
      assertThat(cosine(vector, vector)).isCloseTo(1.0, within(1e-4));
      assertThat(norm(vector)).isCloseTo(1.0, within(1e-4));
    }
  }

  @Test
  void batchesOfOneReproduceSingleTextsAndLargerBatchesStayClose() {
    List<String> texts =
        List.of(
            "A long sentence that has a good many more words in it than the others do.",
            "Short.",
            "A sentence of middling length.");
    List<float[]> alone = encoder.encode(texts, 1);
    // The int8 model quantises activations per call, so batch neighbours shift a vector slightly.
    List<float[]> batched = encoder.encode(texts, 2);
    for (int i = 0; i < texts.size(); i++) {
      float[] single = encoder.encode(texts.get(i));
      assertThat(alone.get(i)).containsExactly(single);
      assertThat(cosine(batched.get(i), single)).isGreaterThan(0.95);
    }
    assertThat(encoder.encode(texts, 2))
        .zipSatisfy(batched, (a, b) -> assertThat(a).containsExactly(b));
  }

  @Test
  void tokenStatesPointAtTheTextTheyCameFrom() {
    String text = "Ministers met in Zürich 🙂 to discuss the ceasefire.";
    TokenStates states = encoder.encodeTokens(text);

    assertThat(states.size()).isGreaterThan(8);
    assertThat(states.truncated()).isFalse();
    assertThat(states.vectors()).allSatisfy(v -> assertThat(v).hasSize(SentenceEncoder.DIMENSION));
    int ceasefire = text.indexOf("ceasefire");
    assertThat(states.spans()).contains(new Span(text.indexOf("Ministers"), text.indexOf(" met")));
    assertThat(states.spans())
        .anySatisfy(span -> assertThat(span.begin()).isEqualTo(ceasefire))
        .allSatisfy(span -> assertThat(span.end()).isLessThanOrEqualTo(text.length()));
    // Pieces after the emoji still point at their own text despite the surrogate pair.
    Span last = states.spans().get(states.size() - 1);
    assertThat(last.of(text)).isEqualTo(".");
  }

  @Test
  void longTextsAreTruncatedNotRejected() {
    TokenStates states = encoder.encodeTokens("word ".repeat(400));
    assertThat(states.truncated()).isTrue();
    assertThat(states.size()).isEqualTo(SentenceEncoder.MAX_TOKENS - 2);
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
    }
    return dot / (norm(a) * norm(b));
  }

  static double norm(float[] a) {
    double squares = 0;
    for (float v : a) {
      squares += (double) v * v;
    }
    return Math.sqrt(squares);
  }
}
