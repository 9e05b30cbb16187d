package org.parallax.nlp.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prints the encoder's throughput on this machine; a figure for the lead, never an assertion. */
class EncoderThroughputIT {

  private static final String[] SUBJECTS = {
    "The delegation", "A spokesperson for the ministry", "Several analysts", "The committee"
  };
  private static final String[] PREDICATES = {
    "rejected the proposal after a long debate in parliament",
    "said the talks would resume next week",
    "warned that prices could rise again before the end of the year",
    "published a report on the state of the regional economy and its prospects"
  };

  @Test
  void printsSentencesPerSecondFor400Sentences() {
    List<String> sentences = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      sentences.add(
          SUBJECTS[i % SUBJECTS.length]
              + " "
              + PREDICATES[(i / SUBJECTS.length) % PREDICATES.length]
              + " (item "
              + i
              + ").");
    }
    SentenceEncoder encoder = SentenceEncoder.shared();
    encoder.encode(sentences.subList(0, 40)); // warm-up: first calls allocate and plan
    for (int batchSize : new int[] {SentenceEncoder.DEFAULT_BATCH_SIZE, 1}) {
      long start = System.nanoTime();
      List<float[]> vectors = encoder.encode(sentences, batchSize);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(vectors).hasSize(400);
      System.out.printf(
          "encoder throughput: %.0f sentences/s (400 sentences, batch %d, %d threads, %d cores)%n",
          400 / seconds, batchSize, encoder.threads(), Runtime.getRuntime().availableProcessors());
    }
  }
}
