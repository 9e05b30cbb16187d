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
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.Pipeline;

/** {@code quotes.attribution=corenlp}: CoreNLP's quote attribution with coreference (slow). */
class CorefQuotesIT {

  private static final Map<String, Map<String, String>> CORENLP =
      Map.of("quotes", Map.of("attribution", "corenlp"));

  private static Pipeline coref;

  @BeforeAll
  static void setUp() {
    List<Annotator> steps =
        AnnotatorFactory.create(List.of("segment", "language", "entities", "quotes"), CORENLP);
    coref = Pipeline.of(steps.toArray(Annotator[]::new));
  }

  private static Document annotate(String name, String text) {
    long start = System.nanoTime();
    Document document =
        coref.annotate(Document.of(Source.of(name, name, null, "txt"), Metadata.EMPTY, text));
    System.out.printf(
        "corenlp quotes: %s, %d chars, %d ms%n",
        name, text.length(), (System.nanoTime() - start) / 1_000_000);
    List<Quote> quotes = document.get(Quote.LAYER);
    QuoteAnnotatorTest.assertInvariants(text, quotes);
    quotes.forEach(
        q ->
            System.out.printf(
                "  %-8s %-24s %-10s %s%n",
                q.kind(), q.speaker(), q.cue(), q.span().of(text).replaceAll("\\s+", " ")));
    return document;
  }

  @Test
  void pronounInTheNextParagraphIsResolvedByCoreference() {
    // The rules give "she" to the nearest earlier person who spoke, the deputy; coreference knows
    // he is a man and links "she" to the minister.
    String text =
        "Elena Varga, the Ruritanian transport minister, spoke to reporters in Tallinn on Monday."
            + " “The bridge over the Narva will reopen before the winter,” Varga said.\n\n"
            + "Her deputy Tomas Berg said the timetable was optimistic. Varga disagreed with him."
            + " She added: “Nobody in this government will accept another delay.”";
    Document document = annotate("varga", text);
    List<Quote> quotes = document.get(Quote.LAYER);

    String added = "Nobody in this government will accept another delay.";
    assertThat(quotes)
        .filteredOn(q -> q.span().of(text).equals(added))
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.kind()).isEqualTo(Quote.DIRECT);
              assertThat(q.speaker()).isEqualTo("Elena Varga");
              assertThat(q.speakerSpan().of(text)).isEqualTo("She");
              assertThat(q.cue()).isEqualTo("added");
            });
    assertThat(quotes)
        .filteredOn(q -> q.span().of(text).startsWith("The bridge"))
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.speaker()).isEqualTo("Elena Varga");
              assertThat(q.speakerSpan().of(text)).isEqualTo("Varga");
              assertThat(q.cue()).isEqualTo("said");
            });
  }

  @Test
  void reportedSpeechIsStillFoundByTheRules() {
    String text =
        "The harbour will stay closed until March, according to the port authority. “We have no"
            + " other choice this year,” said Piotr Nowak, its director.";
    List<Quote> quotes = annotate("harbour", text).get(Quote.LAYER);

    assertThat(quotes)
        .anySatisfy(
            q -> {
              assertThat(q.kind()).isEqualTo(Quote.REPORTED);
              assertThat(q.cue()).isEqualTo("according to");
            })
        .anySatisfy(
            q -> {
              assertThat(q.kind()).isEqualTo(Quote.DIRECT);
              assertThat(q.speaker()).isEqualTo("Piotr Nowak");
            });
  }

  @Test
  void aDocumentInAnotherLanguageKeepsTheRulesAndSaysWhy() {
    String text =
        "„Wir werden die Brücke vor dem Winter wieder öffnen“, sagte die Ministerin am Montag in"
            + " der Hauptstadt. Die Opposition glaubt ihr das nicht und verlangt einen Zeitplan.";
    Document document = annotate("german", text);

    assertThat(document.find(Diagnostic.LAYER).orElse(List.of()))
        .anySatisfy(
            d -> {
              assertThat(d.stage()).isEqualTo("quotes");
              assertThat(d.message()).contains("'de'").contains("rules");
            });
    assertThat(document.get(Quote.LAYER)).isNotEmpty();
  }

  @Test
  void seedSpeakersSurviveAndTimePerArticleIsPrinted() throws IOException {
    String shared = System.getProperty("parallax.shared");
    Path seeds = shared == null ? null : Path.of(shared, "corpora", "seeds");
    assumeTrue(
        seeds != null && Files.isDirectory(seeds),
        "skipped: no seed corpus at <parallax.shared>/corpora/seeds");
    List<Path> files;
    try (Stream<Path> listing = Files.list(seeds)) {
      files = listing.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    Path seed002 =
        files.stream()
            .filter(f -> f.getFileName().toString().startsWith("002_"))
            .findFirst()
            .orElse(null);
    assumeTrue(seed002 != null, "skipped: seed 002_* is missing");
    // Load the models outside the timings.
    annotate("warm-up", "“We will rebuild the bridge this year,” the mayor said.");
    long total = 0;
    List<Quote> quotes002 = List.of();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      long start = System.nanoTime();
      Document document = annotate(file.getFileName().toString(), text);
      total += System.nanoTime() - start;
      if (file.equals(seed002)) {
        quotes002 = document.get(Quote.LAYER);
      }
    }
    System.out.printf(
        "corenlp quotes: %d seed articles, %d ms per article on average%n",
        files.size(), total / 1_000_000 / files.size());

    assertThat(quotes002)
        .anySatisfy(
            q -> {
              assertThat(q.kind()).isEqualTo(Quote.DIRECT);
              assertThat(q.speaker()).contains("Zakharova");
            })
        .anySatisfy(
            q -> {
              assertThat(q.kind()).isEqualTo(Quote.DIRECT);
              assertThat(q.speaker()).contains("Trump");
            })
        .anySatisfy(
            q -> {
              assertThat(q.kind()).isEqualTo(Quote.REPORTED);
              assertThat(q.speaker()).contains("Foreign Ministry");
            });
  }
}
