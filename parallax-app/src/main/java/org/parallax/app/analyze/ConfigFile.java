package org.parallax.app.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.core.pipeline.Options;
import org.parallax.ingest.source.IngestConfig;

/**
 * Reads a settings file laid out like {@code parallax-default.yaml}: {@code annotators}, {@code
 * ingest}, one section of options per annotator, and one per corpus stage.
 */
public final class ConfigFile {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The top-level key for the per-document time limit, in seconds. */
  static final String DOCUMENT_TIMEOUT = "documentTimeoutSeconds";

  private ConfigFile() {}

  /**
   * Settings from {@code file} on top of {@code defaults}.
   *
   * @throws ConfigException when the file cannot be read or a value has the wrong shape
   */
  public static Analysis.Settings read(Path file, Analysis.Settings defaults) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("cannot read settings file " + file + ": " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return defaults;
    }
    if (!root.isObject()) {
      throw new ConfigException(file + " must be a YAML mapping of sections");
    }
    List<String> annotators = defaults.annotators();
    IngestConfig ingest = defaults.ingest();
    Duration documentTimeout = defaults.documentTimeout();
    Map<String, Map<String, String>> options = new LinkedHashMap<>(defaults.options());
    Map<String, Map<String, String>> corpus = new LinkedHashMap<>(defaults.corpusOptions());
    var fields = root.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      String section = field.getKey();
      JsonNode value = field.getValue();
      if (section.equals("annotators")) {
        annotators = stringList(file, value);
      } else if (section.equals(DOCUMENT_TIMEOUT)) {
        documentTimeout = seconds(file, value);
      } else if (value.isObject()) {
        Map<String, String> values = new LinkedHashMap<>();
        value.fields().forEachRemaining(e -> values.put(e.getKey(), scalar(file, section, e)));
        if (section.equals("ingest")) {
          ingest = IngestConfig.from(Options.of("ingest", values));
        } else if (CorpusStages.SECTIONS.contains(section)) {
          corpus.put(section, values);
        } else {
          options.put(section, values);
        }
      } else {
        throw new ConfigException(
            file
                + ": '"
                + section
                + "' must be a list (annotators), a number of seconds ("
                + DOCUMENT_TIMEOUT
                + ") or a section of options");
      }
    }
    // options for annotators that are configured but not run are harmless in a settings file
    options.keySet().retainAll(annotators);
    Analysis.Settings settings =
        new Analysis.Settings(
            annotators,
            options,
            defaults.threads(),
            ingest,
            defaults.force(),
            corpus,
            documentTimeout);
    settings.corpus(); // unknown corpus keys fail here, naming the file's mistake
    return settings;
  }

  private static Duration seconds(Path file, JsonNode value) {
    if (!value.isNumber() || value.asDouble() < 0) {
      throw new ConfigException(
          file + ": '" + DOCUMENT_TIMEOUT + "' must be a number of seconds (0 for no limit)");
    }
    return Analysis.Settings.seconds(value.asDouble());
  }

  private static List<String> stringList(Path file, JsonNode value) {
    if (!value.isArray()) {
      throw new ConfigException(file + ": 'annotators' must be a list of annotator names");
    }
    List<String> names = new ArrayList<>();
    value.forEach(n -> names.add(n.asText()));
    return List.copyOf(names);
  }

  private static String scalar(Path file, String section, Map.Entry<String, JsonNode> entry) {
    if (!entry.getValue().isValueNode()) {
      throw new ConfigException(
          file + ": " + section + "." + entry.getKey() + " must be a single value");
    }
    return entry.getValue().asText();
  }
}
