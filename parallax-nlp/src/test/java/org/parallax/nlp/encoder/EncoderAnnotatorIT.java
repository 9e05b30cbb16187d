package org.parallax.nlp.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;
import org.parallax.core.pipeline.Annotator;
import org.parallax.nlp.segment.Sentence;

class EncoderAnnotatorIT {

  private final Annotator encoder = new EncoderAnnotatorFactory().create(Map.of("batchSize", "4"));

  @Test
  void storesOneUnitVectorPerSentenceAndANormalisedMean() {
    Document document =
        encoder.annotate(
            withSentences(
                "The council approved the budget. Rain is expected on Sunday. "
                    + "The budget passed the council vote."));

    Embeddings embeddings = document.get(Embeddings.LAYER);
    float[][] sentences = embeddings.sentenceVectors();

    assertThat(embeddings.model()).isEqualTo(SentenceEncoder.MODEL);
    assertThat(embeddings.dimension()).isEqualTo(384);
    assertThat(sentences).hasNumberOfRows(3);
    for (float[] vector : sentences) {
      assertThat(SentenceEncoderIT.norm(vector)).isCloseTo(1.0, within(1e-4));
    }
    assertThat(SentenceEncoderIT.cosine(sentences[0], sentences[2]))
        .isGreaterThan(SentenceEncoderIT.cosine(sentences[0], sentences[1]) + 0.3);
    assertThat(SentenceEncoderIT.norm(embeddings.documentVector())).isCloseTo(1.0, within(1e-4));
    // The document vector is the direction of the sentence mean, so close to each sentence.
    assertThat(SentenceEncoderIT.cosine(embeddings.documentVector(), sentences[0]))
        .isGreaterThan(0.4);
  }

  @Test
  void anEmptyDocumentGetsNoSentenceVectorsAndAZeroDocumentVector() {
    Document document = encoder.annotate(withSentences(""));

    Embeddings embeddings = document.get(Embeddings.LAYER);

    assertThat(embeddings.sentenceVectors()).isEmpty();
    assertThat(embeddings.documentVector()).hasSize(384).containsOnly(0f);
  }

  @Test
  void survivesAJsonRoundTrip() {
    Document document = encoder.annotate(withSentences("One sentence here. And another."));

    Document back = Json.read(Json.write(document));

    assertThat(back.get(Embeddings.LAYER)).isEqualTo(document.get(Embeddings.LAYER));
    assertThat(back.get(Embeddings.LAYER).sentenceVectors()[1])
        .containsExactly(document.get(Embeddings.LAYER).sentenceVectors()[1]);
  }

  private static Document withSentences(String text) {
    List<Sentence> sentences = new ArrayList<>();
    Matcher m = Pattern.compile("[^.!?]+[.!?]?").matcher(text);
    while (m.find()) {
      int begin = m.start();
      while (begin < m.end() && Character.isWhitespace(text.charAt(begin))) {
        begin++;
      }
      if (begin < m.end()) {
        sentences.add(new Sentence(new Span(begin, m.end())));
      }
    }
    return Document.of(Source.of("test", "test", null, "txt"), Metadata.EMPTY, text)
        .with(Sentence.LAYER, sentences);
  }
}
