package org.parallax.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import net.dankito.readability4j.Readability4J;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.parallax.core.json.Json;
import org.parallax.ingest.extract.HtmlExtractor;

/**
 * Article extraction speed, Parallax's {@link HtmlExtractor} against Readability4J, on the 119
 * pages of the article-extraction benchmark ({@code
 * data/article-extraction-benchmark/html/*.html.gz}).
 *
 * <p>{@code parallax eval extraction} already times both, but with one warm-up pass and one timed
 * pass; this measures the same calls in steady state, over several iterations in a fresh JVM. The
 * pages are read and decoded once in setup, so a score is pages per second of extraction alone. A
 * page an extractor throws on counts as done, as in the evaluation; the number of such pages is
 * printed when the trial ends.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-DOPT_OUT_TRACKING=true", "-Dai.djl.offline=true"})
public class ExtractionBenchmark {

  /** Pages in the benchmark; one operation is one page. */
  static final int PAGES = 119;

  static final String DATA = "data/article-extraction-benchmark";

  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

  /** One page: its decoded HTML and the URL the ground truth gives it ("" when none). */
  record Page(String id, String url, String html) {}

  private List<Page> pages;
  // each benchmark method runs in a fork of its own, so one count serves both
  private int failures;

  @Setup(Level.Trial)
  public void readPages() throws IOException {
    Path dir = SharedData.directory(DATA);
    Path htmlDir = dir.resolve("html");
    JsonNode truth = readTruth(dir.resolve("ground-truth.json"));
    List<Path> files;
    try (Stream<Path> listing = Files.list(htmlDir)) {
      files =
          listing.filter(p -> p.getFileName().toString().endsWith(".html.gz")).sorted().toList();
    }
    if (files.size() != PAGES) {
      throw new IllegalStateException(
          htmlDir + " holds " + files.size() + " .html.gz pages; the benchmark expects " + PAGES);
    }
    List<Page> read = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String id = name.substring(0, name.length() - ".html.gz".length());
      byte[] bytes;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        bytes = in.readAllBytes();
      }
      read.add(new Page(id, truth.path(id).path("url").asText(""), decode(bytes)));
    }
    pages = List.copyOf(read);
  }

  @TearDown(Level.Trial)
  public void reportFailures() {
    System.out.printf("%n(pages the extractor threw on, per pass: %d)%n", failures);
  }

  /** Parallax's extractor, as {@code parallax eval extraction} calls it. */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void parallax(Blackhole sink) {
    int failed = 0;
    for (Page page : pages) {
      try {
        sink.consume(HtmlExtractor.extract(page.html(), page.url()).text());
      } catch (RuntimeException | StackOverflowError e) {
        failed++;
      }
    }
    failures = failed;
  }

  /** Readability4J, the reference extractor of {@code parallax eval extraction}. */
  @Benchmark
  @OperationsPerInvocation(PAGES)
  public void readability4j(Blackhole sink) {
    int failed = 0;
    for (Page page : pages) {
      try {
        sink.consume(new Readability4J(page.url(), page.html()).parse().getTextContent());
      } catch (RuntimeException | StackOverflowError e) {
        failed++;
      }
    }
    failures = failed;
  }

  private static JsonNode readTruth(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      // the URLs are a courtesy to the extractors (link resolution); the pages suffice
      return Json.MAPPER.createObjectNode();
    }
    return Json.MAPPER.readTree(file.toFile());
  }

  /**
   * Decodes a saved page as {@code parallax eval extraction} does: byte-order mark, else the meta
   * charset, else UTF-8.
   */
  static String decode(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher declared = META_CHARSET.matcher(head);
    Charset charset = StandardCharsets.UTF_8;
    if (declared.find()) {
      try {
        charset = Charset.forName(declared.group(1).toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        // an unknown or misspelt charset name: UTF-8 is what most pages really are
      }
    }
    return new String(bytes, charset);
  }
}
