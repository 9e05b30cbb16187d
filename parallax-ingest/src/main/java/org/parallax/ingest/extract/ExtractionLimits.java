package org.parallax.ingest.extract;

import org.parallax.core.pipeline.ConfigException;

/**
 * Bounds on what one page may cost to extract. A hostile or broken page (markup nested a hundred
 * thousand levels deep, megabytes of text) is cut down or fails with a reason a user understands,
 * instead of blowing a worker's stack, holding it for minutes or filling memory.
 *
 * @param maxDepth the deepest element nesting kept from an HTML page, counted from the document
 *     root; an element at this depth keeps its text but loses the markup below it, and the document
 *     gets a diagnostic saying so. Browsers stop nesting at 512 too, so no page renders differently
 *     for it. Default 512.
 * @param maxTextChars the longest clean text one document may have, in characters; a longer one
 *     fails with a reason rather than being cut at an arbitrary point. Default 1,000,000 (about
 *     150,000 words, far beyond any news article).
 */
public record ExtractionLimits(int maxDepth, int maxTextChars) {

  public static final int DEFAULT_MAX_DEPTH = 512;
  public static final int DEFAULT_MAX_TEXT_CHARS = 1_000_000;

  public static final ExtractionLimits DEFAULTS =
      new ExtractionLimits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_TEXT_CHARS);

  public ExtractionLimits {
    if (maxDepth < 8) {
      throw new ConfigException(
          "ingest.maxDepth must be at least 8 (an HTML page needs a few levels), not " + maxDepth);
    }
    if (maxTextChars <= 0) {
      throw new ConfigException(
          "ingest.maxTextChars must be a positive number of characters, not " + maxTextChars);
    }
  }
}
