package org.parallax.nlp.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.ConfigException;

class EmbeddingsTest {

  @Test
  void storedVectorsDecodeToTheSameFloats() {
    float[] values = {0f, -1.5f, 3.25f, Float.MIN_VALUE, 1e-7f};

    assertThat(Embeddings.decode(Embeddings.encode(values))).containsExactly(values);
    assertThat(Embeddings.encode(new float[] {1f})).isEqualTo("AACAPw==");
  }

  @Test
  void documentVectorIsTheNormalisedMeanOfTheSentences() {
    Embeddings embeddings =
        Embeddings.of("m", 2, List.of(new float[] {1f, 0f}, new float[] {0f, 1f}));

    assertThat(embeddings.sentenceVectors()).hasNumberOfRows(2);
    assertThat(embeddings.sentenceVectors()[1]).containsExactly(0f, 1f);
    float half = (float) Math.sqrt(0.5);
    assertThat(embeddings.documentVector()[0]).isCloseTo(half, within(1e-6f));
    assertThat(embeddings.documentVector()[1]).isCloseTo(half, within(1e-6f));
  }

  @Test
  void vectorsOfTheWrongLengthAreRefused() {
    assertThatThrownBy(() -> Embeddings.of("m", 3, List.of(new float[] {1f})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not 3");
  }

  @Test
  void factoryRejectsUnknownAndMalformedOptionsBeforeLoadingTheModel() {
    AnnotatorFactory factory = AnnotatorFactory.available().get("encoder");

    assertThat(factory).isInstanceOf(EncoderAnnotatorFactory.class);
    assertThatThrownBy(() -> factory.create(Map.of("batch", "8")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("batch");
    assertThatThrownBy(() -> factory.create(Map.of("threads", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("threads");
    assertThatThrownBy(() -> factory.create(Map.of("batchSize", "eight")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("batchSize");
  }
}
