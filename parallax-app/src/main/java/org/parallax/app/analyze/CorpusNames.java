package org.parallax.app.analyze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.model.Document;
import org.parallax.corpus.names.NameResolver;
import org.parallax.corpus.names.NameUse;
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
    for (Document document : workspace.documents()) {
      Map<String, Integer> counts = new HashMap<>();
      Map<String, String> types = new HashMap<>();
      for (Entity entity : document.find(Entity.LAYER).orElse(List.of())) {
        if (entity.canonical() != null) {
          counts.merge(entity.canonical(), 1, Integer::sum);
          types.putIfAbsent(entity.canonical(), entity.type());
        }
      }
      counts.forEach(
          (name, count) -> uses.add(new NameUse(document.id(), types.get(name), name, count)));
    }
    Map<String, String> resolved = NameResolver.resolve(uses);
    int renamed = 0;
    for (Document document : workspace.documents()) {
      List<Entity> entities = document.find(Entity.LAYER).orElse(List.of());
      List<Entity> updated = new ArrayList<>(entities.size());
      boolean changed = false;
      for (Entity entity : entities) {
        String name = entity.canonical() == null ? null : resolved.get(entity.canonical());
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
