package org.parallax.nlp.encoder;

import org.parallax.core.model.Layer;

/**
 * Dense vectors from the transformer encoder, kept for corpus stages (stories, talking points).
 *
 * @param model the encoder's name, e.g. {@code all-minilm-l6-v2-q}
 * @param dimension the length of every vector
 * @param sentences one mean-pooled, L2-normalised vector per sentence, in sentence order,
 *     concatenated and stored as base64 of little-endian float32
 * @param document the L2-normalised mean of the sentence vectors, in the same encoding
 */
public record Embeddings(String model, int dimension, String sentences, String document) {

  public static final Layer<Embeddings> LAYER = Layer.of("embeddings", Embeddings.class);
}
