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

class MlpTest {

  /** Points in two interleaved rings: not linearly separable, so the hidden layer must work. */
  private static float[][][] rings(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] x = new float[n][];
    float[][] y = new float[n][];
    for (int i = 0; i < n; i++) {
      boolean outer = i % 2 == 0;
      double radius = outer ? 2 + random.nextDouble() * 0.5 : random.nextDouble();
      double angle = random.nextDouble() * 2 * Math.PI;
      x[i] = new float[] {(float) (radius * Math.cos(angle)), (float) (radius * Math.sin(angle))};
      y[i] = outer ? new float[] {1, 0} : new float[] {0, 1};
    }
    return new float[][][] {x, y};
  }

  @Test
  void blockPredictionMatchesOneDotProductPerHiddenUnit() {
    // 70 examples: two full blocks and a partial one, with exact zeros among the inputs
    float[][][] train = rings(300, 6);
    Mlp model = Mlp.train(train[0], train[1], null, Mlp.Output.SIGMOID, Mlp.Settings.of(12, 5, 9));
    List<float[]> examples = new java.util.ArrayList<>();
    for (int i = 0; i < 70; i++) {
      examples.add(i % 5 == 0 ? new float[] {0f, train[0][i][1]} : train[0][i]);
    }
    List<float[]> block = model.predictAll(examples);
    assertThat(block).hasSize(70);
    for (int i = 0; i < examples.size(); i++) {
      float[] z = model.logits(examples.get(i)); // the training code's dot-product path
      for (int o = 0; o < z.length; o++) {
        double expected = 1 / (1 + Math.exp(-z[o] / model.temperature()));
        assertThat((double) block.get(i)[o]).isCloseTo(expected, within(1e-5));
        assertThat(model.predict(examples.get(i))[o]).isEqualTo(block.get(i)[o]);
      }
    }
  }

  @Test
  void blockPredictionMatchesOnWideInputsTakenFourAtATime() {
    // 11 inputs: two groups of four and a remainder of three
    SplittableRandom random = new SplittableRandom(11);
    int n = 200;
    float[][] x = new float[n][11];
    float[][] y = new float[n][];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 11; k++) {
        x[i][k] = (float) random.nextGaussian();
      }
      y[i] = new float[] {x[i][0] + x[i][5] * x[i][9] > 0 ? 1 : 0};
    }
    Mlp model = Mlp.train(x, y, null, Mlp.Output.SIGMOID, Mlp.Settings.of(16, 3, 4));
    List<float[]> examples = new java.util.ArrayList<>();
    for (int i = 0; i < 45; i++) {
      float[] example = x[i].clone();
      if (i % 3 == 0) {
        java.util.Arrays.fill(example, 4, 8, 0f);
      }
      examples.add(example);
    }
    List<float[]> block = model.predictAll(examples);
    for (int i = 0; i < examples.size(); i++) {
      double expected = 1 / (1 + Math.exp(-model.logits(examples.get(i))[0] / model.temperature()));
      assertThat((double) block.get(i)[0]).isCloseTo(expected, within(1e-5));
    }
  }

  @Test
  void inputsSharedByAGroupGiveWhatEachExampleWouldGive() {
    SplittableRandom random = new SplittableRandom(5);
    int n = 300;
    float[][] x = new float[n][14];
    float[][] y = new float[n][];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 14; k++) {
        x[i][k] = (float) random.nextGaussian();
      }
      y[i] = new float[] {x[i][1] * x[i][6] > 0 ? 1 : 0};
    }
    Mlp model = Mlp.train(x, y, null, Mlp.Output.SIGMOID, Mlp.Settings.of(16, 3, 2));
    // 70 examples in groups of 1 to 9; inputs 3-6 and 9-13 the same within a group
    List<float[]> examples = new java.util.ArrayList<>();
    int[] groups = new int[70];
    int group = 0;
    float[] common = x[0];
    for (int i = 0; i < 70; i++) {
      if (i % 9 == 0 || i % 7 == 3) {
        group++;
        common = x[100 + group];
      }
      float[] example = x[i].clone();
      System.arraycopy(common, 3, example, 3, 4);
      System.arraycopy(common, 9, example, 9, 5);
      examples.add(example);
      groups[i] = group;
    }
    List<float[]> each = model.predictAll(examples);
    List<float[]> shared =
        model.predictAll(examples, new Mlp.SharedInputs(new int[] {3, 7, 9, 14}, groups));
    for (int i = 0; i < examples.size(); i++) {
      assertThat(shared.get(i)[0]).isCloseTo(each.get(i)[0], within(1e-5f));
    }
  }

  @Test
  void learnsAClassBoundaryALinearModelCannotDraw() {
    float[][][] train = rings(600, 1);
    Mlp model = Mlp.train(train[0], train[1], null, Mlp.Output.SOFTMAX, Mlp.Settings.of(16, 60, 7));
    float[][][] test = rings(200, 2);
    int right = 0;
    for (int i = 0; i < test[0].length; i++) {
      float[] p = model.predict(test[0][i]);
      right += (p[0] > p[1]) == (test[1][i][0] == 1) ? 1 : 0;
    }
    assertThat(right).isGreaterThan(190);
  }

  @Test
  void sigmoidOutputsAreIndependentLabels() {
    // Label 0 is "x > 0", label 1 is "y > 0": both, either or none may hold.
    SplittableRandom random = new SplittableRandom(3);
    float[][] x = new float[500][];
    float[][] y = new float[500][];
    for (int i = 0; i < x.length; i++) {
      float a = (float) (random.nextDouble() * 2 - 1);
      float b = (float) (random.nextDouble() * 2 - 1);
      x[i] = new float[] {a, b};
      y[i] = new float[] {a > 0 ? 1 : 0, b > 0 ? 1 : 0};
    }
    Mlp model = Mlp.train(x, y, null, Mlp.Output.SIGMOID, Mlp.Settings.of(8, 150, 5));
    float[] both = model.predict(new float[] {0.8f, 0.8f});
    float[] none = model.predict(new float[] {-0.8f, -0.8f});
    assertThat(both[0]).isGreaterThan(0.8f);
    assertThat(both[1]).isGreaterThan(0.8f);
    assertThat(none[0]).isLessThan(0.2f);
    assertThat(none[1]).isLessThan(0.2f);
  }

  @Test
  void theSameSeedTrainsTheSameModel() throws IOException {
    float[][][] train = rings(200, 4);
    Mlp first = Mlp.train(train[0], train[1], null, Mlp.Output.SOFTMAX, Mlp.Settings.of(8, 5, 9));
    Mlp second = Mlp.train(train[0], train[1], null, Mlp.Output.SOFTMAX, Mlp.Settings.of(8, 5, 9));
    assertThat(bytes(first)).isEqualTo(bytes(second));
  }

  @Test
  void writtenAndReadBackPredictsTheSame() throws IOException {
    float[][][] train = rings(200, 5);
    Mlp model = Mlp.train(train[0], train[1], null, Mlp.Output.SOFTMAX, Mlp.Settings.of(8, 5, 9));
    model.calibrate(train[0], train[1]);
    Mlp copy = Mlp.read(new DataInputStream(new ByteArrayInputStream(bytes(model))));
    assertThat(copy.temperature()).isEqualTo(model.temperature());
    assertThat(copy.predict(train[0][3])).containsExactly(model.predict(train[0][3]));
  }

  @Test
  void calibrationSoftensAnOverconfidentModel() {
    // Labels are a coin flip whatever the input: a model that trained long learns noise, and
    // temperature scaling should pull its probabilities back towards one half.
    SplittableRandom random = new SplittableRandom(11);
    float[][] x = new float[300][];
    float[][] y = new float[300][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new float[] {(float) random.nextDouble(), (float) random.nextDouble()};
      boolean heads = random.nextBoolean();
      y[i] = heads ? new float[] {1, 0} : new float[] {0, 1};
    }
    Mlp model =
        Mlp.train(x, y, null, Mlp.Output.SOFTMAX, Mlp.Settings.of(64, 200, 1).withDropout(0));
    float[][] heldX = new float[300][];
    float[][] heldY = new float[300][];
    for (int i = 0; i < heldX.length; i++) {
      heldX[i] = new float[] {(float) random.nextDouble(), (float) random.nextDouble()};
      heldY[i] = random.nextBoolean() ? new float[] {1, 0} : new float[] {0, 1};
    }
    double before = meanConfidence(model, heldX);
    model.calibrate(heldX, heldY);
    assertThat(model.temperature()).isGreaterThan(1f);
    assertThat(meanConfidence(model, heldX)).isLessThan(before);
  }

  @Test
  void aNetworkTrainedOnEverythingTakesItsTwinsTemperature() {
    float[][][] train = rings(200, 5);
    Mlp twin = Mlp.train(train[0], train[1], null, Mlp.Output.SOFTMAX, Mlp.Settings.of(8, 5, 9));
    float[][][] held = rings(100, 6);
    twin.calibrate(held[0], held[1]);
    assertThat(twin.temperature()).isNotEqualTo(1f);
    Mlp all = Mlp.train(held[0], held[1], null, Mlp.Output.SOFTMAX, Mlp.Settings.of(8, 5, 9));
    float[] before = all.predict(train[0][0]);
    all.calibrateLike(twin);
    assertThat(all.temperature()).isEqualTo(twin.temperature());
    assertThat(all.predict(train[0][0])).isNotEqualTo(before);
    Mlp sigmoid = Mlp.train(held[0], held[1], null, Mlp.Output.SIGMOID, Mlp.Settings.of(8, 5, 9));
    assertThatThrownBy(() -> sigmoid.calibrateLike(twin))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double meanConfidence(Mlp model, float[][] x) {
    double sum = 0;
    for (float[] row : x) {
      float[] p = model.predict(row);
      sum += Math.max(p[0], p[1]);
    }
    return sum / x.length;
  }

  private static byte[] bytes(Mlp model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(out)) {
      model.write(data);
    }
    return out.toByteArray();
  }
}
