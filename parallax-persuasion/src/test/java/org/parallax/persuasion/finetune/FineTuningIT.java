package org.parallax.persuasion.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parallax.nlp.encoder.OnnxInitializers;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.nlp.encoder.TokenStates;
import org.parallax.persuasion.data.GoldSpan;
import org.parallax.persuasion.data.PtcArticle;

/** The PyTorch graph against ONNX Runtime, and a short fine-tuning run end to end. */
class FineTuningIT {

  private static final SentenceEncoder.Model BASE = SentenceEncoder.Model.MINILM_L6;

  @Test
  void theTrainableGraphComputesWhatOnnxRuntimeComputes() {
    String text = "The council's reckless plan will ruin every family in the valley, critics said.";
    OnnxInitializers weights = SentenceEncoder.fullPrecisionWeights(BASE);
    // the published weights under a tuned encoder's name: ONNX Runtime on the 32-bit graph
    TokenStates expected =
        SentenceEncoder.tuned(BASE, "unchanged-for-test", base -> Map.of(), false, 1)
            .encodeTokens(text);
    try (NDManager manager = NDManager.newBaseManager();
        HuggingFaceTokenizer tokenizer = SentenceEncoder.newTokenizer(BASE)) {
      Encoding encoding = tokenizer.encode(text);
      long[] ids = encoding.getIds();
      Shape shape = new Shape(1, ids.length);
      BertGraph graph = new BertGraph(manager, weights);
      NDArray states =
          graph.forward(
              manager.create(ids, shape),
              manager.create(encoding.getAttentionMask(), shape),
              false,
              0);
      float[] ours = states.toFloatArray();
      int hidden = graph.hidden();
      assertThat(expected.size()).isEqualTo(ids.length - 2);
      for (int t = 0; t < expected.size(); t++) {
        float[] reference = expected.vectors().get(t);
        for (int d = 0; d < hidden; d++) {
          assertThat(ours[(t + 1) * hidden + d]).isCloseTo(reference[d], within(1e-3f));
        }
      }
    }
  }

  @Test
  void requantisingThePublishedWeightsGivesBackThePublishedInt8Encoder() {
    OnnxInitializers published = SentenceEncoder.fullPrecisionWeights(BASE);
    Map<String, float[]> values = new java.util.LinkedHashMap<>();
    for (OnnxInitializers.Initializer initializer : published.byName().values()) {
      String name = initializer.name();
      if (initializer.replaceable()
          && !name.equals("embeddings.word_embeddings.weight")
          && (name.startsWith("encoder.") || name.startsWith("embeddings."))) {
        values.put(name, published.values(name));
      }
    }
    String text = "Officials said the new bridge would open in the spring.";

    TokenStates requantised =
        SentenceEncoder.tuned(BASE, "published-requantised", base -> values, true, 1)
            .encodeTokens(text);
    TokenStates shipped = SentenceEncoder.shared(BASE, 1).encodeTokens(text);

    // int8 outputs move by up to 0.2 when a single weight moves by one step (MiniLM has outlier
    // dimensions), so only the same bytes give the same states
    assertThat(requantised.size()).isEqualTo(shipped.size());
    for (int t = 0; t < shipped.size(); t++) {
      assertThat(requantised.vectors().get(t)).containsExactly(shipped.vectors().get(t));
    }
  }

  /** Tunes quietly, seed 7, batches of two, {@code topLayers} as in the settings (0: all). */
  private static TunedWeights tune(int epochs, int topLayers, List<PtcArticle> articles) {
    return new EncoderFineTuner(
            new PrintStream(new ByteArrayOutputStream()),
            new EncoderFineTuner.Settings(epochs, 1e-4f, 1e-3f, 2, 0.1f, topLayers),
            7)
        .tune(BASE, articles, List.of("Loaded_Language", "Name_Calling,Labeling"));
  }

  private static final String SECOND =
      "Officials met to discuss the budget.\n\n"
          + "Everyone knows the budget is a disgraceful betrayal of honest workers.\n";

  /** Two short articles of our own with spans of two techniques. */
  private static List<PtcArticle> articles() {
    String first =
        "The mayor announced a new bridge on Monday.\n\n"
            + "Only a traitor would vote against this glorious, historic bridge!\n";
    String second = SECOND;
    return List.of(
        new PtcArticle(
            "1",
            first,
            List.of(
                new GoldSpan(
                    "Name_Calling,Labeling", first.indexOf("traitor"), first.indexOf(" would")),
                new GoldSpan(
                    "Loaded_Language", first.indexOf("glorious"), first.indexOf(", historic")))),
        new PtcArticle(
            "2",
            second,
            List.of(
                new GoldSpan(
                    "Loaded_Language",
                    second.indexOf("disgraceful"),
                    second.indexOf(" betrayal")))));
  }

  @Test
  void aShortRunChangesTheEncoderAndItsWeightsSurviveAFileRoundTrip() throws Exception {
    String second = SECOND;
    List<PtcArticle> articles = articles();
    TunedWeights tuned = tune(2, 0, articles);

    assertThat(tuned.size()).isGreaterThan(10_000_000L);
    Map<String, float[]> values = tuned.values();
    assertThat(values).doesNotContainKey("embeddings.word_embeddings.weight");
    float[] published =
        SentenceEncoder.fullPrecisionWeights(BASE).values("encoder.layer.5.output.dense.weight");
    float[] changed = values.get("encoder.layer.5.output.dense.weight");
    double moved = 0;
    for (int i = 0; i < changed.length; i++) {
      moved = Math.max(moved, Math.abs(changed[i] - published[i]));
    }
    assertThat(moved).isGreaterThan(1e-5);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      tuned.write(out);
    }
    TunedWeights read =
        TunedWeights.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(read.id()).isEqualTo(tuned.id());
    assertThat(read.values().get("encoder.layer.5.output.dense.weight")).containsExactly(changed);

    TokenStates plain = SentenceEncoder.shared(BASE, 1).encodeTokens(second);
    TokenStates viaTuned = read.encoder(1).encodeTokens(second);
    assertThat(viaTuned.size()).isEqualTo(plain.size());
    assertThat(viaTuned.vectors().get(3)).isNotEqualTo(plain.vectors().get(3));
  }

  @Test
  void tuningTheLastLayersLeavesTheOthersPublishedAndSharesThem() {
    TunedWeights tuned = tune(1, 2, articles());

    assertThat(tuned.values().keySet())
        .isNotEmpty()
        .allMatch(
            name -> name.startsWith("encoder.layer.4.") || name.startsWith("encoder.layer.5."));
    SentenceEncoder encoder = tuned.quantisedEncoder(1);
    assertThat(encoder.sharedLayers()).isEqualTo(4);
    SentenceEncoder.shared(BASE, 1).encode(List.of(SECOND));
    TokenStates shared = encoder.encodeTokens(List.of(SECOND), 8).get(0);
    assertThat(shared.size())
        .isEqualTo(SentenceEncoder.shared(BASE, 1).encodeTokens(SECOND).size());
    assertThat(tuned.encoder(1).sharedLayers()).as("the 32-bit graph runs whole").isZero();
  }
}
