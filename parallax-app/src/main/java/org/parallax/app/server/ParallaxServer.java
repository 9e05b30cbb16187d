package org.parallax.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parallax.app.analyze.CorpusStages;
import org.parallax.app.report.CorpusResults;
import org.parallax.app.report.ReportSite;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.core.model.Outcome;
import org.parallax.index.export.Exporter;
import org.parallax.index.workspace.ArticleSummary;
import org.parallax.index.workspace.Count;
import org.parallax.index.workspace.Hit;
import org.parallax.index.workspace.Passage;
import org.parallax.index.workspace.Workspace;

/**
 * The web UI and REST API on one open workspace (see docs/SERVE.md for the endpoints). The corpus
 * overview, the corpus pages and the export's per-document corpus fields are read once when the
 * server starts; article pages and API records are made from the stored documents on each request.
 */
public final class ParallaxServer implements AutoCloseable {

  /** Largest number of hits or records one request returns. */
  static final int MAX_LIMIT = 1000;

  private static final int DEFAULT_LIMIT = 50;
  private static final int FACET_VALUES = 15;

  /** The corpus results the API serves, by the name in its path. */
  private static final List<String> CORPUS_RECORDS =
      List.of("stories", "duplicates", "talking-points", "recurring-quotes", "outlets");

  private final Workspace workspace;
  private final ReportSite site;
  private final Exporter exporter;
  private final Map<String, Map<String, String>> corpusFields;
  private final Javalin app;

  private ParallaxServer(Workspace workspace) {
    this.workspace = workspace;
    this.site =
        ReportSite.of(
            workspace.documents()::iterator,
            workspace.failures(),
            CorpusResults.of(workspace::corpusResult));
    this.corpusFields = CorpusStages.documentFields(workspace);
    this.exporter =
        Exporter.standard()
            .withCorpusFields(
                CorpusStages.DOCUMENT_FIELDS, id -> corpusFields.getOrDefault(id, Map.of()));
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.routes.before(ParallaxServer::securityHeaders);
              config.routes.get("/", ctx -> ctx.redirect("/index.html"));
              config.routes.get("/index.html", ctx -> html(ctx, site.index()));
              config.routes.get("/search", this::searchPage);
              config.routes.get("/articles/{file}", this::articlePage);
              config.routes.get("/stories/{file}", ctx -> corpusPage(ctx, "stories/"));
              config.routes.get("/outlets/{file}", ctx -> corpusPage(ctx, "outlets/"));
              config.routes.get("/duplicates.html", ctx -> corpusPage(ctx, ""));
              config.routes.get("/talking-points.html", ctx -> corpusPage(ctx, ""));
              config.routes.get("/api", this::apiIndex);
              config.routes.get("/api/summary", this::summary);
              config.routes.get("/api/search", this::search);
              config.routes.get("/api/facets", this::facets);
              config.routes.get("/api/documents", this::documents);
              config.routes.get("/api/documents/{id}", this::document);
              config.routes.get("/api/failures", this::failures);
              for (String name : CORPUS_RECORDS) {
                config.routes.get("/api/" + name, ctx -> corpusRecords(ctx, name, null));
                config.routes.get(
                    "/api/" + name + "/{key}",
                    ctx -> corpusRecords(ctx, name, ctx.pathParam("key")));
              }
              config.routes.exception(
                  IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, e.getMessage()));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> problem(ctx, 500, "the server could not answer: " + e));
            });
  }

  /**
   * Reads the workspace's overview and starts serving on {@code host}:{@code port} (0: a free
   * port). The workspace stays open, and owned by the caller, until {@link #close}.
   */
  public static ParallaxServer start(Workspace workspace, String host, int port) {
    ParallaxServer server = new ParallaxServer(workspace);
    server.app.start(host, port);
    return server;
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cache-Control", "no-store");
  }

  private static void html(Context ctx, String page) {
    ctx.contentType("text/html; charset=utf-8").result(withSearchBox(page));
  }

  /** Puts a search box at the start of a page's top bar; pages are the report's own. */
  static String withSearchBox(String page) {
    String bar = "<nav class=\"topbar\">";
    int at = page.indexOf(bar);
    if (at < 0) {
      return page;
    }
    String form =
        "<form action=\"/search\" method=\"get\" style=\"display:inline\">"
            + "<input type=\"search\" name=\"q\" placeholder=\"Search the articles\" size=\"24\">"
            + "</form> ";
    return page.substring(0, at + bar.length()) + form + page.substring(at + bar.length());
  }

  private void articlePage(Context ctx) {
    String path = "articles/" + ctx.pathParam("file");
    Optional<Document> document = site.documentAt(path).flatMap(workspace::get);
    if (document.isEmpty()) {
      notFoundPage(ctx, "no article page " + path);
      return;
    }
    html(ctx, site.articlePage(document.get()));
  }

  private void corpusPage(Context ctx, String folder) {
    String path = folder.isEmpty() ? ctx.path().substring(1) : folder + ctx.pathParam("file");
    Optional<String> page = site.corpusPage(path);
    if (page.isEmpty()) {
      notFoundPage(ctx, "no page " + path + " in this workspace's report");
      return;
    }
    html(ctx, page.get());
  }

  private static void notFoundPage(Context ctx, String message) {
    ctx.status(404)
        .contentType("text/plain; charset=utf-8")
        .result(message + "; start from /index.html");
  }

  /** The query of a search request and its filters, from the query string. */
  private record SearchRequest(String query, List<Workspace.Filter> filters) {

    static SearchRequest of(Context ctx) {
      String query = ctx.queryParam("q");
      List<Workspace.Filter> filters = new ArrayList<>();
      for (String dimension : Workspace.FACET_DIMENSIONS) {
        for (String value : ctx.queryParams(dimension)) {
          if (!value.isBlank()) {
            filters.add(new Workspace.Filter(dimension, value));
          }
        }
      }
      return new SearchRequest(query == null ? "" : query.strip(), List.copyOf(filters));
    }

    boolean isEmpty() {
      return query.isEmpty() && filters.isEmpty();
    }

    /** The search page for this request with {@code change} applied to its filters. */
    String href(List<Workspace.Filter> changed) {
      StringBuilder href = new StringBuilder("/search?q=").append(encode(query));
      for (Workspace.Filter filter : changed) {
        href.append('&').append(filter.dimension()).append('=').append(encode(filter.value()));
      }
      return href.toString();
    }
  }

  private void searchPage(Context ctx) {
    SearchRequest request = SearchRequest.of(ctx);
    List<ReportSite.SearchHit> hits = new ArrayList<>();
    int total = 0;
    String error = null;
    Map<String, List<Count>> facets;
    try {
      if (!request.isEmpty()) {
        for (Hit hit : workspace.search(request.query(), request.filters(), limit(ctx))) {
          hits.add(
              new ReportSite.SearchHit(
                  hit.id(), hit.title(), hit.outlet(), passages(request.query(), hit.id(), 2)));
        }
        total = workspace.count(request.query(), request.filters());
      }
      facets = workspace.facets(request.query(), request.filters(), FACET_VALUES);
    } catch (IllegalArgumentException e) {
      error = e.getMessage();
      facets = workspace.facets(FACET_VALUES);
    }
    List<ReportSite.Facet> active = new ArrayList<>();
    for (Workspace.Filter filter : request.filters()) {
      List<Workspace.Filter> without = new ArrayList<>(request.filters());
      without.remove(filter);
      active.add(
          new ReportSite.Facet(filter.dimension(), filter.value(), 0, request.href(without)));
    }
    Map<String, List<ReportSite.Facet>> values = new LinkedHashMap<>();
    facets.forEach(
        (dimension, counts) -> {
          List<ReportSite.Facet> list = new ArrayList<>();
          for (Count count : counts) {
            Workspace.Filter filter = new Workspace.Filter(dimension, count.value());
            List<Workspace.Filter> with = new ArrayList<>(request.filters());
            String href = null;
            if (!with.contains(filter)) {
              with.add(filter);
              href = request.href(with);
            }
            list.add(new ReportSite.Facet(dimension, count.value(), count.count(), href));
          }
          values.put(dimension, list);
        });
    String page = site.searchPage(request.query(), active, total, hits, error, values);
    if (error != null) {
      ctx.status(400);
    }
    html(ctx, page);
  }

  // ---------------------------------------------------------------- REST API

  private void apiIndex(Context ctx) {
    ObjectNode index = Json.MAPPER.createObjectNode();
    index.put("summary", "/api/summary");
    index.put("search", "/api/search?q=QUERY[&outlet=..&language=..&entity=..&published=yyyy-MM]");
    index.put("facets", "/api/facets[?q=QUERY&FILTERS]");
    index.put("documents", "/api/documents[?offset=0&limit=50]");
    index.put("document", "/api/documents/{id}");
    index.put("failures", "/api/failures");
    for (String name : CORPUS_RECORDS) {
      index.put(name, "/api/" + name + (name.equals("outlets") ? "[/{outlet}]" : "[/{id}]"));
    }
    json(ctx, index);
  }

  private void summary(Context ctx) {
    ObjectNode summary = Json.MAPPER.createObjectNode();
    summary.put("workspace", workspace.directory().toAbsolutePath().toString());
    summary.put("documents", workspace.size());
    summary.put("failures", workspace.failures().size());
    ObjectNode results = summary.putObject("corpusResults");
    for (String name : CORPUS_RECORDS) {
      try {
        results.put(name, CorpusStages.records(workspace, name).size());
      } catch (IllegalStateException e) {
        results.putNull(name);
      }
    }
    summary.set("facets", facetsNode(workspace.facets(FACET_VALUES)));
    json(ctx, summary);
  }

  private void search(Context ctx) {
    SearchRequest request = SearchRequest.of(ctx);
    if (request.isEmpty()) {
      throw new IllegalArgumentException(
          "give a query (q=...) or a filter ("
              + String.join(", ", Workspace.FACET_DIMENSIONS)
              + ")");
    }
    ObjectNode answer = Json.MAPPER.createObjectNode();
    answer.put("query", request.query());
    ObjectNode filters = answer.putObject("filters");
    request.filters().forEach(f -> filters.put(f.dimension(), f.value()));
    answer.put("total", workspace.count(request.query(), request.filters()));
    ArrayNode hits = answer.putArray("hits");
    for (Hit hit : workspace.search(request.query(), request.filters(), limit(ctx))) {
      ObjectNode node = hits.addObject();
      node.put("id", hit.id());
      node.put("title", hit.title());
      node.put("outlet", hit.outlet());
      node.put("score", hit.score());
      node.put("page", site.articlePath(hit.id()).map(p -> "/" + p).orElse(null));
      ArrayNode passages = node.putArray("passages");
      for (Passage passage : passages(request.query(), hit.id(), 2)) {
        ObjectNode item = passages.addObject().put("text", passage.text());
        ArrayNode matches = item.putArray("matches");
        passage.matches().forEach(m -> matches.addArray().add(m[0]).add(m[1]));
      }
      node.put("record", "/api/documents/" + encode(hit.id()));
    }
    json(ctx, answer);
  }

  /** Where {@code query} matches the text of document {@code id}; none without a query. */
  private List<Passage> passages(String query, String id, int count) {
    if (query.isEmpty()) {
      return List.of();
    }
    return workspace.text(id).map(text -> workspace.passages(query, text, count)).orElse(List.of());
  }

  private void facets(Context ctx) {
    SearchRequest request = SearchRequest.of(ctx);
    json(ctx, facetsNode(workspace.facets(request.query(), request.filters(), FACET_VALUES)));
  }

  private static ObjectNode facetsNode(Map<String, List<Count>> facets) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    facets.forEach(
        (dimension, counts) -> {
          ArrayNode list = node.putArray(dimension);
          counts.forEach(c -> list.addObject().put("value", c.value()).put("count", c.count()));
        });
    return node;
  }

  private void documents(Context ctx) {
    int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE - MAX_LIMIT);
    ObjectNode answer = Json.MAPPER.createObjectNode();
    answer.put("total", workspace.size());
    answer.put("offset", offset);
    ArrayNode list = answer.putArray("documents");
    for (ArticleSummary summary : workspace.summaries(offset, limit(ctx))) {
      Map<String, String> fields = corpusFields.getOrDefault(summary.id(), Map.of());
      list.addObject()
          .put("id", summary.id())
          .put("inputId", summary.inputId())
          .put("url", summary.url())
          .put("outlet", summary.outlet())
          .put("title", summary.title())
          .put("published", summary.published())
          .put("language", summary.language())
          .put("story", fields.get("story"))
          .put("duplicateGroup", fields.get("duplicateGroup"))
          .put("record", "/api/documents/" + encode(summary.id()));
    }
    json(ctx, answer);
  }

  private void document(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Document> document = workspace.get(id);
    if (document.isEmpty()) {
      problem(ctx, 404, "no document " + id + " in this workspace");
      return;
    }
    json(ctx, exporter.record(document.get()));
  }

  private void failures(Context ctx) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (Outcome.Failed failed : workspace.failures()) {
      list.addObject()
          .put("inputId", failed.inputId())
          .put("origin", failed.origin())
          .put("stage", failed.stage())
          .put("reason", failed.reason());
    }
    json(ctx, list);
  }

  private void corpusRecords(Context ctx, String name, String key) {
    List<JsonNode> records;
    try {
      records = CorpusStages.records(workspace, name);
    } catch (IllegalStateException e) {
      problem(ctx, 404, e.getMessage());
      return;
    }
    if (key == null) {
      ArrayNode list = Json.MAPPER.createArrayNode();
      records.forEach(list::add);
      json(ctx, list);
      return;
    }
    String field = name.equals("outlets") ? "outlet" : "id";
    for (JsonNode record : records) {
      if (key.equals(record.path(field).asText(null))) {
        json(ctx, record);
        return;
      }
    }
    problem(ctx, 404, "no " + name + " record with " + field + " " + key);
  }

  private static int limit(Context ctx) {
    return intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", not " + parsed);
    }
    return parsed;
  }

  private static void json(Context ctx, JsonNode node) {
    try {
      ctx.contentType("application/json; charset=utf-8")
          .result(Json.MAPPER.writeValueAsString(node));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  private static void problem(Context ctx, int status, String message) {
    ObjectNode error = Json.MAPPER.createObjectNode().put("status", status).put("error", message);
    ctx.status(status);
    json(ctx, error);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
