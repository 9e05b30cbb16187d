package org.parallax.persuasion.finetune;

import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.parallax.nlp.encoder.OnnxInitializers;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.persuasion.data.LabelledSpan;
import org.parallax.persuasion.data.PtcArticle;

/**
 * Fine-tunes the encoder's weights on PTC articles, on the CPU, through PyTorch: the token states
 * learn to tell span words from others and one technique from another, and the persuasion heads are
 * then trained on the tuned states as on the frozen ones.
 *
 * <p>Two objectives, summed: per word piece, whether it lies inside any gold span (binary
 * cross-entropy, the SI task); per gold span, its technique (softmax cross-entropy over the 14
 * classes, from the mean and the first of the span's word-piece states, the TC task). Both heads
 * are thrown away after training; only the encoder's weights are kept.
 *
 * <p>Texts are cut at line ends into windows of at most {@value #WINDOW} word pieces, batched by
 * similar length. Adam, learning rate warmed up over the first tenth of the steps and decayed
 * linearly to zero, gradients clipped to norm 1; a step whose loss or gradient is not finite is
 * skipped and counted. The word-piece embedding table stays frozen. Seeds fix the shuffles and
 * dropout; PyTorch's multi-threaded CPU kernels may still differ in the last bits between runs.
 */
public final class EncoderFineTuner {

  /** Word pieces per window, special tokens excluded. */
  static final int WINDOW = 126;

  private static final long CLS = 101;
  private static final long SEP = 102;

  /**
   * How to fine-tune.
   *
   * @param epochs passes over the articles (0 leaves the encoder as published)
   * @param learningRate peak rate for the encoder's weights
   * @param headLearningRate peak rate for the two heads, which start from random
   * @param batchSize windows per step
   * @param dropout dropout rate inside the encoder while training
   * @param topLayers how many of the encoder's last layers are tuned (0: all layers and the
   *     position, type and norm embeddings); the layers below stay as published, so a pipeline that
   *     already ran the published encoder can start the tuned one from their output
   */
  public record Settings(
      int epochs,
      float learningRate,
      float headLearningRate,
      int batchSize,
      float dropout,
      int topLayers) {

    public Settings {
      if (topLayers < 0) {
        throw new IllegalArgumentException("topLayers must be 0 (all) or more: " + topLayers);
      }
    }

    public static Settings defaults() {
      return new Settings(3, 5e-5f, 1e-3f, 16, 0.1f, 0);
    }

    /** The same settings tuning only the last {@code count} layers (0: all). */
    public Settings withTopLayers(int count) {
      return new Settings(epochs, learningRate, headLearningRate, batchSize, dropout, count);
    }
  }

  /** A window: word-piece ids with [CLS] and [SEP], their char offsets, and gold labels. */
  record Window(long[] ids, boolean[] inSpan, List<int[]> spans) {}

  private final PrintStream log;
  private final Settings settings;
  private final long seed;

  public EncoderFineTuner(PrintStream log, Settings settings, long seed) {
    this.log = log;
    this.settings = settings;
    this.seed = seed;
  }

  /**
   * Tunes {@code base} on {@code articles}, labelled with {@code techniques} (the 14 TC classes;
   * spans of other techniques count for SI only).
   */
  public TunedWeights tune(
      SentenceEncoder.Model base, List<PtcArticle> articles, List<String> techniques) {
    List<Window> windows = new ArrayList<>();
    try (HuggingFaceTokenizer tokenizer = SentenceEncoder.newTokenizer(base)) {
      for (PtcArticle article : articles) {
        windows.addAll(windows(tokenizer, article, techniques));
      }
    }
    long pieces = windows.stream().mapToLong(w -> w.ids().length).sum();
    log.printf(
        "fine-tuning %s (full precision, %s): %d articles, %d windows, %d word pieces, %d"
            + " epochs%n",
        base.name(),
        settings.topLayers() == 0 ? "all layers" : "last " + settings.topLayers() + " layers",
        articles.size(),
        windows.size(),
        pieces,
        settings.epochs());
    Engine.getInstance().setRandomSeed((int) seed);
    try (NDManager manager = NDManager.newBaseManager()) {
      OnnxInitializers published = SentenceEncoder.fullPrecisionWeights(base);
      BertGraph bert = new BertGraph(manager, published);
      int firstTuned =
          settings.topLayers() == 0 ? 0 : Math.max(0, bert.layers() - settings.topLayers());
      bert.freezeBelow(firstTuned);
      Map<String, NDArray> encoder = new LinkedHashMap<>();
      bert.weights()
          .forEach(
              (name, weight) -> {
                if (bert.trainable(name)) {
                  weight.setRequiresGradient(true);
                  encoder.put(name, weight);
                }
              });
      Heads heads = new Heads(manager, bert.hidden(), techniques.size());
      train(bert, encoder, heads, windows, manager);
      Map<String, float[]> tuned = new LinkedHashMap<>();
      encoder.forEach((name, weight) -> tuned.put(name, weight.toFloatArray()));
      return TunedWeights.of(base, published, tuned);
    }
  }

  private void train(
      BertGraph bert,
      Map<String, NDArray> encoder,
      Heads heads,
      List<Window> windows,
      NDManager manager) {
    int batchSize = settings.batchSize();
    int stepsPerEpoch = (windows.size() + batchSize - 1) / batchSize;
    int totalSteps = settings.epochs() * stepsPerEpoch;
    int[] step = {0};
    Adam encoderAdam = adam(settings.learningRate(), step, totalSteps);
    Adam headAdam = adam(settings.headLearningRate(), step, totalSteps);
    Map<String, NDArray> parameters = new LinkedHashMap<>(encoder);
    parameters.putAll(heads.parameters());
    Random random = new Random(seed);
    int skipped = 0;
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      long start = System.nanoTime();
      double lossSum = 0;
      int counted = 0;
      for (List<Window> batch : batches(windows, batchSize, random)) {
        step[0]++;
        try (NDManager scope = manager.newSubManager()) {
          float loss = lossAndGradients(bert, heads, batch, scope);
          Map<String, NDArray> gradients = new LinkedHashMap<>();
          parameters.forEach(
              (name, weight) -> {
                NDArray gradient = weight.getGradient();
                gradient.attach(scope);
                gradients.put(name, gradient);
              });
          double squares = 0;
          for (NDArray gradient : gradients.values()) {
            squares += gradient.square().sum().getFloat();
          }
          double norm = Math.sqrt(squares);
          if (!Float.isFinite(loss) || !Double.isFinite(norm)) {
            skipped++;
            for (NDArray gradient : gradients.values()) {
              gradient.set(new float[Math.toIntExact(gradient.size())]);
            }
            continue;
          }
          if (norm > 1) {
            for (NDArray gradient : gradients.values()) {
              gradient.muli((float) (1 / norm));
            }
          }
          for (Map.Entry<String, NDArray> entry : gradients.entrySet()) {
            Adam adam = heads.parameters().containsKey(entry.getKey()) ? headAdam : encoderAdam;
            adam.update(entry.getKey(), parameters.get(entry.getKey()), entry.getValue());
          }
          for (NDArray gradient : gradients.values()) {
            gradient.subi(gradient);
          }
          lossSum += loss;
          counted++;
        }
      }
      log.printf(
          "  epoch %d: mean loss %.4f, %.0f s%s%n",
          epoch + 1,
          lossSum / Math.max(1, counted),
          (System.nanoTime() - start) / 1e9,
          skipped > 0
              ? ", " + skipped + " steps skipped so far (loss or gradient not finite)"
              : "");
    }
  }

  private float lossAndGradients(BertGraph bert, Heads heads, List<Window> batch, NDManager scope) {
    int rows = batch.size();
    int length = batch.stream().mapToInt(w -> w.ids().length).max().orElse(2);
    long[] ids = new long[rows * length];
    long[] mask = new long[rows * length];
    float[] inSpan = new float[rows * length];
    float[] counted = new float[rows * length];
    List<int[]> spans = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      Window window = batch.get(r);
      for (int t = 0; t < window.ids().length; t++) {
        ids[r * length + t] = window.ids()[t];
        mask[r * length + t] = 1;
        if (t > 0 && t < window.ids().length - 1) {
          counted[r * length + t] = 1;
          inSpan[r * length + t] = window.inSpan()[t] ? 1 : 0;
        }
      }
      for (int[] span : window.spans()) {
        spans.add(new int[] {span[0], r * length + span[1], r * length + span[2]});
      }
    }
    Shape shape = new Shape(rows, length);
    NDArray loss;
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray states =
          bert.forward(
                  scope.create(ids, shape), scope.create(mask, shape), true, settings.dropout())
              .reshape(rows * length, bert.hidden());
      NDArray logits = heads.spanWord(states);
      NDArray labels = scope.create(inSpan, new Shape(rows * length, 1));
      NDArray weights = scope.create(counted, new Shape(rows * length, 1));
      // binary cross-entropy on logits, stable form: max(z,0) - z*y + log(1 + exp(-|z|))
      NDArray crossEntropy =
          logits.maximum(0f).sub(logits.mul(labels)).add(logits.abs().neg().exp().add(1f).log());
      loss = crossEntropy.mul(weights).sum().div(weights.sum());
      if (!spans.isEmpty()) {
        NDArray techniqueLogits = heads.technique(states, spans, rows * length, scope);
        int[] gold = spans.stream().mapToInt(s -> s[0]).toArray();
        NDArray techniqueLoss =
            techniqueLogits
                .logSoftmax(-1)
                .mul(scope.create(gold).oneHot(heads.techniques()))
                .sum()
                .neg()
                .div(gold.length);
        loss = loss.add(techniqueLoss);
      }
      collector.backward(loss);
    }
    return loss.getFloat();
  }

  private static Adam adam(float peak, int[] step, int totalSteps) {
    float warmup = Math.max(1, totalSteps * 0.1f);
    Tracker schedule =
        new Tracker() {
          @Override
          public float getNewValue(int numUpdate) {
            float s = step[0];
            return s < warmup
                ? peak * s / warmup
                : peak * Math.max(0f, (totalSteps - s) / Math.max(1f, totalSteps - warmup));
          }
        };
    return Adam.builder().optLearningRateTracker(schedule).build();
  }

  /** Shuffled batches of windows of similar length (sorted within pools of 20 batches). */
  static List<List<Window>> batches(List<Window> windows, int batchSize, Random random) {
    List<Window> order = new ArrayList<>(windows);
    Collections.shuffle(order, random);
    List<List<Window>> batches = new ArrayList<>();
    int pool = batchSize * 20;
    for (int from = 0; from < order.size(); from += pool) {
      List<Window> chunk =
          new ArrayList<>(order.subList(from, Math.min(order.size(), from + pool)));
      chunk.sort(Comparator.comparingInt(w -> w.ids().length));
      for (int i = 0; i < chunk.size(); i += batchSize) {
        batches.add(chunk.subList(i, Math.min(chunk.size(), i + batchSize)));
      }
    }
    Collections.shuffle(batches, random);
    return batches;
  }

  /**
   * An article cut into windows at line ends (a line longer than a window is cut inside), each word
   * piece labelled with whether a gold span covers it, each gold span that reaches into the window
   * listed as {technique index, first piece, last piece + 1}.
   */
  static List<Window> windows(
      HuggingFaceTokenizer tokenizer, PtcArticle article, List<String> techniques) {
    String text = article.text();
    List<LabelledSpan> gold = article.charSpans();
    List<Window> windows = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    List<int[]> offsets = new ArrayList<>();
    int lineStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length() && text.charAt(i) != '\n') {
        continue;
      }
      String line = text.substring(lineStart, i);
      if (!line.isBlank()) {
        Encoding encoding = tokenizer.encode(line, false, false);
        long[] pieces = encoding.getIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        if (!ids.isEmpty() && ids.size() + pieces.length > WINDOW) {
          windows.add(window(ids, offsets, gold, techniques));
        }
        for (int p = 0; p < pieces.length; p++) {
          if (spans[p] == null) {
            continue;
          }
          // the tokenizer counts code points; the gold spans here are in chars
          int begin = lineStart + line.offsetByCodePoints(0, spans[p].getStart());
          int end = lineStart + line.offsetByCodePoints(0, spans[p].getEnd());
          ids.add(pieces[p]);
          offsets.add(new int[] {begin, end});
          if (ids.size() == WINDOW) {
            windows.add(window(ids, offsets, gold, techniques));
          }
        }
      }
      lineStart = i + 1;
    }
    if (!ids.isEmpty()) {
      windows.add(window(ids, offsets, gold, techniques));
    }
    return windows;
  }

  /** Builds a window from the pending pieces and clears them. */
  private static Window window(
      List<Long> ids, List<int[]> offsets, List<LabelledSpan> gold, List<String> techniques) {
    int n = ids.size();
    long[] tokens = new long[n + 2];
    boolean[] inSpan = new boolean[n + 2];
    tokens[0] = CLS;
    tokens[n + 1] = SEP;
    for (int k = 0; k < n; k++) {
      tokens[k + 1] = ids.get(k);
      int[] offset = offsets.get(k);
      for (LabelledSpan span : gold) {
        if (span.span().begin() < offset[1] && span.span().end() > offset[0]) {
          inSpan[k + 1] = true;
          break;
        }
      }
    }
    List<int[]> spans = new ArrayList<>();
    for (LabelledSpan span : gold) {
      int technique = techniques.indexOf(span.technique());
      if (technique < 0) {
        continue;
      }
      int first = -1;
      int last = -1;
      for (int k = 0; k < n; k++) {
        int[] offset = offsets.get(k);
        if (span.span().begin() < offset[1] && span.span().end() > offset[0]) {
          first = first < 0 ? k + 1 : first;
          last = k + 1;
        }
      }
      if (first > 0) {
        spans.add(new int[] {technique, first, last + 1});
      }
    }
    ids.clear();
    offsets.clear();
    return new Window(tokens, inSpan, spans);
  }

  /** The two training heads: a span-word logit per piece, technique logits per span. */
  private static final class Heads {
    private final NDArray spanWeight;
    private final NDArray spanBias;
    private final NDArray techniqueWeight;
    private final NDArray techniqueBias;
    private final int techniques;

    Heads(NDManager manager, int hidden, int techniques) {
      this.techniques = techniques;
      spanWeight = manager.randomNormal(0, 0.02f, new Shape(hidden, 1), DataType.FLOAT32);
      spanBias = manager.zeros(new Shape(1));
      techniqueWeight =
          manager.randomNormal(0, 0.02f, new Shape(2L * hidden, techniques), DataType.FLOAT32);
      techniqueBias = manager.zeros(new Shape(techniques));
      for (NDArray parameter : parameters().values()) {
        parameter.setRequiresGradient(true);
      }
    }

    Map<String, NDArray> parameters() {
      Map<String, NDArray> parameters = new LinkedHashMap<>();
      parameters.put("head.span.weight", spanWeight);
      parameters.put("head.span.bias", spanBias);
      parameters.put("head.technique.weight", techniqueWeight);
      parameters.put("head.technique.bias", techniqueBias);
      return parameters;
    }

    int techniques() {
      return techniques;
    }

    NDArray spanWord(NDArray states) {
      return states.matMul(spanWeight).add(spanBias);
    }

    /** Logits per span from the mean and the first of its pieces' states. */
    NDArray technique(NDArray states, List<int[]> spans, int rows, NDManager scope) {
      float[] pooling = new float[spans.size() * rows];
      long[] first = new long[spans.size()];
      for (int s = 0; s < spans.size(); s++) {
        int[] span = spans.get(s);
        for (int k = span[1]; k < span[2]; k++) {
          pooling[s * rows + k] = 1f / (span[2] - span[1]);
        }
        first[s] = span[1];
      }
      NDArray mean = scope.create(pooling, new Shape(spans.size(), rows)).matMul(states);
      NDArray firstStates = states.get(scope.create(first));
      return mean.concat(firstStates, 1).matMul(techniqueWeight).add(techniqueBias);
    }
  }
}
