package org.parallax.app.analyze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.parallax.core.model.Document;
import org.parallax.corpus.names.NameResolver;
import org.parallax.corpus.names.NameUse;
import org.parallax.corpus.names.TypedName;
import org.parallax.index.workspace.Workspace;
import org.parallax.nlp.entities.Entity;
import org.parallax.nlp.quotes.Quote;

/**
 * Gives every entity and every quote speaker one canonical name across the whole workspace, so
 * "Qassem Soleimani" in one outlet and "Qasem Soleimani" in another count as one person, and a
 * quote from "General Reiner" is filed under "Tomas Reiner", in facets, exports and the report.
 */
final class CorpusNames {

  /** The type a speaker gets when no entity of its document carries that name. */
  private static final String SPEAKER_TYPE = "PERSON";

  private CorpusNames() {}

  /** Re-resolves names over all documents and rewrites those that change; returns how many. */
  static int apply(Workspace workspace) {
    List<NameUse> uses = new ArrayList<>();
    for (Document document : (Iterable<Document>) workspace.documents()::iterator) {
      Map<TypedName, Integer> counts = new HashMap<>();
      Map<String, String> types = entityTypes(document);
      for (Entity entity : document.find(Entity.LAYER).orElse(List.of())) {
        if (entity.canonical() != null) {
          counts.merge(new TypedName(entity.type(), entity.canonical()), 1, Integer::sum);
        }
      }
      for (Quote quote : document.find(Quote.LAYER).orElse(List.of())) {
        if (quote.speaker() != null && !types.containsKey(quote.speaker())) {
          counts.merge(new TypedName(SPEAKER_TYPE, quote.speaker()), 1, Integer::sum);
        }
      }
      counts.forEach(
          (name, count) -> uses.add(new NameUse(document.id(), name.type(), name.name(), count)));
    }
    Map<TypedName, String> resolved = NameResolver.resolve(uses);
    // only documents with a name that resolves differently are read again and rewritten
    Set<String> toRewrite = new TreeSet<>();
    for (NameUse use : uses) {
      if (!NameResolver.canonical(resolved, use.type(), use.name()).equals(use.name())) {
        toRewrite.add(use.documentId());
      }
    }
    int renamed = 0;
    for (String id : toRewrite) {
      Document document = workspace.get(id).orElse(null);
      if (document == null) {
        continue;
      }
      Map<String, String> types = entityTypes(document);
      boolean changed = false;
      List<Entity> entities = new ArrayList<>();
      for (Entity entity : document.find(Entity.LAYER).orElse(List.of())) {
        String name =
            entity.canonical() == null
                ? null
                : NameResolver.canonical(resolved, entity.type(), entity.canonical());
        changed |= name != null && !name.equals(entity.canonical());
        entities.add(name == null ? entity : entity.withCanonical(name));
      }
      List<Quote> quotes = new ArrayList<>();
      for (Quote quote : document.find(Quote.LAYER).orElse(List.of())) {
        String speaker = quote.speaker();
        String name =
            speaker == null
                ? null
                : NameResolver.canonical(
                    resolved, types.getOrDefault(speaker, SPEAKER_TYPE), speaker);
        changed |= name != null && !name.equals(speaker);
        quotes.add(
            name == null
                ? quote
                : new Quote(
                    quote.span(),
                    quote.kind(),
                    name,
                    quote.speakerSpan(),
                    quote.cue(),
                    quote.cueSpan()));
      }
      if (changed) {
        Document updated = document.with(Entity.LAYER, List.copyOf(entities));
        if (document.has(Quote.LAYER)) {
          updated = updated.with(Quote.LAYER, List.copyOf(quotes));
        }
        workspace.put(updated);
        renamed++;
      }
    }
    return renamed;
  }

  /** The type of each canonical entity name of {@code document}. */
  private static Map<String, String> entityTypes(Document document) {
    Map<String, String> types = new HashMap<>();
    for (Entity entity : document.find(Entity.LAYER).orElse(List.of())) {
      if (entity.canonical() != null) {
        types.putIfAbsent(entity.canonical(), entity.type());
      }
    }
    return types;
  }
}
