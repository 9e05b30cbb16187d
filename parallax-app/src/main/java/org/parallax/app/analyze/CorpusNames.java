package org.parallax.app.analyze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.model.Document;
import org.parallax.corpus.names.NameResolver;
import org.parallax.corpus.names.NameUse;
import org.parallax.corpus.names.TypedName;
import org.parallax.index.workspace.Workspace;
import org.parallax.nlp.entities.Entity;

/**
 * Gives every entity one canonical name across the whole workspace, so "Qassem Soleimani" in one
 * outlet and "Qasem Soleimani" in another count as one person in facets, exports and the report.
 */
final class CorpusNames {

  private CorpusNames() {}

  /** Re-resolves names over all documents and rewrites those that change; returns how many. */
  static int apply(Workspace workspace) {
    List<NameUse> uses = new ArrayList<>();
    for (Document document : (Iterable<Document>) workspace.documents()::iterator) {
      Map<TypedName, Integer> counts = new HashMap<>();
      for (Entity entity : document.find(Entity.LAYER).orElse(List.of())) {
        if (entity.canonical() != null) {
          counts.merge(new TypedName(entity.type(), entity.canonical()), 1, Integer::sum);
        }
      }
      counts.forEach(
          (name, count) -> uses.add(new NameUse(document.id(), name.type(), name.name(), count)));
    }
    Map<TypedName, String> resolved = NameResolver.resolve(uses);
    int renamed = 0;
    for (Document document : (Iterable<Document>) workspace.documents()::iterator) {
      List<Entity> entities = document.find(Entity.LAYER).orElse(List.of());
      List<Entity> updated = new ArrayList<>(entities.size());
      boolean changed = false;
      for (Entity entity : entities) {
        String name =
            entity.canonical() == null
                ? null
                : NameResolver.canonical(resolved, entity.type(), entity.canonical());
        if (name != null && !name.equals(entity.canonical())) {
          updated.add(entity.withCanonical(name));
          changed = true;
        } else {
          updated.add(entity);
        }
      }
      if (changed) {
        workspace.put(document.with(Entity.LAYER, List.copyOf(updated)));
        renamed++;
      }
    }
    return renamed;
  }
}
