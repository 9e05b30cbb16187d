package org.parallax.nlp.quotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.Pipeline;

/** Quote attribution on the scraped seed pages, segmented and tagged by the real annotators. */
class SeedQuotesIT {

  private static Path seeds;
  private static Pipeline pipeline;

  @BeforeAll
  static void setUp() {
    String shared = System.getProperty("parallax.shared");
    seeds = shared == null ? null : Path.of(shared, "corpora", "seeds");
    assumeTrue(
        seeds != null && Files.isDirectory(seeds),
        "skipped: no seed corpus at <parallax.shared>/corpora/seeds");
    List<Annotator> steps =
        AnnotatorFactory.create(List.of("segment", "language", "entities", "quotes"), Map.of());
    pipeline = Pipeline.of(steps.toArray(Annotator[]::new));
  }

  private static List<Quote> quotesOf(String prefix) throws IOException {
    Path file;
    try (Stream<Path> files = Files.list(seeds)) {
      file =
          files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElse(null);
    }
    assumeTrue(file != null, "skipped: seed " + prefix + "* is missing");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Document document =
        pipeline.annotate(
            Document.of(
                Source.of(file.toString(), file.toString(), null, "txt"), Metadata.EMPTY, text));
    List<Quote> quotes = document.get(Quote.LAYER);
    QuoteAnnotatorTest.assertInvariants(text, quotes);
    quotes.forEach(
        q ->
            System.out.printf(
                "%s %-8s %-28s %-12s %s%n",
                prefix, q.kind(), q.speaker(), q.cue(), abbreviated(q.span().of(text))));
    return quotes;
  }

  @Test
  void spokeswomanAndPresidentInSeed002() throws IOException {
    List<Quote> quotes = quotesOf("002_");

    assertThat(quotes)
        .anySatisfy(
            q -> {
              assertThat(q.kind()).isEqualTo(Quote.DIRECT);
              assertThat(q.speaker()).contains("Zakharova");
              assertThat(q.cue()).isEqualTo("wrote");
            })
        .anySatisfy(
            q -> {
              assertThat(q.kind()).isEqualTo(Quote.DIRECT);
              assertThat(q.speaker()).contains("Trump");
              assertThat(q.cue()).isEqualTo("said");
            })
        .anySatisfy(
            q -> {
              assertThat(q.kind()).isEqualTo(Quote.REPORTED);
              assertThat(q.speaker()).containsIgnoringCase("ministry");
              assertThat(q.cue()).isEqualTo("according to");
            })
        .anySatisfy(
            q -> {
              assertThat(q.kind()).isEqualTo(Quote.REPORTED);
              assertThat(q.speaker()).contains("Foreign Ministry");
              assertThat(q.cue()).isEqualTo("stated");
            });
  }

  @Test
  void presidentAndHisPronounInSeed003() throws IOException {
    List<Quote> quotes = quotesOf("003_");

    List<Quote> trumps =
        quotes.stream().filter(q -> q.speaker() != null && q.speaker().contains("Trump")).toList();
    assertThat(trumps).extracting(Quote::kind).contains(Quote.DIRECT, Quote.REPORTED);
    assertThat(trumps).extracting(Quote::cue).containsOnly("said");
    assertThat(trumps).hasSizeGreaterThanOrEqualTo(3);
  }

  private static String abbreviated(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
  }
}
