package org.parallax.core.model;

import java.util.Map;

/**
 * Where a document came from, as the input said it.
 *
 * @param inputId the input record's own id, else the file path it was read from
 * @param origin a human-readable location: a path, {@code path#line} for a JSONL record, or {@code
 *     stdin}
 * @param url the page URL when the input gave one, else {@code null}
 * @param format how the raw input was read, e.g. {@code txt}, {@code html}, {@code jsonl}
 * @param fields fields of the input record that Parallax has no slot for, kept verbatim
 */
public record Source(
    String inputId, String origin, String url, String format, Map<String, Object> fields) {

  public Source {
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  public static Source of(String inputId, String origin, String url, String format) {
    return new Source(inputId, origin, url, format, Map.of());
  }
}
