package org.parallax.persuasion.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.persuasion.features.Features;
import org.parallax.persuasion.features.Lexicons;

class PersuasionModelTest {

  private static final List<String> TECHNIQUES = List.of("Loaded_Language", "Repetition");

  @Test
  void aModelRemembersWhetherItReadsSpansAlone() throws IOException {
    for (boolean spansAlone : new boolean[] {true, false}) {
      PersuasionModel read = roundTrip(model(Features.SPAN_SIZE, spansAlone));
      assertThat(read.spansAlone()).isEqualTo(spansAlone);
      assertThat(read.provenance()).containsEntry("made", "by this test");
    }
  }

  @Test
  void aModelTrainedOnAnotherFeatureLayoutIsRefusedWithAWayOut(@TempDir Path dir)
      throws IOException {
    PersuasionModel older = model(Features.SPAN_SIZE - 6, true);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    older.write(bytes);
    assertThatThrownBy(() -> PersuasionModel.read(new ByteArrayInputStream(bytes.toByteArray())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("technique classifier reads " + (Features.SPAN_SIZE - 6))
        .hasMessageContaining("parallax train persuasion");
    // its encoder can still be read (here it has no fine-tuned weights)
    Path file = dir.resolve("older.bin.gz");
    Files.write(file, bytes.toByteArray());
    assertThat(PersuasionModel.tunedWeights(file)).isNull();
  }

  private static PersuasionModel roundTrip(PersuasionModel model) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.write(bytes);
    return PersuasionModel.read(new ByteArrayInputStream(bytes.toByteArray()));
  }

  private static PersuasionModel model(int spanFeatures, boolean spansAlone) {
    SpanTagger tagger = new SpanTagger(MlpEnsemble.of(network(Features.WORD_SIZE, 1)), 0.5f, 1, 0);
    TechniqueClassifier classifier =
        new TechniqueClassifier(
            TECHNIQUES, MlpEnsemble.of(network(spanFeatures, TECHNIQUES.size())));
    return new PersuasionModel(
        SentenceEncoder.Model.MINILM_L6,
        null,
        false,
        spansAlone,
        SentenceEncoder.Model.BGE_SMALL_EN,
        Lexicons.empty(),
        tagger,
        classifier,
        null,
        null,
        Map.of("made", "by this test"));
  }

  /** A tiny network with {@code inputs} inputs, trained on two made-up examples. */
  private static Mlp network(int inputs, int outputs) {
    float[][] x = new float[2][inputs];
    x[1][0] = 1;
    float[][] y = new float[2][outputs];
    y[0][0] = 1;
    y[1][outputs - 1] = 1;
    return Mlp.train(
        x,
        y,
        null,
        outputs == 1 ? Mlp.Output.SIGMOID : Mlp.Output.SOFTMAX,
        Mlp.Settings.of(2, 1, 7));
  }
}
