package org.parallax.persuasion.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parallax.nlp.encoder.OnnxInitializers;

/**
 * A BERT encoder (the architecture of all-MiniLM-L6-v2 and bge-small-en-v1.5) written over DJL
 * arrays, so PyTorch can differentiate it: the same computation as the ONNX graph the weights come
 * from, with weights named as Hugging Face names them and linear weights stored {@code [in, out]}.
 *
 * <p>Post-layer-norm blocks: self-attention with {@code hidden / 32} heads, GELU feed-forward,
 * layer norms with epsilon 1e-12; token type 0 throughout. The last hidden state matches ONNX
 * Runtime's output on the same weights to about 1e-6 (checked by {@code BertGraphIT}).
 */
final class BertGraph {

  private static final int HEAD_SIZE = 32;

  private final Map<String, NDArray> weights = new LinkedHashMap<>();
  private final int layers;
  private final int hidden;
  private int firstTuned;

  /** Copies every float weight of the encoder from {@code source} into {@code manager}. */
  BertGraph(NDManager manager, OnnxInitializers source) {
    int count = 0;
    for (OnnxInitializers.Initializer initializer : source.byName().values()) {
      String name = initializer.name();
      if (!initializer.replaceable() || !isEncoderWeight(name)) {
        continue;
      }
      weights.put(name, manager.create(source.values(name), new Shape(initializer.shape())));
      if (name.startsWith("encoder.layer.")) {
        count = Math.max(count, Integer.parseInt(name.split("\\.")[2]) + 1);
      }
    }
    if (count == 0 || !weights.containsKey("embeddings.LayerNorm.weight")) {
      throw new IllegalArgumentException("not a BERT encoder: no encoder layers found");
    }
    this.layers = count;
    this.hidden = (int) weights.get("embeddings.LayerNorm.weight").getShape().get(0);
  }

  /**
   * Whether fine-tuning may change this weight: all but the word-piece embedding table, and none
   * below the first tuned layer (see {@link #freezeBelow}).
   */
  boolean trainable(String name) {
    if (name.equals("embeddings.word_embeddings.weight")) {
      return false;
    }
    if (firstTuned == 0) {
      return true;
    }
    return name.startsWith("encoder.layer.")
        && Integer.parseInt(name.split("\\.")[2]) >= firstTuned;
  }

  /**
   * Keeps the embeddings and the layers below {@code layer} as published: they are not trained and
   * run without dropout, so the tuned layers learn from the states the published encoder gives.
   */
  void freezeBelow(int layer) {
    if (layer < 0 || layer >= layers) {
      throw new IllegalArgumentException("no layer " + layer + " to tune from");
    }
    this.firstTuned = layer;
  }

  int layers() {
    return layers;
  }

  private static boolean isEncoderWeight(String name) {
    return name.startsWith("embeddings.") || name.startsWith("encoder.layer.");
  }

  int hidden() {
    return hidden;
  }

  /** The weights by name, live: training updates them in place. */
  Map<String, NDArray> weights() {
    return weights;
  }

  /**
   * The last hidden state {@code [batch, tokens, hidden]} for word-piece ids and attention mask
   * {@code [batch, tokens]} (int64); dropout at {@code dropout} when training.
   */
  NDArray forward(NDArray ids, NDArray mask, boolean training, float dropout) {
    long batch = ids.getShape().get(0);
    long tokens = ids.getShape().get(1);
    NDArray positions = ids.getManager().arange(tokens).toType(DataType.INT64, false);
    NDArray x =
        embed(ids, "embeddings.word_embeddings.weight")
            .add(embed(positions, "embeddings.position_embeddings.weight"))
            .add(weights.get("embeddings.token_type_embeddings.weight").get(0));
    x = drop(norm(x, "embeddings.LayerNorm"), training && firstTuned == 0, dropout);
    NDArray maskBias =
        mask.toType(DataType.FLOAT32, false).sub(1f).mul(1e4f).reshape(batch, 1, 1, tokens);
    for (int i = 0; i < layers; i++) {
      boolean tuned = i >= firstTuned;
      x = layer(x, "encoder.layer." + i, maskBias, batch, tokens, training && tuned, dropout);
    }
    return x;
  }

  /** One post-layer-norm block: self-attention, then the GELU feed-forward. */
  private NDArray layer(
      NDArray x,
      String layer,
      NDArray maskBias,
      long batch,
      long tokens,
      boolean training,
      float dropout) {
    int heads = hidden / HEAD_SIZE;
    float scale = (float) (1 / Math.sqrt(HEAD_SIZE));
    NDArray q = split(linear(x, layer + ".attention.self.query"), batch, tokens, heads);
    NDArray k = split(linear(x, layer + ".attention.self.key"), batch, tokens, heads);
    NDArray v = split(linear(x, layer + ".attention.self.value"), batch, tokens, heads);
    NDArray attention = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale).add(maskBias).softmax(-1);
    NDArray context =
        drop(attention, training, dropout)
            .matMul(v)
            .transpose(0, 2, 1, 3)
            .reshape(batch, tokens, hidden);
    NDArray attended = drop(linear(context, layer + ".attention.output.dense"), training, dropout);
    x = norm(attended.add(x), layer + ".attention.output.LayerNorm");
    NDArray inner = Activation.gelu(linear(x, layer + ".intermediate.dense"));
    NDArray out = drop(linear(inner, layer + ".output.dense"), training, dropout);
    return norm(out.add(x), layer + ".output.LayerNorm");
  }

  private NDArray embed(NDArray ids, String table) {
    return Embedding.embedding(ids, weights.get(table), SparseFormat.DENSE).singletonOrThrow();
  }

  private NDArray linear(NDArray x, String prefix) {
    return x.matMul(weights.get(prefix + ".weight")).add(weights.get(prefix + ".bias"));
  }

  private NDArray norm(NDArray x, String prefix) {
    return LayerNorm.layerNorm(
            x,
            new Shape(hidden),
            weights.get(prefix + ".weight"),
            weights.get(prefix + ".bias"),
            1e-12f)
        .singletonOrThrow();
  }

  private NDArray split(NDArray x, long batch, long tokens, int heads) {
    return x.reshape(batch, tokens, heads, HEAD_SIZE).transpose(0, 2, 1, 3);
  }

  private static NDArray drop(NDArray x, boolean training, float rate) {
    return training && rate > 0 ? Dropout.dropout(x, rate, true).singletonOrThrow() : x;
  }
}
