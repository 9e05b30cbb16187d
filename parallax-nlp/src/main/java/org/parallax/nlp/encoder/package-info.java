/**
 * Dense sentence vectors from a small transformer (all-MiniLM-L6-v2, int8-quantised) run with ONNX
 * Runtime on the CPU.
 *
 * <p>{@link org.parallax.nlp.encoder.SentenceEncoder} is the reusable entry point: mean-pooled,
 * L2-normalised sentence vectors (what sentence-transformers computes) and the contextual vectors
 * of each word piece with its character offsets, for span taggers. {@link
 * org.parallax.nlp.encoder.EncoderAnnotator} stores one vector per sentence and a document vector
 * in the {@link org.parallax.nlp.encoder.Embeddings} layer. The model and its tokenizer ship inside
 * a dependency jar; nothing is downloaded and no telemetry is sent.
 */
package org.parallax.nlp.encoder;
