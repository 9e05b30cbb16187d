package org.parallax.nlp.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.pipeline.AnnotationException;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.nlp.segment.Sentence;

/** Adds one sentence vector per sentence and a document vector ({@link Embeddings#LAYER}). */
public final class EncoderAnnotator implements Annotator {

  /**
   * Settings of the encoder.
   *
   * @param threads threads one model call uses; default 1, because the executor already runs one
   *     document per core (on 2 cores, 1 thread per call analysed the PTC train set 17 % faster)
   * @param batchSize sentences per model call; default {@value SentenceEncoder#DEFAULT_BATCH_SIZE}
   */
  public record Config(int threads, int batchSize) {

    public Config {
      if (threads < 1) {
        throw new ConfigException("encoder.threads must be at least 1, not " + threads);
      }
      if (batchSize < 1) {
        throw new ConfigException("encoder.batchSize must be at least 1, not " + batchSize);
      }
    }

    public static Config defaults() {
      return new Config(1, SentenceEncoder.DEFAULT_BATCH_SIZE);
    }
  }

  private final Config config;
  private final SentenceEncoder encoder;

  /** Loads (or reuses) the process-wide model; slow the first time. */
  public EncoderAnnotator(Config config) {
    this.config = config;
    this.encoder = SentenceEncoder.shared(config.threads());
  }

  public Config config() {
    return config;
  }

  @Override
  public String name() {
    return "encoder";
  }

  @Override
  public Set<Layer<?>> requires() {
    return Set.of(Sentence.LAYER);
  }

  @Override
  public Set<Layer<?>> produces() {
    return Set.of(Embeddings.LAYER);
  }

  @Override
  public Document annotate(Document document) {
    List<Sentence> sentences = document.get(Sentence.LAYER);
    List<String> texts = new ArrayList<>(sentences.size());
    for (Sentence sentence : sentences) {
      texts.add(document.text(sentence.span()));
    }
    List<float[]> vectors;
    try {
      vectors = encoder.encode(texts, config.batchSize());
    } catch (RuntimeException e) {
      throw new AnnotationException(name(), "encoding the sentences failed: " + e.getMessage(), e);
    }
    return document.with(
        Embeddings.LAYER, Embeddings.of(SentenceEncoder.MODEL, SentenceEncoder.DIMENSION, vectors));
  }
}
