package org.parallax.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parallax.core.json.Json;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.pipeline.InputException;
import org.parallax.ingest.extract.Dates;
import org.parallax.ingest.extract.ExtractionLimits;
import org.parallax.ingest.extract.Extractor;

/**
 * Input records given as JSON objects: {@code {"id", "url", "outlet", "title", "published",
 * "text"}} or with {@code "html"} instead of {@code "text"}. {@code authors}/{@code author} and
 * {@code language}/{@code lang} are read too; any other field is kept verbatim in {@link
 * Source#fields()}.
 */
final class JsonRecords {

  private static final Set<String> KNOWN =
      Set.of(
          "id",
          "url",
          "outlet",
          "title",
          "published",
          "text",
          "html",
          "author",
          "authors",
          "language",
          "lang");

  private static final ObjectReader READER =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonRecords() {}

  /** The object in {@code json}, else a message saying what is wrong with it. */
  static JsonNode parse(String json, String where) throws InputException {
    JsonNode node;
    try {
      node = READER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InputException(where + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InputException(where + " is not a JSON object");
    }
    return node;
  }

  /** Parses quietly: the object, or empty when {@code json} is not one. */
  static Optional<JsonNode> tryParse(String json) {
    try {
      return Optional.of(parse(json, "record"));
    } catch (InputException e) {
      return Optional.empty();
    }
  }

  /** The record's own id as text, else null. */
  static String id(JsonNode record) {
    JsonNode id = record.path("id");
    return id.isTextual() || id.isNumber() ? id.asText().strip() : null;
  }

  /**
   * Reads one record into a document.
   *
   * @param where how messages name the record, e.g. "line 12" or "the record"
   * @param limits bounds on the page's depth and text
   */
  static Document read(
      JsonNode record,
      String inputId,
      String origin,
      String format,
      String where,
      List<Diagnostic> diagnostics,
      ExtractionLimits limits)
      throws InputException {
    String text = string(record, "text");
    String html = string(record, "html");
    if (text == null && html == null) {
      throw new InputException(where + " has no \"text\" or \"html\" field with the article");
    }
    List<Diagnostic> notes = new ArrayList<>(diagnostics);
    Metadata given =
        new Metadata(
            string(record, "title"),
            authors(record),
            published(record, notes),
            string(record, "outlet"),
            Optional.ofNullable(string(record, "language")).orElse(string(record, "lang")));
    Map<String, Object> fields = new LinkedHashMap<>();
    record
        .properties()
        .forEach(
            field -> {
              if (!KNOWN.contains(field.getKey()) && !field.getValue().isNull()) {
                fields.put(
                    field.getKey(), Json.MAPPER.convertValue(field.getValue(), Object.class));
              }
            });
    Source source = new Source(inputId, origin, string(record, "url"), format, fields);
    // a "text" field is already extracted text; prefer it when a record has both
    if (text != null && !text.isBlank()) {
      return Extractor.fromText(source, given, text, notes, limits);
    }
    if (html != null) {
      return Extractor.fromHtml(source, given, html, notes, limits);
    }
    return Extractor.fromText(source, given, text, notes, limits);
  }

  private static String published(JsonNode record, List<Diagnostic> notes) {
    String value = string(record, "published");
    if (value == null) {
      return null;
    }
    Optional<String> date = Dates.parse(value);
    if (date.isEmpty()) {
      notes.add(
          new Diagnostic(
              "ingest", "the published date '" + value + "' could not be read; it was left out"));
    }
    return date.orElse(null);
  }

  private static List<String> authors(JsonNode record) {
    JsonNode node = record.has("authors") ? record.get("authors") : record.path("author");
    List<String> names = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(
          name -> {
            if (name.isTextual() && !name.asText().isBlank()) {
              names.add(name.asText().strip());
            }
          });
    } else if (node.isTextual() && !node.asText().isBlank()) {
      names.add(node.asText().strip());
    }
    return names;
  }

  private static String string(JsonNode record, String field) {
    JsonNode value = record.path(field);
    if (value.isTextual()) {
      String text = value.asText().strip();
      return text.isEmpty() && !field.equals("text") && !field.equals("html") ? null : text;
    }
    return value.isNumber() || value.isBoolean() ? value.asText() : null;
  }
}
