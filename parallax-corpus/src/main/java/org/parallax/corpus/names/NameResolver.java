package org.parallax.corpus.names;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves the per-document canonical names of a corpus to one canonical name per referent.
 *
 * <p>"Qassem Soleimani" in one article and "Qasem Soleimani" in another become one name: the full
 * form used by the most documents (then by the most mentions, then alphabetically). A one-word name
 * ("Soleimani") joins the only full name in the corpus that ends with it; with two candidates (two
 * people sharing a surname) it stays apart. Titles ("General", "President") and possessives are
 * ignored. Deterministic: the same uses in any order give the same result.
 */
public final class NameResolver {

  private NameResolver() {}

  /**
   * The corpus-wide canonical name for every distinct (type, name) among {@code uses}.
   *
   * @return an unmodifiable map ordered by type, then name
   */
  public static Map<TypedName, String> resolve(Collection<NameUse> uses) {
    Map<String, Map<String, Weight>> byType = new TreeMap<>();
    for (NameUse use : uses) {
      String display = NameForms.display(use.type(), use.name());
      if (display.isEmpty()) {
        continue;
      }
      byType
          .computeIfAbsent(use.type(), t -> new TreeMap<>())
          .computeIfAbsent(display, d -> new Weight())
          .add(use);
    }
    Map<TypedName, String> result =
        new TreeMap<>(Comparator.comparing(TypedName::type).thenComparing(TypedName::name));
    for (Map.Entry<String, Map<String, Weight>> type : byType.entrySet()) {
      List<NameClusters.Form> forms = new ArrayList<>();
      type.getValue()
          .forEach(
              (display, w) ->
                  forms.add(new NameClusters.Form(display, w.documents.size(), w.mentions)));
      Map<String, String> canonical = NameClusters.canonical(type.getKey(), forms);
      for (NameUse use : uses) {
        if (use.type().equals(type.getKey())) {
          String display = NameForms.display(use.type(), use.name());
          String resolved = canonical.get(display);
          if (resolved != null) {
            result.put(use.typedName(), resolved);
          }
        }
      }
    }
    for (NameUse use : uses) {
      // a name that is all punctuation keeps itself rather than vanishing from the answer
      result.putIfAbsent(use.typedName(), use.name());
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(result));
  }

  /**
   * The canonical name of each mention within one document ({@code name} is the text the mention
   * covers): titles and possessives stripped, short forms linked to the full name they abbreviate,
   * spelling variants merged, the most frequent full form chosen (see {@link NameClusters}). A
   * mention with nothing left after stripping keeps its text.
   *
   * @return the canonical name for every distinct mention among {@code mentions}
   */
  public static Map<TypedName, String> inDocument(Collection<TypedName> mentions) {
    Map<String, Map<String, Long>> countsByType = new TreeMap<>();
    for (TypedName mention : mentions) {
      String display = NameForms.display(mention.type(), mention.name());
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
    Map<TypedName, String> result = new HashMap<>();
    for (TypedName mention : mentions) {
      String display = NameForms.display(mention.type(), mention.name());
      String canonical = canonicalByType.getOrDefault(mention.type(), Map.of()).get(display);
      result.put(mention, canonical != null ? canonical : mention.name());
    }
    return result;
  }

  /** The corpus-wide canonical for one name, or the name itself when it is not among the uses. */
  public static String canonical(Map<TypedName, String> resolved, String type, String name) {
    return resolved.getOrDefault(new TypedName(type, name), name);
  }

  private static final class Weight {
    private final Set<String> documents = new HashSet<>();
    private long mentions;

    void add(NameUse use) {
      documents.add(use.documentId());
      mentions += use.count();
    }
  }
}
