package org.parallax.index.workspace;

import static org.parallax.index.workspace.IndexFields.ARTICLE;
import static org.parallax.index.workspace.IndexFields.ENTITY;
import static org.parallax.index.workspace.IndexFields.ID;
import static org.parallax.index.workspace.IndexFields.INPUT_ID;
import static org.parallax.index.workspace.IndexFields.JSON;
import static org.parallax.index.workspace.IndexFields.LANGUAGE;
import static org.parallax.index.workspace.IndexFields.OUTLET;
import static org.parallax.index.workspace.IndexFields.PUBLISHED;
import static org.parallax.index.workspace.IndexFields.PUBLISHED_MONTH;
import static org.parallax.index.workspace.IndexFields.TEXT;
import static org.parallax.index.workspace.IndexFields.TITLE;
import static org.parallax.index.workspace.IndexFields.TYPE;
import static org.parallax.index.workspace.IndexFields.URL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.util.BytesRef;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;

/**
 * Turns a Parallax document into the Lucene document of one article.
 *
 * <p>Works on the stored JSON tree and layer names only, so this module needs no annotator module
 * to read the language code or the entity names.
 */
final class ArticleFields {

  private static final Pattern ISO_DATE_PREFIX = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");

  private ArticleFields() {}

  /** The Lucene document of {@code document}, before {@code FacetsConfig.build}. */
  static org.apache.lucene.document.Document of(Document document) {
    ObjectNode tree = Json.toTree(document);
    JsonNode layers = tree.path("layers");
    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
    doc.add(new StringField(TYPE, ARTICLE, Field.Store.NO));
    doc.add(new StringField(ID, document.id(), Field.Store.YES));
    // Doc values on the id give documents() a stable order that survives merges.
    doc.add(new SortedDocValuesField(ID, new BytesRef(document.id())));
    addKeyword(doc, INPUT_ID, document.source().inputId());
    addKeyword(doc, URL, document.source().url());
    String outlet = outlet(document);
    if (outlet != null && fitsInTerm(outlet)) {
      addKeyword(doc, OUTLET, outlet);
      doc.add(new SortedSetDocValuesFacetField(OUTLET, outlet));
    }
    String language = layers.path("language").path("code").textValue();
    if (language != null && !language.isBlank() && fitsInTerm(language)) {
      addKeyword(doc, LANGUAGE, language);
      doc.add(new SortedSetDocValuesFacetField(LANGUAGE, language));
    }
    String title = document.metadata().title();
    if (title != null) {
      doc.add(new TextField(TITLE, title, Field.Store.YES));
    }
    doc.add(new TextField(TEXT, document.text(), Field.Store.NO));
    for (String entity : entityNames(layers.path("entities"), document.text())) {
      doc.add(new StringField(ENTITY, entity, Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(ENTITY, entity));
    }
    String published = document.metadata().published();
    publishedDate(published)
        .ifPresent(
            date -> {
              doc.add(new LongPoint(PUBLISHED, date.toEpochDay()));
              doc.add(new StoredField(PUBLISHED, published));
              doc.add(new SortedSetDocValuesFacetField(PUBLISHED_MONTH, published.substring(0, 7)));
            });
    doc.add(new StoredField(JSON, write(tree, document.id())));
    return doc;
  }

  /** The outlet from the metadata, else from the input record's own {@code outlet} field. */
  static String outlet(Document document) {
    String outlet = document.metadata().outlet();
    if (outlet == null && document.source().fields().get("outlet") instanceof String field) {
      outlet = field;
    }
    return outlet == null || outlet.isBlank() ? null : outlet;
  }

  /**
   * The calendar date an ISO-8601 date or date-time starts with, as the outlet wrote it: an article
   * published at 23:30 local time counts on that day, whatever UTC says.
   */
  static Optional<LocalDate> publishedDate(String published) {
    if (published == null || !ISO_DATE_PREFIX.matcher(published).find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(published.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Distinct canonical names, falling back to the mention's text when there is no canonical. */
  private static Set<String> entityNames(JsonNode entities, String text) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode entity : entities) {
      String name = entity.path("canonical").textValue();
      if (name == null) {
        JsonNode span = entity.path("span");
        int begin = span.path("begin").asInt(-1);
        int end = span.path("end").asInt(-1);
        if (0 <= begin && begin <= end && end <= text.length()) {
          name = text.substring(begin, end);
        }
      }
      if (name != null && !name.isBlank() && fitsInTerm(name)) {
        names.add(name.strip());
      }
    }
    return names;
  }

  private static void addKeyword(org.apache.lucene.document.Document doc, String field, String v) {
    if (v != null && !v.isEmpty() && fitsInTerm(v)) {
      doc.add(new StringField(field, v, Field.Store.YES));
    }
  }

  /**
   * Whether {@code value} is short enough to be one Lucene term or facet label; a garbage value
   * longer than that would make Lucene reject the whole article, so it is left out of the index
   * (the stored JSON still has it).
   */
  private static boolean fitsInTerm(String value) {
    return value.length() <= IndexWriter.MAX_TERM_LENGTH / 3;
  }

  private static String write(JsonNode tree, String id) {
    try {
      return Json.MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("document " + id + " cannot be written as JSON: " + e, e);
    }
  }
}
