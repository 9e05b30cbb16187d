package org.parallax.nlp.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.parallax.corpus.names.NameResolver;
import org.parallax.corpus.names.TypedName;

/**
 * Fills {@link Entity#canonical} within one document: titles and possessives stripped, short forms
 * ("General Reiner", "Reiner") linked to the full name they abbreviate, spelling variants merged,
 * and the most frequent full form chosen. See {@link NameResolver#inDocument} for the rules.
 */
final class MentionCanonicalizer {

  /** A mention as found: where it is, its type and the text it covers. */
  record Mention(org.parallax.core.model.Span span, String type, String text) {}

  private MentionCanonicalizer() {}

  static List<Entity> canonicalize(List<Mention> mentions) {
    List<TypedName> names = new ArrayList<>(mentions.size());
    for (Mention mention : mentions) {
      names.add(new TypedName(mention.type(), mention.text()));
    }
    Map<TypedName, String> canonical = NameResolver.inDocument(names);
    List<Entity> entities = new ArrayList<>(mentions.size());
    for (int i = 0; i < mentions.size(); i++) {
      Mention mention = mentions.get(i);
      entities.add(new Entity(mention.span(), mention.type(), canonical.get(names.get(i))));
    }
    return List.copyOf(entities);
  }
}
