package org.parallax.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.parallax.core.json.Json;

/**
 * One article: where it came from, its metadata, its clean text and typed analysis layers.
 *
 * <p>Immutable: {@link #with} returns a new document that shares the unchanged parts. Layer values
 * read back from stored JSON are converted to their record types on first access through {@link
 * #get}.
 */
public final class Document {

  private final String id;
  private final Source source;
  private final Metadata metadata;
  private final String text;
  private final Map<String, Object> layers;

  private Document(
      String id, Source source, Metadata metadata, String text, Map<String, Object> layers) {
    this.id = Objects.requireNonNull(id, "id");
    this.source = Objects.requireNonNull(source, "source");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    this.text = Objects.requireNonNull(text, "text");
    this.layers = Collections.unmodifiableMap(layers);
  }

  /**
   * A new document without layers, its id the content hash of its text and URL; without a URL, of
   * its text and outlet, so that one text published by two outlets (a wire copy, a cross-post given
   * as scraped text) is two documents, not one read twice.
   */
  public static Document of(Source source, Metadata metadata, String text) {
    String locator = source.url();
    if ((locator == null || locator.isBlank())
        && metadata.outlet() != null
        && !metadata.outlet().isBlank()) {
      locator = "outlet:" + metadata.outlet().strip().toLowerCase(Locale.ROOT);
    }
    return new Document(contentId(text, locator), source, metadata, text, new LinkedHashMap<>());
  }

  /** Rebuilds a document from stored parts; layer values may still be JSON trees. */
  public static Document restore(
      String id, Source source, Metadata metadata, String text, Map<String, Object> layers) {
    return new Document(id, source, metadata, text, new LinkedHashMap<>(layers));
  }

  /**
   * A stable id for a text and URL: the first 16 hex digits of the SHA-256 of the NFC-normalised,
   * case-folded, whitespace-collapsed text and the URL. Re-running on the same input gives the same
   * id, so writes are idempotent.
   */
  public static String contentId(String text, String url) {
    String normalised =
        Normalizer.normalize(text, Normalizer.Form.NFC)
            .toLowerCase(Locale.ROOT)
            .replaceAll("\\s+", " ")
            .strip();
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(normalised.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update((url == null ? "" : url).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }

  public String id() {
    return id;
  }

  public Source source() {
    return source;
  }

  public Metadata metadata() {
    return metadata;
  }

  public String text() {
    return text;
  }

  /** The text covered by {@code span}. */
  public String text(Span span) {
    return text.substring(span.begin(), span.end());
  }

  public boolean has(Layer<?> layer) {
    return layers.containsKey(layer.name());
  }

  /** The names of the layers present, in the order they were added. */
  public Set<String> layerNames() {
    return layers.keySet();
  }

  /** The value of {@code layer}, or empty when no annotator produced it. */
  public <T> Optional<T> find(Layer<T> layer) {
    Object value = layers.get(layer.name());
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof JsonNode node) {
      return Optional.of(Json.convert(node, layer.javaType()));
    }
    @SuppressWarnings("unchecked")
    T typed = (T) value;
    return Optional.of(typed);
  }

  /** The value of {@code layer}; fails when it is absent, which a checked pipeline rules out. */
  public <T> T get(Layer<T> layer) {
    return find(layer)
        .orElseThrow(
            () -> new IllegalStateException("document " + id + " has no layer '" + layer + "'"));
  }

  /** A copy of this document with {@code layer} set to {@code value}. */
  public <T> Document with(Layer<T> layer, T value) {
    Map<String, Object> copy = new LinkedHashMap<>(layers);
    copy.put(layer.name(), Objects.requireNonNull(value, "value"));
    return new Document(id, source, metadata, text, copy);
  }

  /** A copy of this document with other metadata. */
  public Document withMetadata(Metadata value) {
    return new Document(id, source, value, text, new LinkedHashMap<>(layers));
  }

  /** The raw layer values by name, for serialisation. */
  public Map<String, Object> rawLayers() {
    return layers;
  }

  @Override
  public String toString() {
    return "Document[" + id + ", " + source.inputId() + ", layers=" + layers.keySet() + "]";
  }
}
