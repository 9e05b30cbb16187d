package org.parallax.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.infra.Blackhole;
import org.parallax.core.model.Span;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.persuasion.features.EncodedText;
import org.parallax.persuasion.model.PersuasionModel;

/**
 * Persuasion-technique analysis speed on 20 PTC dev articles ({@code
 * data/semeval2020-task11-ptc/dev-articles}, the first 20 by file name), with the bare encoder on
 * the same lines as the reference in the same run.
 *
 * <p>{@link PersuasionModel#analyse} encodes every unit with the transformer and then runs its
 * heads; comparing it with {@link SentenceEncoder#encodeTokens(List, int)} on the same lines shows
 * how much of its cost is the encoder and how much the heads and decoding. Units and paragraphs are
 * both the article's non-blank lines ({@link EncodedText#lines}), as PTC articles put one sentence
 * or paragraph per line. The reference runs the encoder the model's heads read (the fine-tuned
 * encoder when the model has one), with as many intra-op threads as {@code analyse} gives it (one
 * per available core). Model and encoder are loaded in setup, so neither score includes loading. A
 * score is articles per second.
 *
 * <p>Both measure the bundled model, or the model file named by the system property {@value
 * #MODEL_PROPERTY} (a model just trained with {@code parallax train persuasion}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-DOPT_OUT_TRACKING=true", "-Dai.djl.offline=true"})
public class TechniquesBenchmark {

  /** Articles per operation. */
  static final int ARTICLES = 20;

  static final String DATA = "data/semeval2020-task11-ptc/dev-articles";

  /** Batch size {@code analyse} encodes with. */
  static final int BATCH = 16;

  /** Names a persuasion model file to measure instead of the bundled one. */
  static final String MODEL_PROPERTY = "parallax.persuasion.model";

  /** One article: its text, its lines as spans and the same lines as strings. */
  record Article(String text, List<Span> lines, List<String> lineTexts) {}

  /** The 20 articles, read once per trial. */
  @State(Scope.Benchmark)
  public static class Articles {
    List<Article> articles;

    @Setup(Level.Trial)
    public void read() throws IOException {
      Path dir = SharedData.directory(DATA);
      List<Path> files;
      try (Stream<Path> listing = Files.list(dir)) {
        files =
            listing
                .filter(p -> p.getFileName().toString().endsWith(".txt"))
                .sorted()
                .limit(ARTICLES)
                .toList();
      }
      if (files.size() != ARTICLES) {
        throw new IllegalStateException(
            dir + " holds " + files.size() + " .txt articles; the benchmark needs " + ARTICLES);
      }
      List<Article> read = new ArrayList<>();
      for (Path file : files) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Span> lines = EncodedText.lines(text);
        List<String> lineTexts = new ArrayList<>();
        for (Span line : lines) {
          lineTexts.add(text.substring(line.begin(), line.end()));
        }
        read.add(new Article(text, List.copyOf(lines), List.copyOf(lineTexts)));
      }
      articles = List.copyOf(read);
    }
  }

  /** The persuasion model under test, loaded once per trial. */
  @State(Scope.Benchmark)
  public static class Model {
    PersuasionModel model;

    @Setup(Level.Trial)
    public void load() throws IOException {
      String file = System.getProperty(MODEL_PROPERTY);
      model = file == null ? PersuasionModel.bundled() : PersuasionModel.load(Path.of(file));
    }
  }

  /** The bare encoder, loaded once per trial. */
  @State(Scope.Benchmark)
  public static class Encoder {
    SentenceEncoder encoder;

    @Setup(Level.Trial)
    public void load() throws IOException {
      String file = System.getProperty(MODEL_PROPERTY);
      PersuasionModel model =
          file == null ? PersuasionModel.bundled() : PersuasionModel.load(Path.of(file));
      encoder = model.sentenceEncoder(Runtime.getRuntime().availableProcessors());
    }
  }

  /** The whole technique analysis: encoder, span tagger, classifier, paragraph labels. */
  @Benchmark
  @OperationsPerInvocation(ARTICLES)
  public void analyse(Articles in, Model under, Blackhole sink) {
    for (Article article : in.articles) {
      sink.consume(under.model.analyse(article.text(), article.lines(), article.lines()));
    }
  }

  /** The encoder alone on the same lines: the floor under {@link #analyse}. */
  @Benchmark
  @OperationsPerInvocation(ARTICLES)
  public void encoderOnly(Articles in, Encoder reference, Blackhole sink) {
    for (Article article : in.articles) {
      sink.consume(reference.encoder.encodeTokens(article.lineTexts(), BATCH));
    }
  }
}
