package org.parallax.ingest.source;

import org.parallax.core.pipeline.ConfigException;
import org.parallax.core.pipeline.Options;

/**
 * Settings for reading inputs.
 *
 * @param maxBytes the largest page or JSONL line read, in bytes (after decompression); larger
 *     inputs fail with a reason instead of exhausting memory. Default 20 MB.
 */
public record IngestConfig(long maxBytes) {

  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

  public static final IngestConfig DEFAULTS = new IngestConfig(DEFAULT_MAX_BYTES);

  public IngestConfig {
    if (maxBytes <= 0) {
      throw new ConfigException(
          "ingest.maxBytes must be a positive number of bytes, not " + maxBytes);
    }
  }

  /** Reads {@code maxBytes} from options; unknown keys are an error. */
  public static IngestConfig from(Options options) {
    String value = options.string("maxBytes", Long.toString(DEFAULT_MAX_BYTES));
    options.checkAllRead();
    try {
      return new IngestConfig(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "ingest.maxBytes must be a whole number of bytes, not '" + value + "'");
    }
  }
}
