package org.parallax.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parallax.core.model.Document;
import org.parallax.core.model.Outcome;

/**
 * The report of a workspace as a set of pages addressed by their paths in the report folder ({@code
 * index.html}, {@code articles/<file>.html}, {@code stories/<file>.html}, {@code
 * outlets/<file>.html}, {@code duplicates.html}, {@code talking-points.html}): what {@link
 * ReportWriter} writes to disk and what {@code parallax serve} sends, from the same renderers.
 *
 * <p>Made by reading the documents once: each article leaves a short summary for the overview and
 * the corpus pages (and the words of each duplicate group's original, which the diffs are drawn
 * over); the article pages themselves are handed to a sink as they are made, or not made at all,
 * for a server that renders them on request.
 */
public final class ReportSite {

  /** Receives each article page as it is made. */
  @FunctionalInterface
  interface ArticleSink {
    void accept(String path, String page) throws IOException;
  }

  private static final String STYLESHEET = "report.css";

  private final String css;
  private final CorpusIndex corpus;
  private final String index;
  private final Map<String, String> pathById;
  private final Map<String, String> idByPath;
  private final Map<String, ArticleRef> refs;
  private final Map<String, DuplicatesPage.OriginalText> originals;
  private Map<String, List<ArticleRef>> byOutlet;

  private ReportSite(
      String css,
      CorpusIndex corpus,
      String index,
      Map<String, String> pathById,
      Map<String, ArticleRef> refs,
      Map<String, DuplicatesPage.OriginalText> originals) {
    this.css = css;
    this.corpus = corpus;
    this.index = index;
    this.pathById = pathById;
    this.refs = refs;
    this.originals = originals;
    Map<String, String> byPath = new HashMap<>();
    pathById.forEach((id, path) -> byPath.put(path, id));
    this.idByPath = byPath;
  }

  /**
   * The site of {@code documents} with the stored corpus results, article pages left to {@link
   * #articlePage}: for a server.
   */
  public static ReportSite of(
      Iterable<Document> documents, List<Outcome.Failed> failures, CorpusResults corpus) {
    try {
      return scan(documents, failures, corpus, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // no sink, nothing written
    }
  }

  /**
   * Reads {@code documents} once, handing each article page to {@code sink} when there is one; an
   * article that cannot be rendered is listed as a failed input with stage {@code report}.
   */
  static ReportSite scan(
      Iterable<Document> documents,
      List<Outcome.Failed> failures,
      CorpusResults corpus,
      ArticleSink sink)
      throws IOException {
    String css = stylesheet();
    CorpusIndex corpusIndex = new CorpusIndex(corpus);
    Overview overview = new Overview(failures == null ? List.of() : failures, corpusIndex);
    Map<String, ArticleRef> refs = new HashMap<>();
    Map<String, DuplicatesPage.OriginalText> originals = new HashMap<>();
    Map<String, String> pathById = new LinkedHashMap<>();
    Set<String> usedNames = new HashSet<>();
    for (Document document : documents) {
      String path = "articles/" + ReportWriter.fileName(document.id(), usedNames);
      ArticleView view;
      try {
        view = ArticleView.of(document);
        if (sink != null) {
          sink.accept(path, ArticlePage.render(view, css, corpusIndex));
        }
      } catch (RuntimeException e) {
        overview.failed(
            new Outcome.Failed(
                document.source().inputId(),
                document.source().origin(),
                "report",
                "could not render the article page: " + e.getMessage()));
        continue;
      }
      overview.add(view, path);
      String id = document.id();
      pathById.putIfAbsent(id, path);
      refs.putIfAbsent(id, ArticleRef.of(view, path, corpusIndex.storyOf(id) != null));
      if (corpusIndex.isOriginal(id)) {
        originals.putIfAbsent(id, DuplicatesPage.OriginalText.of(document.text()));
      }
    }
    StringWriter index = new StringWriter();
    overview.write(index, css);
    return new ReportSite(css, corpusIndex, index.toString(), pathById, refs, originals);
  }

  /** The overview page, {@code index.html}. */
  public String index() {
    return index;
  }

  /** The path of a document's article page, when the site has one. */
  public Optional<String> articlePath(String documentId) {
    return Optional.ofNullable(pathById.get(documentId));
  }

  /** The document whose article page is at {@code path}, when there is one. */
  public Optional<String> documentAt(String path) {
    return Optional.ofNullable(idByPath.get(path));
  }

  /** The article page of {@code document} (one of the site's documents, read again). */
  public String articlePage(Document document) {
    return ArticlePage.render(ArticleView.of(document), css, corpus);
  }

  /**
   * A search result page: {@code hits} are document ids with title and outlet; {@code facets} gives
   * per dimension the values among the matches, each with the link that narrows the search to it;
   * {@code filters} the filters in force, each with the link that drops it.
   */
  public String searchPage(
      String query,
      List<Facet> filters,
      int total,
      List<SearchHit> hits,
      String error,
      Map<String, List<Facet>> facets) {
    List<SearchPage.Hit> pageHits = new ArrayList<>();
    for (SearchHit hit : hits) {
      // the report's title: the metadata's, else the one the article page shows
      ArticleRef ref = refs.get(hit.id());
      String title = ref != null ? ref.title() : hit.title();
      pageHits.add(
          new SearchPage.Hit(
              hit.id(), title, hit.outlet(), pathById.get(hit.id()), hit.passages()));
    }
    List<SearchPage.ActiveFilter> active = new ArrayList<>();
    for (Facet filter : filters) {
      active.add(new SearchPage.ActiveFilter(filter.dimension(), filter.value(), filter.href()));
    }
    Map<String, List<SearchPage.FacetValue>> values = new LinkedHashMap<>();
    facets.forEach(
        (dimension, list) ->
            values.put(
                dimension,
                list.stream()
                    .map(f -> new SearchPage.FacetValue(f.value(), f.count(), f.href()))
                    .toList()));
    return SearchPage.render(
        query == null ? "" : query, active, total, pageHits, error, values, corpus, css);
  }

  /** A search hit: the document, its title and outlet, and where the query matches its text. */
  public record SearchHit(
      String id,
      String title,
      String outlet,
      List<org.parallax.index.workspace.Passage> passages) {}

  /** A facet value or a filter in force, with its count and the link it leads to. */
  public record Facet(String dimension, String value, long count, String href) {}

  /** The paths of the corpus pages, in the order the report lists them. */
  public List<String> corpusPaths() {
    List<String> paths = new ArrayList<>();
    for (JsonNode story : corpus.stories()) {
      String name = corpus.storyPage(CorpusIndex.text(story, "id"));
      if (name != null) {
        paths.add("stories/" + name);
      }
    }
    for (JsonNode profile : corpus.profiles()) {
      String outlet = CorpusIndex.text(profile, "outlet");
      String name = corpus.outletPage(outlet);
      if (name != null && corpus.profileOf(outlet) == profile) {
        paths.add("outlets/" + name);
      }
    }
    if (corpus.hasDuplicates()) {
      paths.add("duplicates.html");
    }
    if (corpus.hasTalkingPoints()) {
      paths.add("talking-points.html");
    }
    return Collections.unmodifiableList(paths);
  }

  /**
   * The corpus page at {@code path} (one of {@link #corpusPaths}), rendered now; empty for any
   * other path.
   */
  public Optional<String> corpusPage(String path) {
    if (path.equals("duplicates.html") && corpus.hasDuplicates()) {
      return Optional.of(DuplicatesPage.render(corpus, refs, originals, css));
    }
    if (path.equals("talking-points.html") && corpus.hasTalkingPoints()) {
      return Optional.of(TalkingPointsPage.render(corpus, refs, css));
    }
    if (path.startsWith("stories/")) {
      for (JsonNode story : corpus.stories()) {
        String name = corpus.storyPage(CorpusIndex.text(story, "id"));
        if (name != null && path.equals("stories/" + name)) {
          return Optional.of(StoryPage.render(story, refs, corpus, css));
        }
      }
    }
    if (path.startsWith("outlets/")) {
      for (JsonNode profile : corpus.profiles()) {
        String outlet = CorpusIndex.text(profile, "outlet");
        String name = corpus.outletPage(outlet);
        if (name != null && corpus.profileOf(outlet) == profile && path.equals("outlets/" + name)) {
          return Optional.of(OutletPage.render(profile, articlesOf(outlet), corpus, css));
        }
      }
    }
    return Optional.empty();
  }

  /** The articles of one outlet, oldest first (undated last), then by title. */
  private synchronized List<ArticleRef> articlesOf(String outlet) {
    if (byOutlet == null) {
      List<ArticleRef> sorted = new ArrayList<>(refs.values());
      sorted.sort(
          Comparator.comparing(
                  ArticleRef::published, Comparator.nullsLast(Comparator.naturalOrder()))
              .thenComparing(ArticleRef::title));
      byOutlet = new HashMap<>();
      for (ArticleRef ref : sorted) {
        byOutlet.computeIfAbsent(ref.outlet(), k -> new ArrayList<>()).add(ref);
      }
    }
    return byOutlet.getOrDefault(outlet, List.of());
  }

  private static String stylesheet() throws IOException {
    try (InputStream in = ReportSite.class.getResourceAsStream(STYLESHEET)) {
      if (in == null) {
        throw new IllegalStateException("the report stylesheet is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
