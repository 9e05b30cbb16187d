package org.parallax.app.analyze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.parallax.core.json.Json;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Span;
import org.parallax.corpus.names.NameResolver;
import org.parallax.corpus.names.NameUse;
import org.parallax.corpus.names.ScriptNameFinder;
import org.parallax.corpus.names.TypedName;
import org.parallax.index.workspace.Workspace;
import org.parallax.nlp.entities.Entity;
import org.parallax.nlp.quotes.Quote;
import org.parallax.nlp.segment.Paragraph;
import org.parallax.nlp.segment.Scripts;

/**
 * Gives every entity and every quote speaker one canonical name across the whole workspace, so
 * "Qassem Soleimani" in one outlet and "Qasem Soleimani" in another count as one person, and a
 * quote from "General Reiner" is filed under "Tomas Reiner", in facets, exports and the report.
 *
 * <p>It also finds names in the paragraphs no NER model read (Cyrillic, Greek, Arabic and other
 * scripts): there, the names that the models found in the rest of the corpus are looked up by their
 * script-insensitive keys ({@link ScriptNameFinder}), so a Russian report names "Qasem Soleimani"
 * when an English or French one did. Those mentions are made again on every run, from the names the
 * corpus knows then, and a diagnostic on the document says how they were found.
 */
final class CorpusNames {

  /** The type a speaker gets when no entity of its document carries that name. */
  private static final String SPEAKER_TYPE = "PERSON";

  private CorpusNames() {}

  /** The stage name on the diagnostics of names looked up in unread scripts. */
  static final String STAGE = "names";

  /** The workspace result that remembers which names the last lookup knew. */
  static final String LOOKUP_RESULT = "nameLookup";

  /**
   * Re-resolves names over all documents, looks up known names in the paragraphs no model read, and
   * rewrites the documents that change; returns how many.
   */
  static int apply(Workspace workspace) {
    List<NameUse> uses = new ArrayList<>();
    // per document, its entities' (type, name within the document, name stored now) and its
    // speakers named by no entity (type, name, name)
    Map<String, Set<List<String>>> stored = new HashMap<>();
    Map<TypedName, Set<String>> modelNames = new HashMap<>();
    Set<String> unread = new TreeSet<>();
    Set<String> lookedUp = new HashSet<>();
    for (Document document : (Iterable<Document>) workspace.documents()::iterator) {
      Map<TypedName, Integer> counts = new HashMap<>();
      Map<String, String> types = entityTypes(document);
      List<Span> unreadParagraphs = unreadParagraphs(document);
      if (!unreadParagraphs.isEmpty()) {
        unread.add(document.id());
        if (document.find(Diagnostic.LAYER).orElse(List.of()).stream()
            .anyMatch(d -> STAGE.equals(d.stage()))) {
          lookedUp.add(document.id());
        }
      }
      List<Entity> entities = document.find(Entity.LAYER).orElse(List.of());
      List<TypedName> local = documentNames(document, unreadParagraphs);
      for (int i = 0; i < entities.size(); i++) {
        TypedName name = local.get(i);
        if (name != null) {
          counts.merge(name, 1, Integer::sum);
          modelNames.computeIfAbsent(name, k -> new HashSet<>()).add(document.id());
          stored
              .computeIfAbsent(document.id(), k -> new HashSet<>())
              .add(List.of(name.type(), name.name(), entities.get(i).canonical()));
        }
      }
      for (Quote quote : document.find(Quote.LAYER).orElse(List.of())) {
        if (quote.speaker() != null && !types.containsKey(quote.speaker())) {
          counts.merge(new TypedName(SPEAKER_TYPE, quote.speaker()), 1, Integer::sum);
          stored
              .computeIfAbsent(document.id(), k -> new HashSet<>())
              .add(List.of(SPEAKER_TYPE, quote.speaker(), quote.speaker()));
        }
      }
      counts.forEach(
          (name, count) -> uses.add(new NameUse(document.id(), name.type(), name.name(), count)));
    }
    Map<TypedName, String> resolved = NameResolver.resolve(uses);
    Map<TypedName, Long> known = knownNames(modelNames, resolved);
    // unread paragraphs are looked up again when the known names changed since the last run, else
    // only in documents not looked up yet
    String fingerprint = fingerprint(known);
    boolean sameNames =
        workspace
            .corpusResult(LOOKUP_RESULT)
            .map(r -> fingerprint.equals(r.path("knownNames").asText()))
            .orElse(false);
    // only documents with a name that resolves differently, or with unread paragraphs to look up,
    // are read again and rewritten when they change
    Set<String> toRewrite = new TreeSet<>(unread);
    if (sameNames) {
      toRewrite.removeAll(lookedUp);
    }
    stored.forEach(
        (id, names) -> {
          for (List<String> name : names) {
            if (!NameResolver.canonical(resolved, name.get(0), name.get(1)).equals(name.get(2))) {
              toRewrite.add(id);
              break;
            }
          }
        });
    // built only when needed: its transliterator takes a moment to load
    ScriptNameFinder finder =
        toRewrite.stream().anyMatch(unread::contains) ? new ScriptNameFinder(known) : null;
    int renamed = 0;
    for (String id : toRewrite) {
      Document document = workspace.get(id).orElse(null);
      if (document == null) {
        continue;
      }
      Document updated = rewritten(document, resolved, finder);
      if (updated != document) {
        workspace.put(updated);
        renamed++;
      }
    }
    workspace.putCorpusResult(
        LOOKUP_RESULT, Json.MAPPER.createObjectNode().put("knownNames", fingerprint));
    return renamed;
  }

  /** A digest of the known names and their document counts, sorted. */
  private static String fingerprint(Map<TypedName, Long> known) {
    List<String> lines = new ArrayList<>();
    known.forEach(
        (name, documents) -> lines.add(name.type() + "\t" + name.name() + "\t" + documents));
    java.util.Collections.sort(lines);
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        digest.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  /** The known names by the resolved name, with the number of documents whose model found them. */
  private static Map<TypedName, Long> knownNames(
      Map<TypedName, Set<String>> modelNames, Map<TypedName, String> resolved) {
    Map<TypedName, Set<String>> documents = new HashMap<>();
    modelNames.forEach(
        (name, ids) ->
            documents
                .computeIfAbsent(
                    new TypedName(
                        name.type(), NameResolver.canonical(resolved, name.type(), name.name())),
                    k -> new HashSet<>())
                .addAll(ids));
    Map<TypedName, Long> counts = new HashMap<>();
    documents.forEach((name, ids) -> counts.put(name, (long) ids.size()));
    return counts;
  }

  /**
   * The name each entity of {@code document} has within the document alone, made again from the
   * text its mention covers as the entities stage made it (null for an entity without a name or in
   * a paragraph no model read). The corpus resolves these rather than the names stored, which an
   * earlier run may have replaced: a choice made then can change when later documents bring better
   * evidence ("Elisabeth Borne" once resolved to a Polish "Francji Elisabeth Borne" is not stuck
   * with it).
   */
  private static List<TypedName> documentNames(Document document, List<Span> unreadParagraphs) {
    List<Entity> entities = document.find(Entity.LAYER).orElse(List.of());
    List<TypedName> mentions = new ArrayList<>(entities.size());
    for (Entity entity : entities) {
      mentions.add(
          entity.canonical() == null || inside(entity.span(), unreadParagraphs)
              ? null
              : new TypedName(entity.type(), entity.span().of(document.text())));
    }
    Map<TypedName, String> canonical =
        NameResolver.inDocument(mentions.stream().filter(m -> m != null).toList());
    List<TypedName> result = new ArrayList<>(entities.size());
    for (TypedName mention : mentions) {
      result.add(mention == null ? null : new TypedName(mention.type(), canonical.get(mention)));
    }
    return result;
  }

  /** The document with its names resolved and looked up; the same object when nothing changes. */
  private static Document rewritten(
      Document document, Map<TypedName, String> resolved, ScriptNameFinder finder) {
    Map<String, String> types = entityTypes(document);
    List<Span> unreadParagraphs = unreadParagraphs(document);
    List<Entity> entities = new ArrayList<>();
    List<Entity> before = document.find(Entity.LAYER).orElse(List.of());
    List<TypedName> local = documentNames(document, unreadParagraphs);
    for (int i = 0; i < before.size(); i++) {
      Entity entity = before.get(i);
      if (inside(entity.span(), unreadParagraphs)) {
        continue; // looked up again below, from the names the corpus knows now
      }
      TypedName name = local.get(i);
      entities.add(
          name == null
              ? entity
              : entity.withCanonical(NameResolver.canonical(resolved, name.type(), name.name())));
    }
    int found = 0;
    if (finder != null && !finder.isEmpty()) {
      for (Span paragraph : unreadParagraphs) {
        for (ScriptNameFinder.Match match :
            finder.find(document.text(), paragraph.begin(), paragraph.end())) {
          entities.add(
              new Entity(new Span(match.begin(), match.end()), match.type(), match.name()));
          found++;
        }
      }
      entities.sort(Comparator.comparing(Entity::span));
    }
    Document updated = document;
    if ((document.has(Entity.LAYER) || found > 0)
        && !entities.equals(document.find(Entity.LAYER).orElse(null))) {
      updated = updated.with(Entity.LAYER, List.copyOf(entities));
    }
    if (!unreadParagraphs.isEmpty()) {
      List<Diagnostic> diagnostics = withLookupDiagnostic(document, unreadParagraphs.size(), found);
      if (!diagnostics.equals(document.find(Diagnostic.LAYER).orElse(null))) {
        updated = updated.with(Diagnostic.LAYER, diagnostics);
      }
    }
    if (document.has(Quote.LAYER)) {
      List<Quote> quotes = new ArrayList<>();
      for (Quote quote : document.get(Quote.LAYER)) {
        String speaker = quote.speaker();
        String name =
            speaker == null
                ? null
                : NameResolver.canonical(
                    resolved, types.getOrDefault(speaker, SPEAKER_TYPE), speaker);
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
      if (!quotes.equals(document.get(Quote.LAYER))) {
        updated = updated.with(Quote.LAYER, List.copyOf(quotes));
      }
    }
    return updated;
  }

  /** The document's diagnostics with this stage's note on unread paragraphs put in anew. */
  private static List<Diagnostic> withLookupDiagnostic(
      Document document, int paragraphs, int found) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Diagnostic diagnostic : document.find(Diagnostic.LAYER).orElse(List.of())) {
      if (!STAGE.equals(diagnostic.stage())) {
        diagnostics.add(diagnostic);
      }
    }
    diagnostics.add(
        new Diagnostic(
            STAGE,
            found
                + " name mention(s) in "
                + paragraphs
                + " paragraph(s) that no entity model reads were found by looking up the names"
                + " that the models found in the corpus's other documents (by their"
                + " script-insensitive keys); names the corpus does not know elsewhere are not"
                + " found there"));
    return List.copyOf(diagnostics);
  }

  /**
   * The paragraphs of {@code document} that the entities stage did not read: those not in Latin
   * script, when the stage ran at all.
   */
  static List<Span> unreadParagraphs(Document document) {
    if (!document.has(Entity.LAYER)) {
      return List.of();
    }
    List<Span> unread = new ArrayList<>();
    String text = document.text();
    for (Paragraph paragraph : document.find(Paragraph.LAYER).orElse(List.of())) {
      Span span = paragraph.span();
      if (!Scripts.latin(Scripts.dominant(text, span.begin(), span.end()))) {
        unread.add(span);
      }
    }
    return unread;
  }

  private static boolean inside(Span span, List<Span> paragraphs) {
    for (Span paragraph : paragraphs) {
      if (paragraph.contains(span)) {
        return true;
      }
    }
    return false;
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
