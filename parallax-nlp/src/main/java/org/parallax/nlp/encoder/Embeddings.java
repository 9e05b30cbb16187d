package org.parallax.nlp.encoder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.parallax.core.model.Layer;

/**
 * Dense vectors from the transformer encoder, kept for corpus stages (stories, talking points).
 *
 * @param model the encoder's name, e.g. {@code all-minilm-l6-v2-q}
 * @param dimension the length of every vector
 * @param sentences one mean-pooled, L2-normalised vector per sentence, in sentence order,
 *     concatenated and stored as base64 of little-endian float32
 * @param document the L2-normalised mean of the sentence vectors, in the same encoding; all zeros
 *     when the document has no sentences
 */
public record Embeddings(String model, int dimension, String sentences, String document) {

  public static final Layer<Embeddings> LAYER = Layer.of("embeddings", Embeddings.class);

  /** Embeddings of a document from its sentence vectors, each of length {@code dimension}. */
  public static Embeddings of(String model, int dimension, List<float[]> sentenceVectors) {
    float[] mean = new float[dimension];
    float[] all = new float[sentenceVectors.size() * dimension];
    for (int s = 0; s < sentenceVectors.size(); s++) {
      float[] vector = sentenceVectors.get(s);
      if (vector.length != dimension) {
        throw new IllegalArgumentException(
            "sentence vector " + s + " has " + vector.length + " values, not " + dimension);
      }
      System.arraycopy(vector, 0, all, s * dimension, dimension);
      for (int d = 0; d < dimension; d++) {
        mean[d] += vector[d];
      }
    }
    return new Embeddings(model, dimension, encode(all), encode(normalised(mean)));
  }

  /** The sentence vectors, decoded. */
  public float[][] sentenceVectors() {
    float[] all = decode(sentences);
    if (dimension <= 0 || all.length % dimension != 0) {
      throw new IllegalStateException(
          "stored sentence vectors hold " + all.length + " floats, not a multiple of " + dimension);
    }
    float[][] vectors = new float[all.length / dimension][];
    for (int s = 0; s < vectors.length; s++) {
      vectors[s] = Arrays.copyOfRange(all, s * dimension, (s + 1) * dimension);
    }
    return vectors;
  }

  /** The document vector, decoded. */
  public float[] documentVector() {
    return decode(document);
  }

  /** Base64 of the little-endian float32 values, the stored form of a vector. */
  public static String encode(float[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES);
    bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  /** The floats of a vector in its stored form. */
  public static float[] decode(String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64);
    if (bytes.length % Float.BYTES != 0) {
      throw new IllegalArgumentException("stored vector has " + bytes.length + " bytes");
    }
    float[] values = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  /** {@code vector} scaled to unit length; a zero vector stays zero. */
  static float[] normalised(float[] vector) {
    double squares = 0;
    for (float v : vector) {
      squares += (double) v * v;
    }
    // sentence-transformers divides by max(norm, 1e-12); the same guard keeps zeros finite.
    double norm = Math.max(Math.sqrt(squares), 1e-12);
    float[] unit = new float[vector.length];
    for (int i = 0; i < vector.length; i++) {
      unit[i] = (float) (vector[i] / norm);
    }
    return unit;
  }
}
