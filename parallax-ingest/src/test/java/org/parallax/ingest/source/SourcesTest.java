package org.parallax.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.pipeline.Input;
import org.parallax.core.pipeline.InputException;
import org.parallax.ingest.extract.Boilerplate;

class SourcesTest {

  private static final String ARTICLE =
      """
      Tram Line Opens Two Years Late

      By Petra Novak

      The new tram line to the airport carried its first passengers on Sunday, two years after \
      the date promised when construction began.

      Share this article

      The city expects twelve thousand riders a day once the autumn timetable starts.
      """;

  @TempDir Path dir;

  /** What reading one input gave: a document or the reason it failed. */
  record Result(Input input, Document document, String failure) {}

  @Test
  void readsAPlainTextFileIntoACleanDocument() throws IOException {
    Path file = write("tram.txt", ARTICLE);

    List<Result> results = readAll(List.of(file.toString()));

    assertThat(results).hasSize(1);
    Document doc = results.get(0).document();
    assertThat(doc.source().inputId()).isEqualTo(file.toString());
    assertThat(doc.source().origin()).isEqualTo(file.toString());
    assertThat(doc.source().format()).isEqualTo("txt");
    assertThat(doc.metadata().title()).isEqualTo("Tram Line Opens Two Years Late");
    assertThat(doc.metadata().authors()).containsExactly("Petra Novak");
    assertThat(doc.text()).startsWith("The new tram line").endsWith("autumn timetable starts.");
    assertThat(doc.id()).isEqualTo(Document.contentId(doc.text(), null));
    assertThat(doc.get(Boilerplate.LAYER))
        .extracting(Boilerplate::kind)
        .containsExactly("title", "byline", "share_prompt");
    assertThat(doc.has(Diagnostic.LAYER)).isFalse();
  }

  @Test
  void walksDirectoriesInNameOrderSkippingHiddenOnes() throws IOException {
    write("b.txt", ARTICLE);
    write("a.txt", ARTICLE.replace("Sunday", "Monday"));
    write("sub/c.txt", ARTICLE.replace("Sunday", "Friday"));
    write(".hidden.txt", ARTICLE);
    write(".git/d.txt", ARTICLE);

    try (SourceBatch batch = Sources.open(List.of(dir.toString()), IngestConfig.DEFAULTS)) {
      List<String> ids = new ArrayList<>();
      batch
          .inputs()
          .forEachRemaining(input -> ids.add(dir.relativize(Path.of(input.inputId())).toString()));

      assertThat(ids).containsExactly("a.txt", "b.txt", "sub/c.txt");
      assertThat(batch.total()).isEqualTo(3);
    }
  }

  @Test
  void sniffsHtmlAndGzipFromTheContentNotTheName() throws IOException {
    String html =
        "<!doctype html><html lang=\"de\"><head><title>Neue Brücke | Stadtblatt</title></head>"
            + "<body><nav>Start Politik</nav><article><h1>Neue Brücke</h1>"
            + "<p>Die neue Brücke über den Kanal wurde am Freitag für den Verkehr freigegeben.</p>"
            + "</article></body></html>";
    write("page.data", html);
    writeBytes("page.html.gz", gzip(html.getBytes(StandardCharsets.UTF_8)));

    List<Result> results = readAll(List.of(dir.toString()));

    assertThat(results).hasSize(2);
    for (Result result : results) {
      assertThat(result.failure()).isNull();
      assertThat(result.document().source().format()).isEqualTo("html");
      assertThat(result.document().text())
          .isEqualTo(
              "Die neue Brücke über den Kanal wurde am Freitag für den Verkehr freigegeben.");
      assertThat(result.document().metadata().title()).isEqualTo("Neue Brücke");
      assertThat(result.document().metadata().languageHint()).isEqualTo("de");
    }
  }

  @Test
  void readsJsonlRecordsAndReportsBadLinesOneByOne() throws IOException {
    String jsonl =
        String.join(
            "\n",
            "{\"id\": \"r1\", \"url\": \"https://wire.test/1\", \"outlet\": \"Wire One\","
                + " \"title\": \"Ferry Fares Frozen\", \"published\": \"June 3, 2023\","
                + " \"text\": \"Ferry fares will stay at last year's level until the spring,"
                + " the operator said on Saturday.\", \"section\": \"transport\","
                + " \"tags\": [\"ferries\", \"prices\"], \"empty\": null}",
            "",
            "{\"title\": \"Page Title\", \"html\": \"<article><h1>Page Title</h1><p>The harbour"
                + " master closed the outer basin on Monday because of the storm.</p>"
                + "<div class=\\\"share\\\">Share</div></article>\"}",
            "{\"id\": \"r3\", \"text\": ",
            "{\"id\": \"r4\", \"title\": \"No body\"}",
            "[1, 2, 3]",
            "{\"id\": \"r6\", \"text\": \"Share this article\\n\\n0 $\"}",
            "{\"id\": 7, \"title\": \"Record Title Wins\", \"published\": \"someday\","
                + " \"html\": \"<html><head><title>Page Says Otherwise</title>"
                + "<meta property=\\\"og:site_name\\\" content=\\\"Page Site\\\"></head><body>"
                + "<p>The museum reopened its east wing after a year of repairs to the roof.</p>"
                + "</body></html>\"}");
    Path file = write("feed.jsonl", jsonl);

    List<Result> results = readAll(List.of(file.toString()));
    String path = file.toString();

    assertThat(results)
        .extracting(r -> r.input().inputId())
        .containsExactly("r1", path + "#3", path + "#4", "r4", path + "#6", "r6", "7");
    assertThat(results)
        .extracting(r -> r.input().origin())
        .containsExactly(
            path + "#1",
            path + "#3",
            path + "#4",
            path + "#5",
            path + "#6",
            path + "#7",
            path + "#8");

    Document first = results.get(0).document();
    assertThat(first.source().url()).isEqualTo("https://wire.test/1");
    assertThat(first.source().format()).isEqualTo("jsonl");
    assertThat(first.source().fields())
        .isEqualTo(Map.of("section", "transport", "tags", List.of("ferries", "prices")));
    assertThat(first.metadata().outlet()).isEqualTo("Wire One");
    assertThat(first.metadata().published()).isEqualTo("2023-06-03");
    assertThat(first.text()).startsWith("Ferry fares will stay");

    Document second = results.get(1).document();
    assertThat(second.text())
        .isEqualTo("The harbour master closed the outer basin on Monday because of the storm.");
    assertThat(second.get(Boilerplate.LAYER))
        .extracting(Boilerplate::kind)
        .contains("title", "share_prompt");

    assertThat(results.get(2).failure()).startsWith("line 4 is not valid JSON: ");
    assertThat(results.get(3).failure())
        .isEqualTo("line 5 has no \"text\" or \"html\" field with the article");
    assertThat(results.get(4).failure()).isEqualTo("line 6 is not a JSON object");
    assertThat(results.get(5).failure()).startsWith("no text is left once boilerplate");

    Document last = results.get(6).document();
    assertThat(last.metadata().title()).isEqualTo("Record Title Wins");
    assertThat(last.metadata().outlet()).isEqualTo("Page Site");
    assertThat(last.metadata().published()).isNull();
    assertThat(last.get(Diagnostic.LAYER))
        .extracting(Diagnostic::message)
        .containsExactly("the published date 'someday' could not be read; it was left out");

    try (SourceBatch batch = Sources.open(List.of(path), IngestConfig.DEFAULTS)) {
      assertThat(batch.total()).isEqualTo(-1);
    }
  }

  @Test
  void deliversRecordsBeforeTheBreakInATruncatedGzip() throws IOException {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 1; i <= 400; i++) {
      jsonl.append(
          String.format(
              "{\"id\": \"n%d\", \"text\": \"Report number %d: the committee counted %d votes"
                  + " for and %d against, after %d hours of debate in hall %d.\"}%n",
              i, i, i * 37 % 1009, i * 53 % 997, i % 17, i * 7 % 31));
    }
    byte[] whole = gzip(jsonl.toString().getBytes(StandardCharsets.UTF_8));
    Path file = writeBytes("feed.jsonl.gz", Arrays.copyOf(whole, whole.length / 2));

    List<Result> results = readAll(List.of(file.toString()));

    Result broken = results.get(results.size() - 1);
    int delivered = results.size() - 1;
    assertThat(delivered).isBetween(1, 399);
    assertThat(results.subList(0, delivered)).allSatisfy(r -> assertThat(r.failure()).isNull());
    assertThat(results.get(delivered - 1).input().inputId()).isEqualTo("n" + delivered);
    assertThat(broken.failure())
        .isEqualTo("the gzip stream ends early (truncated file) after line " + delivered);
    assertThat(broken.input().origin()).isEqualTo(file + "#" + (delivered + 1));
  }

  @Test
  void failsBadFilesWithReasonsAUserUnderstands() throws IOException {
    write("empty.txt", "");
    write("blank.txt", "  \n\n ");
    byte[] junk = new byte[600];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (byte) (i * 31 % 256);
    }
    writeBytes("junk.bin", junk);
    write(
        "only-boilerplate.txt",
        "Share this article\n\nDo you like this content? Consider helping us!\n");

    List<Result> results = readAll(List.of(dir.toString(), dir.resolve("missing.txt").toString()));

    assertThat(results)
        .extracting(Result::failure)
        .containsExactly(
            "the file is empty (it holds only blank space)",
            "the file is empty",
            "this looks like a binary file, not text or HTML",
            "no text is left once boilerplate (2 region(s)) is removed",
            "no such file or directory");
  }

  @Test
  void failsPagesOverTheSizeLimit() throws IOException {
    Path file = write("long.txt", ARTICLE.repeat(10));
    long size = Files.size(file);
    Path zipped = writeBytes("long.txt.gz", gzip(Files.readAllBytes(file)));
    Path jsonl =
        write(
            "long.jsonl",
            "{\"id\": \"a\", \"text\": \""
                + "word ".repeat(100)
                + "\"}\n{\"id\": \"b\", \"text\": \"Short enough to read.\"}\n");
    IngestConfig small = new IngestConfig(200);

    List<Result> results = new ArrayList<>();
    try (SourceBatch batch =
        Sources.open(List.of(file.toString(), zipped.toString(), jsonl.toString()), small)) {
      batch.inputs().forEachRemaining(input -> results.add(read(input)));
    }

    assertThat(results.get(0).failure())
        .isEqualTo("the page is " + ByteSize.describe(size) + ", over the 200 bytes limit");
    assertThat(results.get(1).failure()).isEqualTo(results.get(0).failure());
    assertThat(results.get(2).failure())
        .startsWith("line 1 is ")
        .endsWith("over the 200 bytes limit");
    assertThat(results.get(3).document().text()).isEqualTo("Short enough to read.");
    assertThat(ByteSize.overLimit("the page", 54_840_934, IngestConfig.DEFAULT_MAX_BYTES))
        .isEqualTo("the page is 52.3 MB, over the 20 MB limit");
  }

  @Test
  void readsWindows1252TextWithADiagnostic() throws IOException {
    String text =
        "The caf\u00e9 on the square reopened on Tuesday \u2013 with the same owner and the same"
            + " menu as before the fire.";
    writeBytes("cafe.txt", text.getBytes(Charset.forName("windows-1252")));

    Document doc = readAll(List.of(dir.toString())).get(0).document();

    assertThat(doc.text()).isEqualTo(text);
    assertThat(doc.get(Diagnostic.LAYER))
        .singleElement()
        .satisfies(
            d -> assertThat(d.message()).contains("not valid UTF-8").contains("windows-1252"));
  }

  @Test
  void readsStandardInputAsJsonlOrAsOneDocument() {
    String jsonl =
        "{\"text\": \"The first of two records read from standard input today.\"}\n"
            + "{\"id\": \"x2\", \"text\": \"The second of two records read from standard input.\"}\n";
    List<Result> records = readStdin(jsonl.getBytes(StandardCharsets.UTF_8));
    assertThat(records).extracting(r -> r.input().inputId()).containsExactly("stdin#1", "x2");
    assertThat(records).allSatisfy(r -> assertThat(r.failure()).isNull());

    List<Result> whole = readStdin(gzip(ARTICLE.getBytes(StandardCharsets.UTF_8)));
    assertThat(whole)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.input().inputId()).isEqualTo("stdin");
              assertThat(r.document().metadata().title())
                  .isEqualTo("Tram Line Opens Two Years Late");
            });

    // starts with a brace but is not JSONL: read again as one text
    List<Result> braced =
        readStdin(
            "{draft}\nThe council met on Monday and agreed the budget for the year ahead.\n"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(braced)
        .singleElement()
        .satisfies(r -> assertThat(r.document().text()).contains("The council met"));
  }

  @Test
  void readsOnePrettyPrintedJsonRecord() throws IOException {
    write(
        "record.json",
        "{\n  \"id\": \"solo\",\n  \"title\": \"Solo\",\n  \"text\": \"A single record spread over several lines of JSON, as editors save it.\"\n}\n");

    Result result = readAll(List.of(dir.toString())).get(0);

    assertThat(result.document().source().inputId()).isEqualTo("solo");
    assertThat(result.document().source().format()).isEqualTo("json");
    assertThat(result.document().metadata().title()).isEqualTo("Solo");
  }

  @Test
  void theIteratorNeverThrowsAndCanBeClosedEarly() throws IOException {
    write(
        "a.jsonl",
        "{\"id\": \"1\", \"text\": \"One record here, then garbage.\"}\n\u0000\u0001\u0002\n}{\n");
    SourceBatch batch = Sources.open(List.of(dir.toString()), IngestConfig.DEFAULTS);
    Iterator<Input> inputs = batch.inputs();
    assertThat(inputs.next().inputId()).isEqualTo("1");
    batch.close();
    assertThat(inputs.hasNext()).isFalse();
  }

  private List<Result> readAll(List<String> paths) {
    List<Result> results = new ArrayList<>();
    try (SourceBatch batch = Sources.open(paths, IngestConfig.DEFAULTS)) {
      batch.inputs().forEachRemaining(input -> results.add(read(input)));
    }
    return results;
  }

  private static List<Result> readStdin(byte[] content) {
    List<Result> results = new ArrayList<>();
    try (SourceBatch batch =
        Sources.open(
            List.of("-"), IngestConfig.DEFAULTS, () -> new ByteArrayInputStream(content))) {
      assertThat(batch.total()).isEqualTo(-1);
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

  private Path write(String name, String content) throws IOException {
    return writeBytes(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private Path writeBytes(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.write(file, content);
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
