package org.parallax.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.pipeline.Input;
import org.parallax.core.pipeline.InputException;

class WarcSourcesTest {

  private static final Instant FETCHED = Instant.parse("2024-03-05T10:15:30Z");

  @TempDir Path dir;

  /** What reading one input gave: a document or the reason it failed. */
  record Result(Input input, Document document, String failure) {}

  @Test
  void readsHtmlResponsesAndSkipsAndCountsEveryOtherRecord() throws IOException {
    for (WarcCompression compression : WarcCompression.values()) {
      String name = compression == WarcCompression.GZIP ? "crawl.warc.gz" : "crawl.warc";
      Path file = writeBytes(name, warc(compression, mixedCrawl()));

      List<Result> results = new ArrayList<>();
      List<SourceSummary> summaries;
      try (SourceBatch batch = Sources.open(List.of(file.toString()), IngestConfig.DEFAULTS)) {
        assertThat(batch.total()).isEqualTo(-1);
        batch.inputs().forEachRemaining(input -> results.add(read(input)));
        summaries = batch.summaries();
      }

      assertThat(results).allSatisfy(r -> assertThat(r.failure()).isNull());
      assertThat(results)
          .extracting(r -> r.document().source().url())
          .containsExactly(
              "https://harbour.test/ferry",
              "https://harbour.test/ru/ferry",
              "https://harbour.test/plain-labelled");
      assertThat(results)
          .extracting(r -> r.input().origin())
          .containsExactly(file + "#3", file + "#5", file + "#10");

      Document ferry = results.get(0).document();
      assertThat(ferry.source().format()).isEqualTo("html");
      assertThat(ferry.source().inputId()).isEqualTo(file + "#3");
      assertThat(ferry.source().fields())
          .containsEntry("fetched", "2024-03-05T10:15:30Z")
          .containsKey("warcRecordId");
      assertThat(ferry.metadata().title()).isEqualTo("Night Ferry Returns");
      assertThat(ferry.text()).startsWith("The night ferry to the islands returns on Friday");
      assertThat(ferry.has(Diagnostic.LAYER)).isFalse();

      Document russian = results.get(1).document();
      assertThat(russian.text()).contains("Ночной паром на острова снова выходит в пятницу");
      assertThat(russian.has(Diagnostic.LAYER)).isFalse();

      assertThat(results.get(2).document().text()).contains("labelled as plain text");

      assertThat(summaries)
          .singleElement()
          .satisfies(
              summary -> {
                assertThat(summary.format()).isEqualTo("warc");
                assertThat(summary.documents()).isEqualTo(3);
                assertThat(summary.failed()).isZero();
                assertThat(summary.problem()).isNull();
                assertThat(summary.skipped())
                    .isEqualTo(
                        Map.of(
                            "warcinfo", 1L,
                            "request", 1L,
                            "non-HTML response", 2L,
                            "non-2xx response", 1L,
                            "revisit", 1L,
                            "metadata", 1L));
                assertThat(summary.describe())
                    .isEqualTo(
                        file
                            + " (warc): 3 HTML pages, 7 other records skipped (2 non-HTML"
                            + " response, 1 warcinfo, 1 request, 1 non-2xx response, 1 revisit,"
                            + " 1 metadata)");
              });
    }
  }

  @Test
  void keepsThePagesBeforeTheBreakInATruncatedArchive() throws IOException {
    for (WarcCompression compression : WarcCompression.values()) {
      List<Long> starts = new ArrayList<>();
      byte[] whole = warc(compression, pages(12), starts);
      long sixth = starts.get(5);
      long seventh = starts.get(6);
      // inside the sixth record's first bytes (a gzip member header), its middle, its last bytes:
      // a plain record whose separator is cut still has its whole page; a gzip member whose
      // trailer is cut cannot be trusted
      Map<Long, Integer> readBeforeCut =
          Map.of(
              sixth + 3,
              5,
              (sixth + seventh) / 2,
              5,
              seventh - 3,
              compression == WarcCompression.NONE ? 6 : 5);
      for (Map.Entry<Long, Integer> expected : readBeforeCut.entrySet()) {
        long cut = expected.getKey();
        int read = expected.getValue();
        Path file = writeBytes("cut-" + cut + "-" + compression + ".warc", prefix(whole, cut));

        List<Result> results = new ArrayList<>();
        List<SourceSummary> summaries;
        try (SourceBatch batch = Sources.open(List.of(file.toString()), IngestConfig.DEFAULTS)) {
          batch.inputs().forEachRemaining(input -> results.add(read(input)));
          summaries = batch.summaries();
        }

        assertThat(results).as("cut at %d of %s", cut, compression).hasSize(read + 1);
        assertThat(results.subList(0, read))
            .allSatisfy(r -> assertThat(r.failure()).isNull())
            .extracting(r -> r.document().source().url())
            .endsWith("https://harbour.test/news/" + read);
        Result broken = results.get(read);
        assertThat(broken.input().origin()).isEqualTo(file + "#" + (read + 1));
        assertThat(broken.failure())
            .as("cut at %d of %s", cut, compression)
            .contains("ends early (truncated file) in record " + (read + 1))
            .endsWith("; the " + read + " record(s) before it were read");
        SourceSummary summary = summaries.get(0);
        assertThat(summary.documents()).isEqualTo(read);
        assertThat(summary.problem()).isNotNull();
        assertThat(summary.describe())
            .startsWith(file + " (warc): " + read + " HTML pages; stopped early: ");
      }
    }
  }

  @Test
  void stopsWithOneFailureAtCorruptBytes() throws IOException {
    byte[] first = warc(WarcCompression.NONE, pages(3));
    byte[] garbage = "this is not a WARC record header\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] rest = warc(WarcCompression.NONE, pages(2));
    Path file = writeBytes("corrupt.warc", concat(first, garbage, rest));

    List<Result> results = readAll(file, IngestConfig.DEFAULTS);

    assertThat(results).hasSize(4);
    assertThat(results.subList(0, 3)).allSatisfy(r -> assertThat(r.failure()).isNull());
    assertThat(results.get(3).failure())
        .startsWith("the WARC file is corrupt at record 4: ")
        .endsWith("the 3 record(s) before it were read");
  }

  @Test
  void readsHtmlResourceRecordsAndBrotliEncodedResponses() throws IOException {
    byte[] brotli;
    try (InputStream in =
        WarcSourcesTest.class.getResourceAsStream("brotli-page.html.br")) { // written by us
      brotli = in.readAllBytes();
    }
    List<WarcRecord> records = new ArrayList<>();
    records.add(
        new WarcResource.Builder(URI.create("https://harbour.test/saved-by-browser"))
            .date(FETCHED)
            .body(
                MediaType.parse("text/html; charset=utf-8"),
                html("Saved As Is", article(4)).getBytes(StandardCharsets.UTF_8))
            .build());
    records.add(
        new WarcResource.Builder(URI.create("https://harbour.test/map.png"))
            .date(FETCHED)
            .body(MediaType.parse("image/png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'})
            .build());
    records.add(
        response(
            "https://harbour.test/lighthouse",
            200,
            Map.of("Content-Type", "text/html; charset=utf-8", "Content-Encoding", "br"),
            brotli));
    Path file = writeBytes("browser.warc", warc(WarcCompression.NONE, records));

    List<Result> results = new ArrayList<>();
    List<SourceSummary> summaries;
    try (SourceBatch batch = Sources.open(List.of(file.toString()), IngestConfig.DEFAULTS)) {
      batch.inputs().forEachRemaining(input -> results.add(read(input)));
      summaries = batch.summaries();
    }

    assertThat(results).allSatisfy(r -> assertThat(r.failure()).isNull());
    Document saved = results.get(0).document();
    assertThat(saved.source().url()).isEqualTo("https://harbour.test/saved-by-browser");
    assertThat(saved.source().fields()).containsEntry("fetched", "2024-03-05T10:15:30Z");
    assertThat(saved.metadata().title()).isEqualTo("Saved As Is");
    assertThat(saved.text()).contains("dredge the outer basin");
    Document lighthouse = results.get(1).document();
    assertThat(lighthouse.metadata().title()).isEqualTo("Lighthouse Keeper Retires");
    assertThat(lighthouse.text()).startsWith("The last keeper of the north lighthouse retired");
    assertThat(summaries.get(0).describe())
        .isEqualTo(file + " (warc): 2 HTML pages, 1 other record skipped (1 non-HTML resource)");
  }

  @Test
  void failsOneRecordAndGoesOnWhenAPageCannotBeRead() throws IOException {
    List<WarcRecord> records = new ArrayList<>();
    records.add(page("https://harbour.test/huge", "x".repeat(5000) + article(1)));
    records.add(
        response(
            "https://harbour.test/bad-gzip",
            200,
            Map.of("Content-Type", "text/html", "Content-Encoding", "gzip"),
            "<html><body><p>not compressed at all</p></body></html>"
                .getBytes(StandardCharsets.UTF_8)));
    records.add(
        response(
            "https://harbour.test/gzip",
            200,
            Map.of("Content-Type", "text/html; charset=utf-8", "Content-Encoding", "gzip"),
            gzip(html("Compressed Page", article(2)).getBytes(StandardCharsets.UTF_8))));
    records.add(page("https://harbour.test/after", article(3)));
    Path file = writeBytes("mixed.warc.gz", warc(WarcCompression.GZIP, records));

    List<Result> results = readAll(file, new IngestConfig(4096));

    assertThat(results).hasSize(4);
    assertThat(results.get(0).failure())
        .isEqualTo("record 1: the page is over the 4 KB limit (ingest.maxBytes)");
    assertThat(results.get(1).failure())
        .startsWith(
            "record 2 could not be read: its body could not be decoded (Content-Encoding gzip): ");
    assertThat(results.get(2).document().metadata().title()).isEqualTo("Compressed Page");
    assertThat(results.get(3).document().source().url()).isEqualTo("https://harbour.test/after");
  }

  @Test
  void streamsRecordsWithoutReadingAheadOfThem() throws IOException {
    byte[] two = warc(WarcCompression.NONE, pages(2));
    InputStream tail =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("read past the records asked for");
          }
        };
    InputStream stdin = new SequenceInputStream(new ByteArrayInputStream(two), tail);

    try (SourceBatch batch = Sources.open(List.of("-"), IngestConfig.DEFAULTS, () -> stdin)) {
      Iterator<Input> inputs = batch.inputs();
      Result first = read(inputs.next());
      assertThat(first.document().source().url()).isEqualTo("https://harbour.test/news/1");
      Result second = read(inputs.next());
      assertThat(second.document().source().url()).isEqualTo("https://harbour.test/news/2");
      Result broken = read(inputs.next());
      assertThat(broken.failure()).contains("read past the records asked for");
      assertThat(inputs.hasNext()).isFalse();
    }
  }

  @Test
  void readsAGzippedArchiveFromStandardInput() throws IOException {
    byte[] zipped = warc(WarcCompression.GZIP, pages(3));

    List<Result> results = new ArrayList<>();
    try (SourceBatch batch =
        Sources.open(List.of("-"), IngestConfig.DEFAULTS, () -> new ByteArrayInputStream(zipped))) {
      batch.inputs().forEachRemaining(input -> results.add(read(input)));
      assertThat(batch.summaries())
          .extracting(SourceSummary::describe)
          .containsExactly("stdin (warc): 3 HTML pages");
    }

    assertThat(results)
        .extracting(r -> r.document().source().origin())
        .containsExactly("stdin#1", "stdin#2", "stdin#3");
  }

  private List<WarcRecord> mixedCrawl() throws IOException {
    List<WarcRecord> records = new ArrayList<>();
    records.add(
        new Warcinfo.Builder().date(FETCHED).fields(Map.of("software", List.of("test"))).build());
    records.add(
        new WarcRequest.Builder("https://harbour.test/ferry")
            .date(FETCHED)
            .body(
                new HttpRequest.Builder("GET", "/ferry").setHeader("Host", "harbour.test").build())
            .build());
    records.add(
        page(
            "https://harbour.test/ferry",
            html(
                "Night Ferry Returns",
                "<p>The night ferry to the islands returns on Friday, after a winter in dry dock"
                    + " for engine repairs, the operator said.</p>")));
    records.add(
        response(
            "https://harbour.test/logo.png",
            200,
            Map.of("Content-Type", "image/png"),
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}));
    records.add(
        response(
            "https://harbour.test/ru/ferry",
            200,
            Map.of("Content-Type", "text/html; charset=windows-1251"),
            html(
                    "Паром",
                    "<p>Ночной паром на острова снова выходит в пятницу, после ремонта двигателя,"
                        + " который занял всю зиму, сообщила компания.</p>")
                .getBytes(Charset.forName("windows-1251"))));
    records.add(
        response(
            "https://harbour.test/old",
            301,
            Map.of("Content-Type", "text/html", "Location", "https://harbour.test/new"),
            "<html><body>Moved</body></html>".getBytes(StandardCharsets.UTF_8)));
    records.add(
        new WarcRevisit.Builder(
                URI.create("https://harbour.test/ferry"),
                URI.create("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"))
            .date(FETCHED)
            .body(
                new HttpResponse.Builder(200, "OK").setHeader("Content-Type", "text/html").build())
            .build());
    records.add(
        new WarcMetadata.Builder()
            .targetURI("https://harbour.test/ferry")
            .date(FETCHED)
            .fields(Map.of("outlinks", List.of("https://harbour.test/")))
            .build());
    records.add(
        response(
            "https://harbour.test/notes.txt",
            200,
            Map.of("Content-Type", "text/plain"),
            "Plain notes with no markup at all.\n".getBytes(StandardCharsets.UTF_8)));
    records.add(
        response(
            "https://harbour.test/plain-labelled",
            200,
            Map.of("Content-Type", "text/plain"),
            html(
                    "Mislabelled",
                    "<p>This page was served labelled as plain text, yet it is an HTML page with"
                        + " a paragraph about the harbour, as servers sometimes do.</p>")
                .getBytes(StandardCharsets.UTF_8)));
    return records;
  }

  private static List<WarcRecord> pages(int n) throws IOException {
    List<WarcRecord> records = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      records.add(page("https://harbour.test/news/" + i, html("Harbour News " + i, article(i))));
    }
    return records;
  }

  private static String article(int i) {
    return "<p>The harbour board met on day "
        + i
        + " and agreed, after a long debate, to dredge the outer basin before the autumn storms,"
        + " the chair said.</p><p>Fishermen had asked for the work for years, citing "
        + (i * 7 % 13)
        + " groundings last winter alone.</p>";
  }

  private static String html(String title, String body) {
    return "<!doctype html><html><head><title>"
        + title
        + "</title></head><body><article><h1>"
        + title
        + "</h1>"
        + body
        + "</article></body></html>";
  }

  private static WarcResponse page(String url, String html) throws IOException {
    return response(
        url,
        200,
        Map.of("Content-Type", "text/html; charset=UTF-8"),
        html.getBytes(StandardCharsets.UTF_8));
  }

  private static WarcResponse response(
      String url, int status, Map<String, String> headers, byte[] body) throws IOException {
    HttpResponse.Builder http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Other");
    headers.forEach(http::setHeader);
    String type = headers.getOrDefault("Content-Type", "application/octet-stream");
    http.body(MediaType.parse(type), body);
    return new WarcResponse.Builder(URI.create(url)).date(FETCHED).body(http.build()).build();
  }

  private static byte[] warc(WarcCompression compression, List<WarcRecord> records)
      throws IOException {
    return warc(compression, records, new ArrayList<>());
  }

  /** The records written as a WARC file; {@code starts} gets the offset where each begins. */
  private static byte[] warc(
      WarcCompression compression, List<WarcRecord> records, List<Long> starts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), compression)) {
      for (WarcRecord record : records) {
        starts.add(writer.position());
        writer.write(record);
      }
    }
    return out.toByteArray();
  }

  private static byte[] prefix(byte[] bytes, long length) {
    return Arrays.copyOf(bytes, (int) length);
  }

  private List<Result> readAll(Path file, IngestConfig config) {
    List<Result> results = new ArrayList<>();
    try (SourceBatch batch = Sources.open(List.of(file.toString()), config)) {
      batch.inputs().forEachRemaining(input -> results.add(read(input)));
    }
    return results;
  }

  private static Result read(Input input) {
    try {
      return new Result(input, input.read(), null);
    } catch (InputException e) {
      return new Result(input, null, e.getMessage());
    }
  }

  private Path writeBytes(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(content);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
