package org.parallax.app.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parallax.core.json.Json;
import org.parallax.core.pipeline.ConfigException;

/**
 * Binds string options onto a settings record: each key names a record component, unknown keys are
 * errors naming the section, and the record's own checks turn into configuration errors.
 */
final class RecordOptions {

  private RecordOptions() {}

  /**
   * {@code defaults} with the components named in {@code values} replaced.
   *
   * @throws ConfigException for an unknown key or a value the record rejects
   */
  static <R extends Record> R bind(
      String section, R defaults, Class<R> type, Map<String, String> values) {
    ObjectNode tree = Json.MAPPER.valueToTree(defaults);
    List<String> known = new ArrayList<>();
    tree.fieldNames().forEachRemaining(known::add);
    for (Map.Entry<String, String> entry : values.entrySet()) {
      JsonNode current = tree.get(entry.getKey());
      if (current == null) {
        throw new ConfigException(
            "unknown option '" + entry.getKey() + "' for '" + section + "'; known: " + known);
      }
      tree.put(entry.getKey(), entry.getValue());
    }
    try {
      return Json.MAPPER.treeToValue(tree, type);
    } catch (Exception e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
        cause = cause.getCause();
      }
      throw new ConfigException(section + ": " + cause.getMessage(), e);
    }
  }

  /** The components of {@code defaults} and their values, in declaration order, as strings. */
  static <R extends Record> Map<String, String> values(R defaults) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    Json.MAPPER
        .valueToTree(defaults)
        .fields()
        .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }
}
