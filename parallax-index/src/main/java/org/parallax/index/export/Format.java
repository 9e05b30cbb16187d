package org.parallax.index.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats {@link Exporter} writes. */
public enum Format {
  /** One compact JSON object per line. */
  JSONL,
  /** RFC 4180 comma-separated values, one row per document, list layers as JSON in a cell. */
  CSV;

  /** The format named {@code name}, e.g. {@code jsonl} or {@code CSV}. */
  public static Format parse(String name) {
    for (Format format : values()) {
      if (format.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown export format '"
            + name
            + "'; use one of "
            + Arrays.stream(values()).map(Format::extension).collect(Collectors.joining(", ")));
  }

  /** The usual file-name extension, without the dot. */
  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }
}
