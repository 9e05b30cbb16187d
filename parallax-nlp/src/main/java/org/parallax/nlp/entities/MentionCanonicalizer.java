package org.parallax.nlp.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parallax.corpus.names.NameClusters;
import org.parallax.corpus.names.NameForms;

/**
 * Fills {@link Entity#canonical} within one document: titles and possessives stripped, short forms
 * ("General Reiner", "Reiner") linked to the full name they abbreviate, spelling variants merged,
 * and the most frequent full form chosen. See {@link NameClusters} for the rules.
 */
final class MentionCanonicalizer {

  /** A mention as found: where it is, its type and the text it covers. */
  record Mention(org.parallax.core.model.Span span, String type, String text) {}

  private MentionCanonicalizer() {}

  static List<Entity> canonicalize(List<Mention> mentions) {
    Map<String, Map<String, Long>> countsByType = new TreeMap<>();
    List<String> displays = new ArrayList<>(mentions.size());
    for (Mention mention : mentions) {
      String display = NameForms.display(mention.type(), mention.text());
      displays.add(display);
      if (!display.isEmpty()) {
        countsByType
            .computeIfAbsent(mention.type(), t -> new TreeMap<>())
            .merge(display, 1L, Long::sum);
      }
    }
    Map<String, Map<String, String>> canonicalByType = new HashMap<>();
    countsByType.forEach(
        (type, counts) -> {
          List<NameClusters.Form> forms = new ArrayList<>();
          counts.forEach(
              (display, count) -> forms.add(new NameClusters.Form(display, count, count)));
          canonicalByType.put(type, NameClusters.canonical(type, forms));
        });
    List<Entity> entities = new ArrayList<>(mentions.size());
    for (int i = 0; i < mentions.size(); i++) {
      Mention mention = mentions.get(i);
      String canonical =
          canonicalByType.getOrDefault(mention.type(), Map.of()).get(displays.get(i));
      entities.add(
          new Entity(
              mention.span(), mention.type(), canonical != null ? canonical : mention.text()));
    }
    return List.copyOf(entities);
  }
}
