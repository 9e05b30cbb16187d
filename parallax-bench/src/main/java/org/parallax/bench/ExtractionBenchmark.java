package org.parallax.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.parallax.app.eval.BenchmarkPages;
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

  private List<BenchmarkPages.Page> pages;
  // each benchmark method runs in a fork of its own, so one count serves both
  private int failures;

  /** Reads and decodes the pages exactly as {@code parallax eval extraction} does. */
  @Setup(Level.Trial)
  public void readPages() throws IOException {
    Path dir = SharedData.directory(DATA);
    pages = BenchmarkPages.read(dir).pages();
    if (pages.size() != PAGES) {
      throw new IllegalStateException(
          dir + " gives " + pages.size() + " labelled pages; the benchmark expects " + PAGES);
    }
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
    for (BenchmarkPages.Page page : pages) {
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
    for (BenchmarkPages.Page page : pages) {
      try {
        sink.consume(new Readability4J(page.url(), page.html()).parse().getTextContent());
      } catch (RuntimeException | StackOverflowError e) {
        failed++;
      }
    }
    failures = failed;
  }
}
