package org.parallax.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;
import org.parallax.index.workspace.Workspace;

/**
 * {@code parallax serve} on the analysed demo corpus, over HTTP on the loopback address: the API
 * answers what {@code parallax export} writes, search narrows by facets, the web UI serves the
 * report's pages with a search box, and bad requests get a clear status and message.
 */
class ServerIT {

  @TempDir static Path tmp;
  static Workspace workspace;
  static ParallaxServer server;
  static HttpClient http;
  static Map<String, JsonNode> exported = new HashMap<>();
  static Path exportedStories;

  @BeforeAll
  static void analyseAndServe() throws Exception {
    Path corpus = Path.of(System.getProperty("parallax.root", ".."), "examples", "corpus");
    Path ws = tmp.resolve("ws");
    assertThat(Main.run("analyze", corpus.toString(), "-w", ws.toString(), "--no-progress"))
        .isZero();
    Path documents = tmp.resolve("documents.jsonl");
    assertThat(Main.run("export", "-w", ws.toString(), "--out", documents.toString())).isZero();
    for (String line : Files.readAllLines(documents, StandardCharsets.UTF_8)) {
      JsonNode record = Json.MAPPER.readTree(line);
      exported.put(record.path("id").asText(), record);
    }
    exportedStories = tmp.resolve("stories.jsonl");
    assertThat(
            Main.run(
                "export",
                "-w",
                ws.toString(),
                "--what",
                "stories",
                "--out",
                exportedStories.toString()))
        .isZero();
    workspace = Workspace.open(ws);
    server = ParallaxServer.start(workspace, "127.0.0.1", 0);
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (workspace != null) {
      workspace.close();
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static JsonNode getJson(String path, int status) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    return Json.MAPPER.readTree(response.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void documentRecordsAreTheExportRecords() throws Exception {
    JsonNode summary = getJson("/api/summary", 200);
    assertThat(summary.path("documents").asInt()).isEqualTo(exported.size());
    assertThat(summary.path("corpusResults").path("stories").asInt()).isPositive();
    JsonNode page = getJson("/api/documents?limit=3", 200);
    assertThat(page.path("total").asInt()).isEqualTo(exported.size());
    assertThat(page.path("documents")).hasSize(3);
    JsonNode rest = getJson("/api/documents?offset=3&limit=1000", 200);
    assertThat(rest.path("documents")).hasSize(exported.size() - 3);
    for (JsonNode brief : page.path("documents")) {
      String id = brief.path("id").asText();
      for (String field : List.of("inputId", "outlet", "title", "language", "story")) {
        assertThat(brief.path(field)).as(field).isEqualTo(exported.get(id).path(field));
      }
      JsonNode record = getJson(brief.path("record").asText(), 200);
      assertThat(record).isEqualTo(exported.get(id));
    }
    JsonNode missing = getJson("/api/documents/no-such-id", 404);
    assertThat(missing.path("error").asText()).contains("no document no-such-id");
  }

  @Test
  void corpusResultsAreTheExportedOnes() throws Exception {
    List<String> lines = Files.readAllLines(exportedStories, StandardCharsets.UTF_8);
    JsonNode stories = getJson("/api/stories", 200);
    assertThat(stories).hasSize(lines.size());
    JsonNode first = Json.MAPPER.readTree(lines.get(0));
    assertThat(stories.get(0)).isEqualTo(first);
    assertThat(getJson("/api/stories/" + encode(first.path("id").asText()), 200)).isEqualTo(first);
    assertThat(getJson("/api/stories/story-none", 404).path("error").asText())
        .contains("no stories record");
    for (String name : List.of("duplicates", "talking-points", "recurring-quotes", "outlets")) {
      assertThat(getJson("/api/" + name, 200).isArray()).as(name).isTrue();
    }
    JsonNode outlet = getJson("/api/outlets", 200).get(0);
    assertThat(
            getJson(
                "/api/outlets/" + encode(outlet.path("outlet").asText()).replace("+", "%20"), 200))
        .isEqualTo(outlet);
  }

  @Test
  void searchFindsArticlesAndFacetsNarrowIt() throws Exception {
    JsonNode all = getJson("/api/search?q=Kestrany&limit=1000", 200);
    int total = all.path("total").asInt();
    assertThat(total).isGreaterThan(1);
    assertThat(all.path("hits")).hasSize(total);
    String outlet = all.path("hits").get(0).path("outlet").asText();
    JsonNode narrowed = getJson("/api/search?q=Kestrany&outlet=" + encode(outlet), 200);
    assertThat(narrowed.path("total").asInt()).isBetween(1, total - 1);
    assertThat(narrowed.path("hits"))
        .allSatisfy(hit -> assertThat(hit.path("outlet").asText()).isEqualTo(outlet));
    JsonNode facets = getJson("/api/facets?q=Kestrany", 200);
    long counted = 0;
    for (JsonNode value : facets.path("language")) {
      counted += value.path("count").asLong();
    }
    assertThat(counted).isEqualTo(total);
    // each hit shows where the query matches its text
    assertThat(all.path("hits"))
        .allSatisfy(
            h -> {
              JsonNode passage = h.path("passages").get(0);
              JsonNode match = passage.path("matches").get(0);
              assertThat(
                      passage
                          .path("text")
                          .asText()
                          .substring(match.get(0).asInt(), match.get(1).asInt()))
                  .isEqualToIgnoringCase("Kestrany");
            });
    // every hit leads to its article page and its record
    JsonNode hit = all.path("hits").get(0);
    HttpResponse<String> article = get(hit.path("page").asText());
    assertThat(article.statusCode()).isEqualTo(200);
    assertThat(article.body()).contains("name=\"q\"");
    assertThat(getJson(hit.path("record").asText(), 200).path("id").asText())
        .isEqualTo(hit.path("id").asText());
    // bad requests say what is wrong
    assertThat(getJson("/api/search?q=title%3A(Kestrany", 400).path("error").asText())
        .contains("cannot understand the search query");
    assertThat(getJson("/api/search", 400).path("error").asText()).contains("give a query");
    assertThat(getJson("/api/documents?limit=0", 400).path("error").asText())
        .contains("limit must be between 1 and");
    assertThat(getJson("/api/search?published=March", 400).path("error").asText())
        .contains("yyyy-MM");
  }

  @Test
  void theWebUiServesTheReportPagesWithASearch() throws Exception {
    HttpResponse<String> index = get("/index.html");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(index.body()).contains("action=\"/search\"");
    // every story, outlet and article page the overview links to is served
    Matcher links =
        Pattern.compile("href=\"((?:stories|outlets|articles)/[^\"#]+)\"").matcher(index.body());
    int pages = 0;
    while (links.find()) {
      HttpResponse<String> page = get("/" + links.group(1));
      assertThat(page.statusCode()).as(links.group(1)).isEqualTo(200);
      assertThat(page.body()).startsWith("<!DOCTYPE html>");
      pages++;
    }
    assertThat(pages).isGreaterThan(exported.size());
    HttpResponse<String> search = get("/search?q=Kestrany");
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.body())
        .contains("articles</h2>")
        .contains("href=\"articles/")
        .contains("<mark>Kestrany</mark>");
    HttpResponse<String> bad = get("/search?q=title%3A(x");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("cannot understand the search query");
    assertThat(get("/articles/..%2F..%2Fpom.xml").statusCode()).isEqualTo(404);
    assertThat(get("/stories/none.html").statusCode()).isEqualTo(404);
  }
}
