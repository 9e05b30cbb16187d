package org.parallax.index.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.index.workspace.Workspace;

/**
 * Writes analysed documents as JSONL or CSV records with Unicode code-point offsets.
 *
 * <p>Works on layer names and the stored JSON form only, so a new list layer is exported without
 * code changes: every element's span-valued fields ({@code span}, {@code at}, {@code xxxSpan})
 * become code-point {@code begin}/{@code end} pairs, and elements with a {@code span} get the
 * covered {@code text}. The record schema is described in {@code docs/EXPORT.md}.
 */
public final class Exporter {

  /**
   * The list layers every record carries, in this order, as empty lists when a document lacks them;
   * in CSV each is a column. A new layer that should have its own CSV column goes here.
   */
  public static final List<String> LAYER_COLUMNS =
      List.of(
          "boilerplate",
          "paragraphs",
          "sentences",
          "entities",
          "quotes",
          "techniques",
          "paragraphTechniques",
          "diagnostics");

  /**
   * Layers left out unless asked for: tokens and embeddings are large and of little use outside
   * Parallax; the language layers are already folded into {@code language} and {@code paragraphs}.
   */
  public static final Set<String> DEFAULT_EXCLUDED =
      Set.of("tokens", "embeddings", "language", "paragraphLanguages");

  /** The CSV columns before the layer columns. */
  static final List<String> DOCUMENT_COLUMNS =
      List.of(
          "id", "inputId", "url", "outlet", "title", "authors", "published", "language", "text");

  /** The CSV column holding every exported layer not in {@link #LAYER_COLUMNS}, as one object. */
  static final String OTHER_LAYERS_COLUMN = "otherLayers";

  static final String FIELDS_COLUMN = "fields";

  /** Segment layers cover the whole text; repeating it per segment would double the file size. */
  private static final Set<String> LAYERS_WITHOUT_TEXT =
      Set.of("paragraphs", "sentences", "tokens", "paragraphTechniques");

  /**
   * Fields that known layers leave out of stored JSON when they are null; exported as explicit
   * nulls so that every element of a layer has the same keys.
   */
  private static final Map<String, List<String>> KNOWN_FIELDS =
      Map.of(
          "entities", List.of("span", "type", "canonical"),
          "quotes", List.of("span", "kind", "speaker", "speakerSpan", "cue", "cueSpan"),
          "techniques", List.of("span", "technique", "score", "voice", "speaker", "evidence"));

  private final Set<String> excluded;
  private final List<String> corpusFields;
  private final Function<String, Map<String, String>> corpusValues;

  /** An exporter that leaves out the layers named in {@code excludedLayers}. */
  public Exporter(Set<String> excludedLayers) {
    this(excludedLayers, List.of(), id -> Map.of());
  }

  private Exporter(
      Set<String> excludedLayers,
      List<String> corpusFields,
      Function<String, Map<String, String>> corpusValues) {
    this.excluded = Set.copyOf(excludedLayers);
    this.corpusFields = List.copyOf(corpusFields);
    this.corpusValues = corpusValues;
  }

  /**
   * A copy of this exporter whose records also carry per-document results of the corpus stages,
   * e.g. {@code story} and {@code duplicateGroup}: {@code names} are the fields, in order, after
   * {@code language}; {@code valuesById} gives a document's values by document id, and a field it
   * leaves out is written as null. In CSV they are columns after the document columns.
   */
  public Exporter withCorpusFields(
      List<String> names, Function<String, Map<String, String>> valuesById) {
    return new Exporter(excluded, names, valuesById);
  }

  /** An exporter that leaves out {@link #DEFAULT_EXCLUDED}. */
  public static Exporter standard() {
    return new Exporter(DEFAULT_EXCLUDED);
  }

  /**
   * Writes every article of {@code workspace} in id order with the {@link #standard()} exporter.
   *
   * @param out receives the records; the caller opens it as UTF-8 and closes it
   * @return the number of records written
   */
  public static long export(Workspace workspace, Format format, Writer out) throws IOException {
    try (Stream<Document> documents = workspace.documents()) {
      return standard().write(documents, format, out);
    }
  }

  /** Writes one record per document in {@code format}; returns the number of records. */
  public long write(Stream<Document> documents, Format format, Writer out) throws IOException {
    List<String> layerColumns =
        LAYER_COLUMNS.stream().filter(layer -> !excluded.contains(layer)).toList();
    if (format == Format.CSV) {
      List<String> header = new ArrayList<>(DOCUMENT_COLUMNS);
      header.addAll(DOCUMENT_COLUMNS.indexOf("text"), corpusFields);
      header.addAll(layerColumns);
      header.add(OTHER_LAYERS_COLUMN);
      header.add(FIELDS_COLUMN);
      CsvCells.writeRow(out, header);
    }
    long count = 0;
    Iterator<Document> it = documents.iterator();
    while (it.hasNext()) {
      ObjectNode record = record(it.next());
      if (format == Format.CSV) {
        CsvCells.writeRow(out, csvRow(record, layerColumns));
      } else {
        out.write(compact(record));
        out.write('\n');
      }
      count++;
    }
    out.flush();
    return count;
  }

  /** The export record of one document, fields in the documented order. */
  public ObjectNode record(Document document) {
    JsonNode layers = Json.toTree(document).path("layers");
    String text = document.text();
    CodePointOffsets offsets = new CodePointOffsets(text);
    ObjectNode record = Json.MAPPER.createObjectNode();
    record.put("id", document.id());
    record.put("inputId", document.source().inputId());
    record.put("url", document.source().url());
    record.put("outlet", outlet(document));
    record.put("title", document.metadata().title());
    ArrayNode authors = record.putArray("authors");
    document.metadata().authors().forEach(authors::add);
    record.put("published", document.metadata().published());
    record.put("language", layers.path("language").path("code").textValue());
    Map<String, String> corpus =
        corpusFields.isEmpty() ? Map.of() : corpusValues.apply(document.id());
    for (String field : corpusFields) {
      record.put(field, corpus.get(field));
    }
    record.put("text", text);
    for (String layer : LAYER_COLUMNS) {
      if (!excluded.contains(layer)) {
        record.set(layer, asList(exportLayer(layer, layers.path(layer), text, offsets)));
      }
    }
    if (record.get("paragraphs") instanceof ArrayNode paragraphs) {
      foldParagraphLanguages(paragraphs, layers.path("paragraphLanguages"), offsets);
    }
    for (Map.Entry<String, JsonNode> layer : layers.properties()) {
      String name = layer.getKey();
      if (!excluded.contains(name) && !LAYER_COLUMNS.contains(name) && !record.has(name)) {
        record.set(name, exportLayer(name, layer.getValue(), text, offsets));
      }
    }
    record.set("fields", Json.MAPPER.valueToTree(new TreeMap<>(document.source().fields())));
    return record;
  }

  /** A list layer element by element, an object layer as one element, anything else as is. */
  private static JsonNode exportLayer(
      String layer, JsonNode value, String text, CodePointOffsets offsets) {
    if (value.isMissingNode() || value.isNull()) {
      return Json.MAPPER.createArrayNode();
    }
    if (value.isObject()) {
      return exportElement(layer, value, text, offsets);
    }
    if (!value.isArray()) {
      return value;
    }
    ArrayNode elements = Json.MAPPER.createArrayNode();
    for (JsonNode element : value) {
      elements.add(element.isObject() ? exportElement(layer, element, text, offsets) : element);
    }
    return elements;
  }

  /** {@code value} as a list, so that the columns of {@link #LAYER_COLUMNS} are always lists. */
  private static ArrayNode asList(JsonNode value) {
    return value instanceof ArrayNode list ? list : Json.MAPPER.createArrayNode().add(value);
  }

  /**
   * One element with {@code span}/{@code at} as leading code-point {@code begin}/{@code end} (and
   * {@code text} for a span), then its plain fields, then each {@code xxxSpan} as {@code
   * xxxBegin}/{@code xxxEnd}.
   */
  private static ObjectNode exportElement(
      String layer, JsonNode element, String text, CodePointOffsets offsets) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    JsonNode span = element.get("span");
    JsonNode at = element.get("at");
    String main = isSpan(span) ? "span" : isSpan(at) ? "at" : null;
    if (main != null) {
      JsonNode anchor = element.get(main);
      int begin = offsets.clamp(anchor.get("begin").asInt());
      int end = Math.max(begin, offsets.clamp(anchor.get("end").asInt()));
      out.put("begin", offsets.of(begin));
      out.put("end", offsets.of(end));
      if (main.equals("span") && !LAYERS_WITHOUT_TEXT.contains(layer)) {
        out.put("text", text.substring(begin, end));
      }
    }
    Set<String> names = new LinkedHashSet<>(KNOWN_FIELDS.getOrDefault(layer, List.of()));
    element.fieldNames().forEachRemaining(names::add);
    List<String> spanFields = new ArrayList<>();
    for (String name : names) {
      JsonNode value = element.path(name);
      if (name.equals(main)) {
        continue;
      }
      if (name.length() > "Span".length()
          && name.endsWith("Span")
          && (isSpan(value) || value.isMissingNode() || value.isNull())) {
        spanFields.add(name);
      } else {
        out.set(name, value.isMissingNode() ? NullNode.getInstance() : value);
      }
    }
    for (String name : spanFields) {
      String prefix = name.substring(0, name.length() - "Span".length());
      JsonNode value = element.path(name);
      if (isSpan(value)) {
        int begin = offsets.clamp(value.get("begin").asInt());
        out.put(prefix + "Begin", offsets.of(begin));
        out.put(
            prefix + "End", offsets.of(Math.max(begin, offsets.clamp(value.get("end").asInt()))));
      } else {
        out.putNull(prefix + "Begin");
        out.putNull(prefix + "End");
      }
    }
    return out;
  }

  /**
   * Gives each paragraph the language code of the paragraph-language entry that overlaps it most,
   * or null when none does. Quadratic, but both lists hold one entry per paragraph at most.
   */
  private static void foldParagraphLanguages(
      ArrayNode paragraphs, JsonNode languages, CodePointOffsets offsets) {
    for (JsonNode node : paragraphs) {
      if (!(node instanceof ObjectNode paragraph) || !paragraph.has("begin")) {
        continue;
      }
      int begin = paragraph.get("begin").asInt();
      int end = paragraph.get("end").asInt();
      String best = null;
      int bestOverlap = 0;
      for (JsonNode language : languages) {
        JsonNode span = language.get("span");
        if (!isSpan(span) || !language.path("code").isTextual()) {
          continue;
        }
        int overlap =
            Math.min(end, offsets.of(span.get("end").asInt()))
                - Math.max(begin, offsets.of(span.get("begin").asInt()));
        if (overlap > bestOverlap) {
          best = language.get("code").textValue();
          bestOverlap = overlap;
        }
      }
      paragraph.put("language", best);
    }
  }

  private static boolean isSpan(JsonNode node) {
    return node != null
        && node.isObject()
        && node.path("begin").isIntegralNumber()
        && node.path("end").isIntegralNumber();
  }

  private static String outlet(Document document) {
    String outlet = document.metadata().outlet();
    if (outlet == null && document.source().fields().get("outlet") instanceof String field) {
      outlet = field;
    }
    return outlet == null || outlet.isBlank() ? null : outlet;
  }

  private List<String> csvRow(ObjectNode record, List<String> layerColumns) {
    List<String> row = new ArrayList<>();
    List<String> columns = new ArrayList<>(DOCUMENT_COLUMNS);
    columns.addAll(DOCUMENT_COLUMNS.indexOf("text"), corpusFields);
    for (String column : columns) {
      JsonNode value = record.get(column);
      if (column.equals("authors")) {
        List<String> authors = new ArrayList<>();
        value.forEach(author -> authors.add(author.asText()));
        row.add(String.join("; ", authors));
      } else {
        row.add(value == null || value.isNull() ? null : value.asText());
      }
    }
    layerColumns.forEach(layer -> row.add(compact(record.get(layer))));
    ObjectNode others = Json.MAPPER.createObjectNode();
    record
        .properties()
        .forEach(
            field -> {
              String name = field.getKey();
              if (!columns.contains(name)
                  && !LAYER_COLUMNS.contains(name)
                  && !name.equals(FIELDS_COLUMN)) {
                others.set(name, field.getValue());
              }
            });
    row.add(compact(others));
    row.add(compact(record.get(FIELDS_COLUMN)));
    return row;
  }

  private static String compact(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
