package org.parallax.nlp.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tuned encoder whose lower layers are the published ones runs only its upper layers on the
 * states the published encoder kept from its last call on the thread, and gives what running all
 * its layers gives.
 */
class SharedLayersIT {

  private static final SentenceEncoder.Model BASE = SentenceEncoder.Model.MINILM_L6;

  private static final List<String> TEXTS =
      List.of(
          "The harbour authority said the ferry would resume service on Monday.",
          "Critics called the plan a reckless gamble with the town's savings.",
          "Rain is expected.");

  @Test
  void upperLayersFromKeptStatesGiveWhatTheWholeGraphGives() {
    SentenceEncoder published = SentenceEncoder.shared(BASE, 1);
    List<float[]> before = published.encode(TEXTS);
    // the last two layers "tuned": one bias moved, so the tuned encoder differs from the published
    Map<String, float[]> tuned = new LinkedHashMap<>();
    OnnxInitializers weights = SentenceEncoder.fullPrecisionWeights(BASE);
    for (OnnxInitializers.Initializer initializer : weights.byName().values()) {
      String name = initializer.name();
      if (initializer.replaceable()
          && (name.startsWith("encoder.layer.4.") || name.startsWith("encoder.layer.5."))) {
        tuned.put(name, weights.values(name));
      }
    }
    float[] bias = tuned.get("encoder.layer.5.output.dense.bias");
    for (int i = 0; i < bias.length; i += 3) {
      bias[i] += 0.5f;
    }
    SentenceEncoder top = SentenceEncoder.tuned(BASE, "shared-layers-it", w -> tuned, true, 1);
    assertThat(top.sharedLayers()).isEqualTo(4);

    published.encode(List.of("Something else entirely."));
    long upperBefore = top.upperBatches.get();
    List<TokenStates> whole = top.encodeTokens(TEXTS, 8);
    assertThat(top.upperBatches.get()).isEqualTo(upperBefore);

    List<float[]> after = published.encode(TEXTS);
    List<TokenStates> shared = top.encodeTokens(TEXTS, 8);
    assertThat(top.upperBatches.get()).isGreaterThan(upperBefore);

    for (int t = 0; t < TEXTS.size(); t++) {
      // keeping a layer's states changes nothing in what the published encoder gives
      assertThat(maxDifference(before.get(t), after.get(t))).isLessThan(1e-5);
      assertThat(shared.get(t).spans()).isEqualTo(whole.get(t).spans());
      double largest = 0;
      double moved = 0;
      for (int p = 0; p < whole.get(t).size(); p++) {
        largest =
            Math.max(
                largest,
                maxDifference(shared.get(t).vectors().get(p), whole.get(t).vectors().get(p)));
      }
      TokenStates original = published.encodeTokens(TEXTS.get(t));
      for (int p = 0; p < original.size(); p++) {
        moved =
            Math.max(
                moved, maxDifference(original.vectors().get(p), whole.get(t).vectors().get(p)));
      }
      // int8 kernels quantise each batch with its own range, so the same text read in another
      // batch differs by up to about 0.3 in a component (measured); the two ways here by about 0.13
      assertThat(largest).as("upper layers alone vs all layers").isLessThan(0.25);
      assertThat(moved).as("the tuned bias shows").isGreaterThan(0.2);
    }
  }

  @Test
  void aGraphIsCutOnlyAtATensorItComputes() {
    byte[] model = SentenceEncoder.publishedGraph(BASE);
    assertThat(OnnxGraph.computes(model, OnnxGraph.layerOutput(3))).isTrue();
    assertThat(OnnxGraph.computes(model, "no/such/tensor")).isFalse();
    assertThatThrownBy(() -> OnnxGraph.from(model, "no/such/tensor"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no/such/tensor");
    assertThat(OnnxGraph.from(model, OnnxGraph.layerOutput(3)).length).isLessThan(model.length / 2);
  }

  private static double maxDifference(float[] a, float[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
