package org.parallax.nlp.entities;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.Options;

/** Creates the {@code entities} annotator; options {@code models}, {@code types} (comma lists). */
public final class EntityFactory implements AnnotatorFactory {

  @Override
  public String name() {
    return "entities";
  }

  @Override
  public String description() {
    return "people, organisations, places and other names, with canonical names (CoreNLP NER)";
  }

  @Override
  public Annotator create(Map<String, String> options) {
    Options read = Options.of(name(), options);
    EntityAnnotator.Config defaults = EntityAnnotator.Config.DEFAULTS;
    String models = read.string("models", String.join(",", defaults.models()));
    String types = read.string("types", String.join(",", defaults.types()));
    read.checkAllRead();
    return new EntityAnnotator(new EntityAnnotator.Config(list(models), Set.copyOf(list(types))));
  }

  private static List<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toList());
  }
}
