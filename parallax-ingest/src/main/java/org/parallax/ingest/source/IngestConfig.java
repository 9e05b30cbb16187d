package org.parallax.ingest.source;

import org.parallax.core.pipeline.ConfigException;
import org.parallax.core.pipeline.Options;
import org.parallax.ingest.extract.ExtractionLimits;

/**
 * Settings for reading inputs: the limits that keep one hostile or broken input from exhausting
 * memory, the stack or a worker's time. An input over a limit fails (or, for depth, is cut down)
 * with a reason in words; the rest of the batch is read as usual.
 *
 * @param maxBytes the largest page, feed, JSONL line or WARC record payload read, in bytes (after
 *     decompression); larger inputs fail with a reason instead of exhausting memory. Default 20 MB.
 * @param maxDepth the deepest element nesting kept from an HTML page; markup below is flattened to
 *     its text with a diagnostic, so a page of 100,000 nested elements neither overflows the stack
 *     nor holds a worker for minutes. Default 512, where browsers stop nesting too.
 * @param maxTextChars the longest clean text one document may have, in characters; a longer one
 *     fails with a reason. Default 1,000,000 (about 150,000 words).
 */
public record IngestConfig(long maxBytes, int maxDepth, int maxTextChars) {

  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
  public static final int DEFAULT_MAX_DEPTH = ExtractionLimits.DEFAULT_MAX_DEPTH;
  public static final int DEFAULT_MAX_TEXT_CHARS = ExtractionLimits.DEFAULT_MAX_TEXT_CHARS;

  public static final IngestConfig DEFAULTS =
      new IngestConfig(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_TEXT_CHARS);

  public IngestConfig {
    if (maxBytes <= 0) {
      throw new ConfigException(
          "ingest.maxBytes must be a positive number of bytes, not " + maxBytes);
    }
    new ExtractionLimits(maxDepth, maxTextChars); // validates both, with messages naming the key
  }

  /** The default depth and text limits with {@code maxBytes}. */
  public IngestConfig(long maxBytes) {
    this(maxBytes, DEFAULT_MAX_DEPTH, DEFAULT_MAX_TEXT_CHARS);
  }

  /** This configuration with another byte limit, the other limits kept. */
  public IngestConfig withMaxBytes(long value) {
    return new IngestConfig(value, maxDepth, maxTextChars);
  }

  /** The limits that apply while extracting one document's text. */
  public ExtractionLimits extraction() {
    return new ExtractionLimits(maxDepth, maxTextChars);
  }

  /**
   * Reads {@code maxBytes}, {@code maxDepth} and {@code maxTextChars} from options, each falling
   * back to its default; unknown keys are an error.
   */
  public static IngestConfig from(Options options) {
    String value = options.string("maxBytes", Long.toString(DEFAULT_MAX_BYTES));
    int maxDepth = options.integer("maxDepth", DEFAULT_MAX_DEPTH);
    int maxTextChars = options.integer("maxTextChars", DEFAULT_MAX_TEXT_CHARS);
    options.checkAllRead();
    long maxBytes;
    try {
      maxBytes = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "ingest.maxBytes must be a whole number of bytes, not '" + value + "'");
    }
    return new IngestConfig(maxBytes, maxDepth, maxTextChars);
  }
}
