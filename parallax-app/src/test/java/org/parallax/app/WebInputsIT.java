package org.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;
import org.parallax.core.model.Outcome;
import org.parallax.index.workspace.Workspace;

/**
 * A crawl (a gzipped WARC archive), an RSS feed and an Atom feed, through the real command line:
 * {@code parallax analyze} into a workspace, then {@code parallax export}. The pages carry their
 * URL, title, authors, date, outlet and language into the export; the records of the crawl that are
 * not pages are counted where the user sees them; an archive cut short keeps what came before the
 * cut.
 */
class WebInputsIT {

  private static final Instant FETCHED = Instant.parse("2024-03-06T12:00:00Z");

  @TempDir static Path tmp;
  static Path inputs;
  static Path workspace;
  static Run analyze;
  static Map<String, JsonNode> byUrl = new LinkedHashMap<>();
  static List<Outcome.Failed> failures;

  /** What one command printed and returned. */
  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void analyseTheWebInputs() throws IOException {
    inputs = Files.createDirectories(tmp.resolve("web"));
    Files.write(inputs.resolve("crawl.warc.gz"), warc(crawl(), new ArrayList<>()));
    Files.writeString(inputs.resolve("courier.rss"), RSS);
    Files.writeString(inputs.resolve("port.atom"), ATOM);
    workspace = tmp.resolve("ws");

    analyze =
        run("analyze", inputs.toString(), "--workspace", workspace.toString(), "--no-progress");
    for (JsonNode record : export(workspace)) {
      byUrl.put(record.path("url").asText(), record);
    }
    try (Workspace ws = Workspace.open(workspace)) {
      failures = ws.failures();
    }
  }

  @Test
  void everyPageOfTheCrawlAndEveryFeedItemIsAnalysed() {
    assertThat(byUrl)
        .containsOnlyKeys(
            "https://gazette.test/2024/03/night-ferry",
            "https://kuestenbote.test/hafen/abstimmung",
            "https://courier.test/2024/03/school-reopens",
            "https://courier.test/2024/03/lighthouse",
            "https://port.test/2024/03/marche");
    // the page of navigation links has no article to keep, and says so
    assertThat(failures)
        .singleElement()
        .satisfies(
            failed -> {
              assertThat(failed.origin()).endsWith("crawl.warc.gz#4");
              assertThat(failed.reason()).contains("boilerplate");
            });
    assertThat(analyze.exit()).isEqualTo(1);
  }

  @Test
  void crawledPagesKeepTheirUrlTitleAuthorsDateOutletAndLanguage() {
    JsonNode ferry = byUrl.get("https://gazette.test/2024/03/night-ferry");
    assertThat(ferry.path("title").asText()).isEqualTo("Night Ferry Returns After Winter Repairs");
    assertThat(strings(ferry.path("authors"))).containsExactly("Mara Lindqvist");
    assertThat(ferry.path("published").asText()).isEqualTo("2024-03-04T07:30:00Z");
    assertThat(ferry.path("outlet").asText()).isEqualTo("Harbour Gazette");
    assertThat(ferry.path("language").asText()).isEqualTo("en");
    assertThat(ferry.path("inputId").asText()).endsWith("crawl.warc.gz#3");
    assertThat(ferry.path("fields").path("fetched").asText()).isEqualTo("2024-03-06T12:00:00Z");
    assertThat(ferry.path("fields").path("warcRecordId").asText()).startsWith("<urn:uuid:");
    assertThat(ferry.path("text").asText())
        .startsWith("The night ferry to the outer islands returns to service on Friday")
        .contains("grateful for their patience")
        .doesNotContain("Weather")
        .doesNotContain("All rights reserved");

    JsonNode quay = byUrl.get("https://kuestenbote.test/hafen/abstimmung");
    assertThat(quay.path("title").asText())
        .isEqualTo("Hafenamt verschiebt Abstimmung über den neuen Kai");
    assertThat(strings(quay.path("authors"))).containsExactly("Lena Vogt");
    assertThat(quay.path("published").asText()).isEqualTo("2024-03-05T09:00:00+01:00");
    assertThat(quay.path("outlet").asText()).isEqualTo("Küstenbote");
    assertThat(quay.path("language").asText()).isEqualTo("de");
  }

  @Test
  void feedItemsTakeTheOutletFromTheFeedTitle() {
    JsonNode school = byUrl.get("https://courier.test/2024/03/school-reopens");
    assertThat(school.path("title").asText()).isEqualTo("School Reopens on Fern Island");
    assertThat(strings(school.path("authors"))).containsExactly("Tom Okafor");
    assertThat(school.path("published").asText()).isEqualTo("2024-03-04T08:00:00Z");
    assertThat(school.path("outlet").asText()).isEqualTo("Island Courier");
    assertThat(school.path("language").asText()).isEqualTo("en");
    assertThat(school.path("fields").path("feed").asText()).isEqualTo("rss_2.0");
    assertThat(school.path("text").asText())
        .startsWith("The primary school on Fern Island reopened on Monday")
        .doesNotContain("<p>");

    JsonNode lighthouse = byUrl.get("https://courier.test/2024/03/lighthouse");
    assertThat(lighthouse.path("title").asText()).isEqualTo("Lighthouse Keeper Retires");
    assertThat(strings(lighthouse.path("authors"))).containsExactly("Ruth Hale");
    assertThat(lighthouse.path("published").asText()).isEqualTo("2024-03-05T16:20:00Z");
    assertThat(lighthouse.path("outlet").asText()).isEqualTo("Island Courier");

    JsonNode market = byUrl.get("https://port.test/2024/03/marche");
    assertThat(market.path("title").asText()).isEqualTo("Le marché aux poissons déménage");
    assertThat(strings(market.path("authors"))).containsExactly("Claire Morel");
    assertThat(market.path("published").asText()).isEqualTo("2024-03-06T06:45:00Z");
    assertThat(market.path("outlet").asText()).isEqualTo("Le Journal du Port");
    assertThat(market.path("language").asText()).isEqualTo("fr");
    assertThat(market.path("fields").path("feed").asText()).isEqualTo("atom_1.0");
    assertThat(market.path("fields").path("updated").asText()).isEqualTo("2024-03-06T10:00:00Z");
  }

  @Test
  void theRunSaysWhatEachArchiveAndFeedHeld() {
    assertThat(analyze.out())
        .contains(
            inputs.resolve("crawl.warc.gz")
                + " (warc): 3 HTML pages, 3 other records skipped (1 warcinfo, 1 request,"
                + " 1 non-HTML response)")
        .contains(inputs.resolve("courier.rss") + " (rss): 2 items")
        .contains(inputs.resolve("port.atom") + " (atom): 1 item")
        .contains("analysed 5, already in workspace 0, failed 1");
    assertThat(analyze.err()).contains("failed: " + inputs.resolve("crawl.warc.gz") + "#4");
  }

  @Test
  void theExportShowsTheBoilerplateRemovedFromEachPage() {
    JsonNode ferry = byUrl.get("https://gazette.test/2024/03/night-ferry");
    assertThat(kinds(ferry)).contains("navigation", "share_prompt", "copyright");
    assertThat(regions(ferry)).anyMatch(text -> text.contains("Weather"));
    JsonNode school = byUrl.get("https://courier.test/2024/03/school-reopens");
    assertThat(kinds(school)).contains("read_more");
    for (JsonNode record : byUrl.values()) {
      String text = record.path("text").asText();
      for (JsonNode region : record.path("boilerplate")) {
        assertThat(region.path("begin").asInt())
            .isEqualTo(region.path("end").asInt())
            .isBetween(0, text.codePointCount(0, text.length()));
      }
    }
  }

  @Test
  void aTruncatedArchiveKeepsThePagesBeforeTheCutAndFailsOnce() throws IOException {
    List<WarcRecord> records = new ArrayList<>();
    records.add(warcinfo());
    for (int i = 1; i <= 5; i++) {
      records.add(page("https://gazette.test/tides/" + i, tidePage(i)));
    }
    List<Long> starts = new ArrayList<>();
    byte[] whole = warc(records, starts);
    // the cut falls in the middle of the fourth page (the fifth record)
    long cut = (starts.get(4) + starts.get(5)) / 2;
    Path dir = Files.createDirectories(tmp.resolve("cut"));
    Path file = Files.write(dir.resolve("tides.warc.gz"), Arrays.copyOf(whole, (int) cut));
    Path cutWorkspace = tmp.resolve("ws-cut");

    Run run =
        run("analyze", file.toString(), "--workspace", cutWorkspace.toString(), "--no-progress");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(file + " (warc): 3 HTML pages, 1 other record skipped (1 warcinfo)")
        .contains("stopped early: ")
        .contains("analysed 3, already in workspace 0, failed 1");
    assertThat(run.err().lines().filter(line -> line.startsWith("failed: ")))
        .singleElement()
        .asString()
        .startsWith("failed: " + file + "#5 [ingest]")
        .contains("truncated");
    Set<String> urls = new HashSet<>();
    export(cutWorkspace).forEach(record -> urls.add(record.path("url").asText()));
    assertThat(urls)
        .containsExactlyInAnyOrder(
            "https://gazette.test/tides/1",
            "https://gazette.test/tides/2",
            "https://gazette.test/tides/3");
    try (Workspace ws = Workspace.open(cutWorkspace)) {
      assertThat(ws.failures()).hasSize(1);
    }
  }

  // ---- the inputs, all text written for this test ----

  private static List<WarcRecord> crawl() throws IOException {
    List<WarcRecord> records = new ArrayList<>();
    records.add(warcinfo());
    records.add(
        new WarcRequest.Builder("https://gazette.test/2024/03/night-ferry")
            .date(FETCHED)
            .body(
                new HttpRequest.Builder("GET", "/2024/03/night-ferry")
                    .setHeader("Host", "gazette.test")
                    .build())
            .build());
    records.add(page("https://gazette.test/2024/03/night-ferry", FERRY));
    records.add(page("https://gazette.test/sections", SECTIONS));
    records.add(
        response(
            "https://gazette.test/logo.png",
            "image/png",
            new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}));
    records.add(page("https://kuestenbote.test/hafen/abstimmung", QUAY));
    return records;
  }

  private static final String NAVIGATION =
      "<header><a href=\"/\">Harbour Gazette</a></header><nav><ul><li><a href=\"/news\">News</a>"
          + "</li><li><a href=\"/sport\">Sport</a></li><li><a href=\"/weather\">Weather</a></li>"
          + "<li><a href=\"/about\">About us</a></li></ul></nav>";

  private static final String FOOTER =
      "<footer><p>© 2024 Harbour Gazette. All rights reserved.</p>"
          + "<p><a href=\"/contact\">Contact the newsroom</a></p></footer>";

  private static final String FERRY =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
          + "<title>Night Ferry Returns After Winter Repairs | Harbour Gazette</title>"
          + "<meta property=\"og:site_name\" content=\"Harbour Gazette\">"
          + "<meta name=\"author\" content=\"Mara Lindqvist\">"
          + "<meta property=\"article:published_time\" content=\"2024-03-04T07:30:00Z\">"
          + "</head><body>"
          + NAVIGATION
          + "<article><h1>Night Ferry Returns After Winter Repairs</h1>"
          + "<p class=\"byline\">By Mara Lindqvist</p>"
          + "<p>The night ferry to the outer islands returns to service on Friday after four"
          + " months in dry dock, the operator said on Monday.</p>"
          + "<p>Engineers replaced both engines and the steering gear, work that ran three weeks"
          + " over schedule because parts arrived late from the mainland.</p>"
          + "<p>\"We know the islanders have waited a long time, and we are grateful for their"
          + " patience,\" said Jonas Berg, the operator's head of services.</p>"
          + "<p>Tickets for the first crossings go on sale on Wednesday at the harbour office.</p>"
          + "<p>Share this article on Facebook, Twitter or by email.</p>"
          + "</article>"
          + FOOTER
          + "</body></html>";

  private static final String SECTIONS =
      "<!doctype html><html lang=\"en\"><head><title>Sections | Harbour Gazette</title></head>"
          + "<body>"
          + NAVIGATION
          + "<nav><ul><li><a href=\"/news/islands\">Islands</a></li><li><a href=\"/news/harbour\">"
          + "Harbour</a></li><li><a href=\"/news/fishing\">Fishing</a></li></ul></nav>"
          + "<footer><p>© 2024 Harbour Gazette. All rights reserved.</p></footer>"
          + "</body></html>";

  private static final String QUAY =
      "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\">"
          + "<title>Hafenamt verschiebt Abstimmung über den neuen Kai</title>"
          + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
          + "\"@type\":\"NewsArticle\",\"headline\":\"Hafenamt verschiebt Abstimmung über den"
          + " neuen Kai\",\"author\":{\"@type\":\"Person\",\"name\":\"Lena Vogt\"},"
          + "\"datePublished\":\"2024-03-05T09:00:00+01:00\",\"publisher\":{\"@type\":"
          + "\"Organization\",\"name\":\"Küstenbote\"}}</script>"
          + "</head><body><nav><a href=\"/\">Start</a> <a href=\"/hafen\">Hafen</a>"
          + " <a href=\"/wetter\">Wetter</a></nav><main><article>"
          + "<h1>Hafenamt verschiebt Abstimmung über den neuen Kai</h1>"
          + "<p>Das Hafenamt hat die Abstimmung über den neuen Kai am Dienstag verschoben, wie"
          + " eine Sprecherin mitteilte.</p>"
          + "<p>Mehrere Mitglieder verlangten zuvor eine weitere Untersuchung des Meeresbodens"
          + " vor der Hafeneinfahrt.</p>"
          + "<p>Die Fischer der Stadt fordern den Ausbau seit Jahren, weil ihre Boote bei Ebbe"
          + " kaum noch anlegen können.</p>"
          + "</article></main></body></html>";

  private static final String RSS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
           xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Island Courier</title>
          <link>https://courier.test/</link>
          <description>News from the islands</description>
          <language>en-gb</language>
          <item>
            <title>School Reopens on Fern Island</title>
            <link>https://courier.test/2024/03/school-reopens</link>
            <guid isPermaLink="false">courier-101</guid>
            <dc:creator>Tom Okafor</dc:creator>
            <pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate>
            <description>The Fern Island school is open again.</description>
            <content:encoded><![CDATA[<p>The primary school on Fern Island reopened on Monday,\
       a year after a storm tore off part of its roof, the island council said.</p>\
      <p>Twenty-two pupils who had been taking the morning boat to a school on the mainland\
       are back in their own classrooms.</p>\
      <p>Read more: <a href="https://courier.test/islands">More news from the islands</a></p>]]>\
      </content:encoded>
          </item>
          <item>
            <title>Lighthouse Keeper Retires</title>
            <link>https://courier.test/2024/03/lighthouse</link>
            <guid isPermaLink="false">courier-102</guid>
            <author>desk@courier.test (Ruth Hale)</author>
            <pubDate>Tue, 05 Mar 2024 16:20:00 GMT</pubDate>
            <content:encoded><![CDATA[<p>The last keeper of the Gull Rock lighthouse retired on\
       Tuesday after thirty-one years, during which he logged every passing ship by hand.</p>\
      <p>The light has been automatic since the autumn and will be watched from the\
       mainland.</p>]]></content:encoded>
          </item>
        </channel>
      </rss>
      """;

  private static final String ATOM =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
        <title>Le Journal du Port</title>
        <id>urn:uuid:5a0f8e52-6a3e-4c1b-9a59-2f1d3b7c9e10</id>
        <updated>2024-03-06T10:00:00Z</updated>
        <entry>
          <title>Le marché aux poissons déménage</title>
          <link href="https://port.test/2024/03/marche"/>
          <id>https://port.test/2024/03/marche</id>
          <published>2024-03-06T06:45:00Z</published>
          <updated>2024-03-06T10:00:00Z</updated>
          <author><name>Claire Morel</name></author>
          <content type="html">&lt;p&gt;Le marché aux poissons du vieux port déménagera sur le\
       quai nord au printemps, a annoncé la mairie mardi.&lt;/p&gt;&lt;p&gt;Les pêcheurs saluent\
       la décision, car le nouveau site offre plus de place pour décharger les bateaux.&lt;/p&gt;\
      &lt;p&gt;Certains commerçants du centre craignent toutefois de perdre des clients.&lt;/p&gt;\
      </content>
        </entry>
      </feed>
      """;

  private static String tidePage(int day) {
    return "<!doctype html><html lang=\"en\"><head><title>Tide Table, Day "
        + day
        + "</title></head><body><article><h1>Tide Table, Day "
        + day
        + "</h1><p>High water on day "
        + day
        + " comes "
        + (day * 50)
        + " minutes later than the day before, the harbour master said, and small boats"
        + " should leave the inner basin an hour before it.</p></article></body></html>";
  }

  private static Warcinfo warcinfo() {
    return new Warcinfo.Builder()
        .date(FETCHED)
        .fields(Map.of("software", List.of("WebInputsIT")))
        .build();
  }

  private static WarcResponse page(String url, String html) throws IOException {
    return response(url, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
  }

  private static WarcResponse response(String url, String type, byte[] body) throws IOException {
    HttpResponse http =
        new HttpResponse.Builder(200, "OK")
            .setHeader("Content-Type", type)
            .body(MediaType.parse(type), body)
            .build();
    return new WarcResponse.Builder(URI.create(url)).date(FETCHED).body(http).build();
  }

  /** The records as a gzipped WARC file; {@code starts} gets the offset where each begins. */
  private static byte[] warc(List<WarcRecord> records, List<Long> starts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
      for (WarcRecord record : records) {
        starts.add(writer.position());
        writer.write(record);
      }
    }
    return out.toByteArray();
  }

  // ---- running the command line ----

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = Main.run(args);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<JsonNode> export(Path workspace) throws IOException {
    Path file = workspace.resolveSibling(workspace.getFileName() + ".jsonl");
    Run export = run("export", "--workspace", workspace.toString(), "--out", file.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      records.add(Json.MAPPER.readTree(line));
    }
    return records;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static Set<String> kinds(JsonNode record) {
    Set<String> kinds = new HashSet<>();
    record.path("boilerplate").forEach(region -> kinds.add(region.path("kind").asText()));
    return kinds;
  }

  private static List<String> regions(JsonNode record) {
    List<String> texts = new ArrayList<>();
    record.path("boilerplate").forEach(region -> texts.add(region.path("text").asText()));
    return texts;
  }
}
