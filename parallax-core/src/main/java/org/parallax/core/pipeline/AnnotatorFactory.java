package org.parallax.core.pipeline;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Creates an annotator from its short name and options; found through {@link ServiceLoader}.
 *
 * <p>Implementations list themselves in {@code
 * META-INF/services/org.parallax.core.pipeline.AnnotatorFactory}.
 */
public interface AnnotatorFactory {

  /** The short name users write, e.g. {@code entities}. */
  String name();

  /** One line for {@code --help}: what the annotator adds. */
  String description();

  /**
   * Builds the annotator; heavy resources are loaded here, once.
   *
   * @throws ConfigException for an unknown or malformed option
   */
  Annotator create(Map<String, String> options);

  /** Every factory on the class path, by name. */
  static Map<String, AnnotatorFactory> available() {
    Map<String, AnnotatorFactory> byName = new TreeMap<>();
    for (AnnotatorFactory factory : ServiceLoader.load(AnnotatorFactory.class)) {
      byName.put(factory.name(), factory);
    }
    return byName;
  }

  /**
   * Creates the named annotators in order.
   *
   * @throws ConfigException naming an annotator that is not on the class path
   */
  static List<Annotator> create(List<String> names, Map<String, Map<String, String>> options) {
    Map<String, AnnotatorFactory> byName = available();
    for (String name : options.keySet()) {
      if (!names.contains(name)) {
        throw new ConfigException("options given for '" + name + "', which is not in the pipeline");
      }
    }
    return names.stream()
        .map(
            name -> {
              AnnotatorFactory factory = byName.get(name);
              if (factory == null) {
                throw new ConfigException(
                    "unknown annotator '" + name + "'; available: " + byName.keySet());
              }
              return factory.create(options.getOrDefault(name, Map.of()));
            })
        .toList();
  }
}
