package org.parallax.persuasion.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpEnsembleTest {

  /** Two noisy classes either side of the line x + y = 0. */
  private static float[][][] halves(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] x = new float[n][];
    float[][] y = new float[n][];
    for (int i = 0; i < n; i++) {
      float a = (float) (random.nextDouble() * 4 - 2);
      float b = (float) (random.nextDouble() * 4 - 2);
      x[i] = new float[] {a, b};
      boolean above = a + b + random.nextGaussian() * 0.3 > 0;
      y[i] = new float[] {above ? 1 : 0};
    }
    return new float[][][] {x, y};
  }

  private static Mlp member(long seed) {
    float[][][] train = halves(400, 3);
    return Mlp.train(train[0], train[1], null, Mlp.Output.SIGMOID, Mlp.Settings.of(8, 5, seed));
  }

  @Test
  void averagesItsMembersOutputs() {
    Mlp first = member(1);
    Mlp second = member(2);
    MlpEnsemble ensemble = new MlpEnsemble(List.of(first, second));
    float[][] points = {{0.3f, -0.1f}, {-1.5f, 0.2f}, {1f, 1f}};
    List<float[]> all = ensemble.predictAll(List.of(points));
    for (int i = 0; i < points.length; i++) {
      float expected = (first.predict(points[i])[0] + second.predict(points[i])[0]) / 2;
      assertThat(ensemble.predict(points[i])[0]).isCloseTo(expected, within(1e-6f));
      assertThat(all.get(i)[0]).isCloseTo(expected, within(1e-6f));
    }
    // seeds make different networks, or the average would teach nothing
    assertThat(first.predict(points[0])[0]).isNotEqualTo(second.predict(points[0])[0]);
  }

  @Test
  void oneMemberPredictsAsTheNetworkItself() {
    Mlp model = member(5);
    float[] point = {0.7f, -0.2f};
    assertThat(MlpEnsemble.of(model).predict(point)).containsExactly(model.predict(point));
  }

  @Test
  void roundTripsThroughItsFileFormat() throws IOException {
    MlpEnsemble ensemble = new MlpEnsemble(List.of(member(1), member(2), member(3)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      ensemble.write(out);
    }
    MlpEnsemble read =
        MlpEnsemble.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(read.members()).hasSize(3);
    float[] point = {-0.4f, 0.9f};
    assertThat(read.predict(point)).containsExactly(ensemble.predict(point));
  }

  @Test
  void refusesMembersOfDifferentShapes() {
    float[][] x = {{1, 2, 3}, {3, 2, 1}};
    float[][] y = {{1}, {0}};
    Mlp threeInputs = Mlp.train(x, y, null, Mlp.Output.SIGMOID, Mlp.Settings.of(4, 1, 1));
    assertThatThrownBy(() -> new MlpEnsemble(List.of(member(1), threeInputs)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MlpEnsemble(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
