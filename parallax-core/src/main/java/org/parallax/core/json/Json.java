package org.parallax.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;

/**
 * The one JSON mapper of Parallax and the stored form of a {@link Document}.
 *
 * <p>The stored form is {@code {"id", "source", "metadata", "text", "layers": {name: value}}}; it
 * round-trips every layer whose value is a record or a list of records.
 */
public final class Json {

  /** Shared, thread-safe mapper: records, no nulls written, unknown properties tolerated. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private Json() {}

  /** Converts a JSON tree to a value of {@code type}. */
  public static <T> T convert(JsonNode node, JavaType type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored layer does not match " + type + ": " + e, e);
    }
  }

  /** The stored JSON tree of a document, every layer included. */
  public static ObjectNode toTree(Document document) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", document.id());
    root.set("source", MAPPER.valueToTree(document.source()));
    root.set("metadata", MAPPER.valueToTree(document.metadata()));
    root.put("text", document.text());
    ObjectNode layers = root.putObject("layers");
    document.rawLayers().forEach((name, value) -> layers.set(name, MAPPER.valueToTree(value)));
    return root;
  }

  /** The stored JSON text of a document. */
  public static String write(Document document) {
    try {
      return MAPPER.writeValueAsString(toTree(document));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a document from its stored JSON text; layers are typed lazily on access. */
  public static Document read(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      Map<String, Object> layers = new LinkedHashMap<>();
      root.path("layers").fields().forEachRemaining(e -> layers.put(e.getKey(), e.getValue()));
      return Document.restore(
          root.path("id").asText(),
          MAPPER.treeToValue(root.path("source"), Source.class),
          MAPPER.treeToValue(root.path("metadata"), Metadata.class),
          root.path("text").asText(),
          layers);
    } catch (IOException e) {
      throw new UncheckedIOException("not a stored Parallax document: " + e.getMessage(), e);
    }
  }
}
