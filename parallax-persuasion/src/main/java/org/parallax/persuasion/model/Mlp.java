package org.parallax.persuasion.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small feed-forward network (one hidden ReLU layer) trained with Adam on frozen encoder
 * features: the heads of every persuasion model.
 *
 * <p>Written here rather than taken from a library because the heads are tiny (a few hundred
 * thousand weights), must train deterministically from a seed on two cores in minutes, and must
 * serialise into a few megabytes of resources; Tribuo's linear models lack the hidden layer that
 * frozen transformer features need, and its MLPs go through TensorFlow.
 *
 * <p>Three output kinds: {@link Output#SOFTMAX} (one class of many), {@link Output#SIGMOID}
 * (independent labels, also binary). Inputs are standardised with the training set's mean and
 * deviation, stored with the weights.
 */
public final class Mlp {

  /** How the outputs are read. */
  public enum Output {
    SOFTMAX,
    SIGMOID
  }

  /** Examples per block in {@link #predictAll}: their activations stay in the L1 cache. */
  private static final int BLOCK = 32;

  private final int inputs;
  private final int hidden;
  private final int outputs;
  private final Output output;
  private final float[] mean;
  private final float[] scale;
  private final float[] w1; // hidden x inputs
  private final float[] b1;
  private final float[] w2; // outputs x hidden
  private final float[] b2;
  private float temperature = 1f;
  // w1 transposed for inference, one array per input (zero offsets let the JIT vectorise)
  private volatile float[][] w1t;

  private Mlp(
      int inputs,
      int hidden,
      int outputs,
      Output output,
      float[] mean,
      float[] scale,
      float[] w1,
      float[] b1,
      float[] w2,
      float[] b2) {
    this.inputs = inputs;
    this.hidden = hidden;
    this.outputs = outputs;
    this.output = output;
    this.mean = mean;
    this.scale = scale;
    this.w1 = w1;
    this.b1 = b1;
    this.w2 = w2;
    this.b2 = b2;
  }

  public int inputs() {
    return inputs;
  }

  public int outputs() {
    return outputs;
  }

  /** The temperature applied to the logits, set by {@link #calibrate}. */
  public float temperature() {
    return temperature;
  }

  /** Training settings. */
  public record Settings(
      int hidden,
      int epochs,
      int batch,
      double learningRate,
      double weightDecay,
      double dropout,
      long seed) {

    public static Settings of(int hidden, int epochs, long seed) {
      return new Settings(hidden, epochs, 64, 1e-3, 1e-4, 0.2, seed);
    }

    public Settings withLearningRate(double rate) {
      return new Settings(hidden, epochs, batch, rate, weightDecay, dropout, seed);
    }

    public Settings withDropout(double rate) {
      return new Settings(hidden, epochs, batch, learningRate, weightDecay, rate, seed);
    }
  }

  /** Training examples, read on demand so that large sets need not sit in memory as rows. */
  public interface Examples {
    int size();

    int inputs();

    int outputs();

    /** Writes example {@code i}'s features into {@code into}. */
    void features(int i, float[] into);

    /** Example {@code i}'s targets: one-hot for softmax, 0/1 per label for sigmoid. */
    float[] target(int i);

    /** How much example {@code i}'s loss counts; 1 unless rare classes are weighted up. */
    default float weight(int i) {
      return 1f;
    }

    /** Examples held as rows in memory. */
    static Examples of(float[][] x, float[][] targets, float[] weights) {
      if (x.length == 0 || x.length != targets.length) {
        throw new IllegalArgumentException("need as many targets as examples, and at least one");
      }
      return new Examples() {
        @Override
        public int size() {
          return x.length;
        }

        @Override
        public int inputs() {
          return x[0].length;
        }

        @Override
        public int outputs() {
          return targets[0].length;
        }

        @Override
        public void features(int i, float[] into) {
          System.arraycopy(x[i], 0, into, 0, into.length);
        }

        @Override
        public float[] target(int i) {
          return targets[i];
        }

        @Override
        public float weight(int i) {
          return weights == null ? 1f : weights[i];
        }
      };
    }
  }

  /**
   * Trains a network. {@code targets[i]} holds {@code outputs} values: a one-hot row for softmax,
   * 0/1 per label for sigmoid. {@code weights} (nullable) scales each example's loss, which is how
   * rare classes are given weight.
   */
  public static Mlp train(
      float[][] x, float[][] targets, float[] weights, Output output, Settings settings) {
    return train(Examples.of(x, targets, weights), output, settings);
  }

  /** Trains a network on examples read on demand; two threads share each mini-batch. */
  public static Mlp train(Examples examples, Output output, Settings settings) {
    int n = examples.size();
    int in = examples.inputs();
    int out = examples.outputs();
    int h = settings.hidden();
    double[] sum = new double[in];
    double[] squares = new double[in];
    float[] row = new float[in];
    for (int i = 0; i < n; i++) {
      examples.features(i, row);
      for (int j = 0; j < in; j++) {
        sum[j] += row[j];
        squares[j] += (double) row[j] * row[j];
      }
    }
    float[] mean = new float[in];
    float[] scale = new float[in];
    for (int j = 0; j < in; j++) {
      mean[j] = (float) (sum[j] / n);
      double variance = squares[j] / n - (sum[j] / n) * (sum[j] / n);
      double sd = Math.sqrt(Math.max(0, variance));
      scale[j] = sd < 1e-6 ? 1f : (float) (1 / sd);
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    float[] w1 = new float[h * in];
    float[] w2 = new float[out * h];
    double r1 = Math.sqrt(6.0 / (in + h));
    double r2 = Math.sqrt(6.0 / (h + out));
    for (int i = 0; i < w1.length; i++) {
      w1[i] = (float) ((random.nextDouble() * 2 - 1) * r1);
    }
    for (int i = 0; i < w2.length; i++) {
      w2[i] = (float) ((random.nextDouble() * 2 - 1) * r2);
    }
    Mlp model = new Mlp(in, h, out, output, mean, scale, w1, new float[h], w2, new float[out]);
    model.fit(examples, settings, random);
    return model;
  }

  /** One worker's buffers: gradients and activations for its share of a mini-batch. */
  private final class Worker {
    final float[] g1 = new float[w1.length];
    final float[] gb1 = new float[b1.length];
    final float[] g2 = new float[w2.length];
    final float[] gb2 = new float[b2.length];
    final float[] raw = new float[inputs];
    final float[] input = new float[inputs];
    final float[] act = new float[hidden];
    final float[] keep = new float[hidden];
    final float[] probs = new float[outputs];
    final float[] dHidden = new float[hidden];
    float totalWeight;

    void clear() {
      Arrays.fill(g1, 0);
      Arrays.fill(gb1, 0);
      Arrays.fill(g2, 0);
      Arrays.fill(gb2, 0);
      totalWeight = 0;
    }

    void run(Examples examples, int[] order, int from, int to, long[] seeds, float dropout) {
      float dropKeep = 1 - dropout;
      for (int k = from; k < to; k++) {
        int e = order[k];
        SplittableRandom random = new SplittableRandom(seeds[k - from]);
        float weight = examples.weight(e);
        totalWeight += weight;
        examples.features(e, raw);
        standardise(raw, input);
        for (int u = 0; u < hidden; u++) {
          float z = b1[u] + dot(w1, u * inputs, input, inputs);
          boolean kept = dropout <= 0 || random.nextDouble() < dropKeep;
          keep[u] = kept ? 1f / dropKeep : 0f;
          act[u] = z > 0 ? z * keep[u] : 0;
        }
        logits(act, probs);
        activate(probs, 1f);
        float[] target = examples.target(e);
        Arrays.fill(dHidden, 0);
        for (int o = 0; o < outputs; o++) {
          float d = (probs[o] - target[o]) * weight;
          gb2[o] += d;
          int row = o * hidden;
          for (int u = 0; u < hidden; u++) {
            g2[row + u] += d * act[u];
            dHidden[u] += d * w2[row + u];
          }
        }
        for (int u = 0; u < hidden; u++) {
          if (act[u] <= 0) {
            continue;
          }
          float d = dHidden[u] * keep[u];
          gb1[u] += d;
          int row = u * inputs;
          for (int j = 0; j < inputs; j++) {
            g1[row + j] += d * input[j];
          }
        }
      }
    }
  }

  private void fit(Examples examples, Settings settings, SplittableRandom random) {
    int n = examples.size();
    Adam adam1 = new Adam(w1.length);
    Adam adamB1 = new Adam(b1.length);
    Adam adam2 = new Adam(w2.length);
    Adam adamB2 = new Adam(b2.length);
    Worker first = new Worker();
    Worker second = new Worker();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    float dropout = (float) settings.dropout();
    int step = 0;
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int start = 0; start < n; start += settings.batch()) {
        int end = Math.min(n, start + settings.batch());
        int middle = (start + end) / 2;
        long[] seeds = new long[end - start];
        for (int k = 0; k < seeds.length; k++) {
          seeds[k] = random.nextLong();
        }
        long[] secondSeeds = Arrays.copyOfRange(seeds, middle - start, seeds.length);
        first.clear();
        second.clear();
        // Each half of the batch runs on its own thread with its own seeds, so the result does
        // not depend on scheduling.
        java.util.concurrent.CompletableFuture<Void> other =
            java.util.concurrent.CompletableFuture.runAsync(
                () -> second.run(examples, order, middle, end, secondSeeds, dropout));
        first.run(examples, order, start, middle, seeds, dropout);
        other.join();
        float norm = 1f / Math.max(1e-6f, first.totalWeight + second.totalWeight);
        add(first.g1, second.g1);
        add(first.gb1, second.gb1);
        add(first.g2, second.g2);
        add(first.gb2, second.gb2);
        step++;
        double lr = settings.learningRate();
        adam1.step(w1, first.g1, norm, lr, settings.weightDecay(), step);
        adamB1.step(b1, first.gb1, norm, lr, 0, step);
        adam2.step(w2, first.g2, norm, lr, settings.weightDecay(), step);
        adamB2.step(b2, first.gb2, norm, lr, 0, step);
      }
    }
  }

  private static void add(float[] into, float[] values) {
    for (int i = 0; i < into.length; i++) {
      into[i] += values[i];
    }
  }

  /** A dot product with four accumulators, which the JIT can pipeline. */
  private static float dot(float[] w, int offset, float[] x, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int j = 0;
    for (; j + 3 < n; j += 4) {
      s0 += w[offset + j] * x[j];
      s1 += w[offset + j + 1] * x[j + 1];
      s2 += w[offset + j + 2] * x[j + 2];
      s3 += w[offset + j + 3] * x[j + 3];
    }
    for (; j < n; j++) {
      s0 += w[offset + j] * x[j];
    }
    return s0 + s1 + s2 + s3;
  }

  /** Class probabilities (softmax) or label probabilities (sigmoid) for one example. */
  public float[] predict(float[] features) {
    return predictAll(List.of(features)).get(0);
  }

  /**
   * {@link #predict} for many examples at once, in blocks of {@value #BLOCK} whose hidden layer is
   * computed input by input (see {@code accumulate}): each row of weights is read once per block
   * instead of once per example.
   */
  public List<float[]> predictAll(List<float[]> features) {
    return predictAll(features, null);
  }

  /**
   * Inputs that groups of examples hold in common: {@code ranges} are [from, to) pairs of input
   * indices, and examples with the same {@code groups} value hold the same values there (a word
   * tagger's sentence-level features, the same for every word of a sentence).
   */
  public record SharedInputs(int[] ranges, int[] groups) {}

  /**
   * {@link #predictAll(List)} for examples that share some inputs ({@code shared}, null when none):
   * the hidden layer's part from the shared inputs is computed once per group, not once per
   * example. The same outputs up to the order floats are added in.
   */
  public List<float[]> predictAll(List<float[]> features, SharedInputs shared) {
    float[][] transposed = transposed();
    int[] own = shared == null ? new int[] {0, inputs} : complement(shared.ranges());
    Map<Integer, float[]> groupPart = new HashMap<>();
    if (shared != null) {
      if (shared.groups().length != features.size()) {
        throw new IllegalArgumentException(
            shared.groups().length + " groups for " + features.size() + " examples");
      }
      List<Integer> groups = new ArrayList<>();
      List<float[]> representatives = new ArrayList<>();
      for (int i = 0; i < features.size(); i++) {
        if (!groupPart.containsKey(shared.groups()[i])) {
          groupPart.put(shared.groups()[i], null);
          groups.add(shared.groups()[i]);
          representatives.add(features.get(i));
        }
      }
      for (int start = 0; start < groups.size(); start += BLOCK) {
        int size = Math.min(BLOCK, groups.size() - start);
        float[][] x = new float[size][inputs];
        float[][] act = new float[size][hidden];
        for (int b = 0; b < size; b++) {
          standardise(checked(representatives.get(start + b)), x[b]);
        }
        accumulate(transposed, x, act, size, shared.ranges());
        for (int b = 0; b < size; b++) {
          groupPart.put(groups.get(start + b), act[b]);
        }
      }
    }
    List<float[]> results = new ArrayList<>(features.size());
    for (int start = 0; start < features.size(); start += BLOCK) {
      int size = Math.min(BLOCK, features.size() - start);
      float[][] x = new float[size][inputs];
      float[][] act = new float[size][];
      for (int b = 0; b < size; b++) {
        standardise(checked(features.get(start + b)), x[b]);
        act[b] = b1.clone();
        if (shared != null) {
          float[] part = groupPart.get(shared.groups()[start + b]);
          for (int u = 0; u < hidden; u++) {
            act[b][u] += part[u];
          }
        }
      }
      accumulate(transposed, x, act, size, own);
      for (int b = 0; b < size; b++) {
        float[] a = act[b];
        for (int u = 0; u < hidden; u++) {
          a[u] = Math.max(0, a[u]);
        }
        float[] result = new float[outputs];
        logits(a, result);
        activate(result, temperature);
        results.add(result);
      }
    }
    return results;
  }

  private float[] checked(float[] example) {
    if (example.length != inputs) {
      throw new IllegalArgumentException("expected " + inputs + " features, got " + example.length);
    }
    return example;
  }

  /** The input ranges [from, to) pairs not in {@code ranges} (which are sorted and disjoint). */
  private int[] complement(int[] ranges) {
    List<Integer> own = new ArrayList<>();
    int at = 0;
    for (int r = 0; r < ranges.length; r += 2) {
      if (ranges[r] < at || ranges[r + 1] < ranges[r] || ranges[r + 1] > inputs) {
        throw new IllegalArgumentException("shared input ranges must be sorted and disjoint");
      }
      if (ranges[r] > at) {
        own.add(at);
        own.add(ranges[r]);
      }
      at = ranges[r + 1];
    }
    if (at < inputs) {
      own.add(at);
      own.add(inputs);
    }
    return own.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Adds the first layer's products for the inputs in {@code ranges} ([from, to) pairs) of a block
   * of examples ({@code act[b][u] += x[b][k] * w[k][u]}): the inner loop runs over the hidden units
   * with no reduction, which the JIT turns into SIMD instructions, and four weight rows are read
   * per pass, so each activation is loaded and stored once per four inputs.
   */
  private void accumulate(
      float[][] transposed, float[][] x, float[][] act, int size, int[] ranges) {
    for (int r = 0; r < ranges.length; r += 2) {
      int k = ranges[r];
      int to = ranges[r + 1];
      for (; k + 3 < to; k += 4) {
        float[] r0 = transposed[k];
        float[] r1 = transposed[k + 1];
        float[] r2 = transposed[k + 2];
        float[] r3 = transposed[k + 3];
        for (int b = 0; b < size; b++) {
          float[] xb = x[b];
          float v0 = xb[k];
          float v1 = xb[k + 1];
          float v2 = xb[k + 2];
          float v3 = xb[k + 3];
          if (v0 == 0 && v1 == 0 && v2 == 0 && v3 == 0) {
            continue;
          }
          float[] a = act[b];
          for (int u = 0; u < hidden; u++) {
            a[u] += v0 * r0[u] + v1 * r1[u] + v2 * r2[u] + v3 * r3[u];
          }
        }
      }
      for (; k < to; k++) {
        float[] row = transposed[k];
        for (int b = 0; b < size; b++) {
          float v = x[b][k];
          if (v == 0) {
            continue;
          }
          float[] a = act[b];
          for (int u = 0; u < hidden; u++) {
            a[u] += v * row[u];
          }
        }
      }
    }
  }

  private float[][] transposed() {
    float[][] t = w1t;
    if (t == null) {
      t = new float[inputs][hidden];
      for (int u = 0; u < hidden; u++) {
        for (int k = 0; k < inputs; k++) {
          t[k][u] = w1[u * inputs + k];
        }
      }
      w1t = t;
    }
    return t;
  }

  /** The raw logits for one example, before temperature and activation. */
  float[] logits(float[] features) {
    float[] input = new float[inputs];
    standardise(features, input);
    float[] act = new float[hidden];
    for (int u = 0; u < hidden; u++) {
      act[u] = Math.max(0, b1[u] + dot(w1, u * inputs, input, inputs));
    }
    float[] result = new float[outputs];
    logits(act, result);
    return result;
  }

  /**
   * Temperature scaling (Guo et al. 2017): picks the temperature that minimises the negative log
   * likelihood of held-out examples, so that a score of 0.8 is right about 80 % of the time.
   */
  public void calibrate(float[][] x, float[][] targets) {
    float[][] z = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      z[i] = logits(x[i]);
    }
    double best = Double.MAX_VALUE;
    float bestT = 1f;
    for (float t = 0.25f; t <= 5f; t += 0.05f) {
      double loss = 0;
      float[] p = new float[outputs];
      for (int i = 0; i < z.length; i++) {
        System.arraycopy(z[i], 0, p, 0, outputs);
        activate(p, t);
        for (int o = 0; o < outputs; o++) {
          double q = Math.min(1 - 1e-7, Math.max(1e-7, p[o]));
          if (output == Output.SOFTMAX) {
            loss -= targets[i][o] * Math.log(q);
          } else {
            loss -= targets[i][o] * Math.log(q) + (1 - targets[i][o]) * Math.log(1 - q);
          }
        }
      }
      if (loss < best) {
        best = loss;
        bestT = t;
      }
    }
    this.temperature = bestT;
  }

  /**
   * Takes the temperature of {@code twin}, a network trained with the same settings on part of this
   * one's examples and calibrated on the rest: when the tuning examples have since been trained on,
   * they can no longer calibrate, and the twin's temperature is the estimate held-out data gave.
   */
  public void calibrateLike(Mlp twin) {
    if (twin.output != output || twin.outputs != outputs) {
      throw new IllegalArgumentException("the twin has another output layer");
    }
    this.temperature = twin.temperature;
  }

  private void standardise(float[] features, float[] into) {
    for (int j = 0; j < inputs; j++) {
      into[j] = (features[j] - mean[j]) * scale[j];
    }
  }

  private void logits(float[] act, float[] into) {
    for (int o = 0; o < outputs; o++) {
      float z = b2[o];
      int row = o * hidden;
      for (int u = 0; u < hidden; u++) {
        z += w2[row + u] * act[u];
      }
      into[o] = z;
    }
  }

  private void activate(float[] z, float t) {
    if (output == Output.SOFTMAX) {
      float max = Float.NEGATIVE_INFINITY;
      for (float v : z) {
        max = Math.max(max, v / t);
      }
      float sum = 0;
      for (int o = 0; o < z.length; o++) {
        z[o] = (float) Math.exp(z[o] / t - max);
        sum += z[o];
      }
      for (int o = 0; o < z.length; o++) {
        z[o] /= sum;
      }
    } else {
      for (int o = 0; o < z.length; o++) {
        z[o] = (float) (1 / (1 + Math.exp(-z[o] / t)));
      }
    }
  }

  /** Writes the network; {@link #read} gives back an equal one. */
  public void write(DataOutputStream out) throws IOException {
    out.writeInt(inputs);
    out.writeInt(hidden);
    out.writeInt(outputs);
    out.writeUTF(output.name());
    out.writeFloat(temperature);
    for (float[] array : new float[][] {mean, scale, w1, b1, w2, b2}) {
      for (float v : array) {
        out.writeFloat(v);
      }
    }
  }

  /** Reads a network written by {@link #write}. */
  public static Mlp read(DataInputStream in) throws IOException {
    int inputs = in.readInt();
    int hidden = in.readInt();
    int outputs = in.readInt();
    Output output = Output.valueOf(in.readUTF());
    float temperature = in.readFloat();
    float[] mean = floats(in, inputs);
    float[] scale = floats(in, inputs);
    float[] w1 = floats(in, hidden * inputs);
    float[] b1 = floats(in, hidden);
    float[] w2 = floats(in, outputs * hidden);
    float[] b2 = floats(in, outputs);
    Mlp model = new Mlp(inputs, hidden, outputs, output, mean, scale, w1, b1, w2, b2);
    model.temperature = temperature;
    return model;
  }

  private static float[] floats(DataInputStream in, int count) throws IOException {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = in.readFloat();
    }
    return values;
  }

  /** Adam (Kingma & Ba 2015) with decoupled weight decay. */
  private static final class Adam {
    private final float[] m;
    private final float[] v;

    Adam(int size) {
      m = new float[size];
      v = new float[size];
    }

    void step(float[] w, float[] g, float norm, double lr, double decay, int t) {
      double b1 = 0.9;
      double b2 = 0.999;
      double c1 = 1 - Math.pow(b1, t);
      double c2 = 1 - Math.pow(b2, t);
      for (int i = 0; i < w.length; i++) {
        float grad = g[i] * norm;
        m[i] = (float) (b1 * m[i] + (1 - b1) * grad);
        v[i] = (float) (b2 * v[i] + (1 - b2) * grad * grad);
        double update = lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
        w[i] -= (float) (update + lr * decay * w[i]);
      }
    }
  }
}
