package org.parallax.persuasion.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanNeighboursTest {

  private static final List<String> TECHNIQUES = List.of("A", "B");

  private final SpanNeighbours neighbours =
      SpanNeighbours.of(
          TECHNIQUES,
          List.of(
              new float[] {1, 0, 0},
              new float[] {0.9f, 0.1f, 0},
              new float[] {0.8f, 0.2f, 0},
              new float[] {0, 1, 0},
              new float[] {0, 0.9f, 0.1f}),
          new int[] {0, 0, 1, 1, 1});

  @Test
  void countsTheTechniquesOfTheMostSimilarSpans() {
    assertThat(neighbours.nearest(new float[] {2, 0, 0}, 3))
        .containsExactly(
            org.assertj.core.api.Assertions.entry("A", 2),
            org.assertj.core.api.Assertions.entry("B", 1));
    assertThat(neighbours.nearest(new float[] {0, 3, 0.2f}, 2))
        .containsExactly(org.assertj.core.api.Assertions.entry("B", 2));
  }

  @Test
  void survivesARoundTrip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(out)) {
      neighbours.write(data);
    }
    SpanNeighbours copy =
        SpanNeighbours.read(new DataInputStream(new ByteArrayInputStream(out.toByteArray())));
    assertThat(copy.size()).isEqualTo(5);
    assertThat(copy.nearest(new float[] {1, 0, 0}, 3))
        .isEqualTo(neighbours.nearest(new float[] {1, 0, 0}, 3));
  }
}
