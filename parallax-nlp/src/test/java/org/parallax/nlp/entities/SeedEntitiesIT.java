package org.parallax.nlp.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.corpus.names.NameResolver;
import org.parallax.corpus.names.NameUse;
import org.parallax.corpus.names.TypedName;
import org.parallax.nlp.lang.Language;
import org.parallax.nlp.segment.Token;

/** Segment, language and entities over the five seed articles (raw text), through the SPI. */
class SeedEntitiesIT {

  private static final List<Document> analysed = new ArrayList<>();

  @BeforeAll
  static void analyseSeeds() throws IOException {
    String shared = System.getProperty("parallax.shared");
    Path seeds = shared == null ? null : Path.of(shared, "corpora", "seeds");
    assumeTrue(
        seeds != null && Files.isDirectory(seeds),
        "skipped: the seed corpus is not at <parallax.shared>/corpora/seeds");
    Map<String, AnnotatorFactory> factories = AnnotatorFactory.available();
    Annotator segment = factories.get("segment").create(Map.of());
    Annotator language = factories.get("language").create(Map.of());
    Annotator entities = factories.get("entities").create(Map.of());
    List<Path> files;
    try (Stream<Path> listing = Files.list(seeds)) {
      files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    long tokens = 0;
    long nerNanos = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Document document =
          Document.of(
              Source.of(file.getFileName().toString(), file.toString(), null, "txt"),
              Metadata.EMPTY,
              text);
      document = language.annotate(segment.annotate(document));
      document = entities.annotate(document);
      analysed.add(document);
    }
    // a second, timed pass: the first one also warms up the JIT
    for (Document document : analysed) {
      long start = System.nanoTime();
      entities.annotate(document);
      nerNanos += System.nanoTime() - start;
      tokens += document.get(Token.LAYER).size();
    }
    System.out.printf(
        Locale.ROOT,
        "entities: %d tokens in %.2f s = %.0f tokens/s (one thread, warm)%n",
        tokens,
        nerNanos / 1e9,
        tokens / (nerNanos / 1e9));
  }

  @Test
  void allFiveSeedsAreEnglish() {
    assertThat(analysed).hasSize(5);
    for (Document document : analysed) {
      assertThat(document.get(Language.DOCUMENT).code())
          .as(document.source().inputId())
          .isEqualTo("en");
    }
  }

  @Test
  void soleimaniIsFoundEverywhereUnderOneCorpusName() {
    List<NameUse> uses = new ArrayList<>();
    for (Document document : analysed) {
      Map<String, Long> counts =
          document.get(Entity.LAYER).stream()
              .collect(
                  Collectors.groupingBy(
                      e -> e.type() + "\t" + e.canonical(), TreeMap::new, Collectors.counting()));
      counts.forEach(
          (key, count) -> {
            String[] parts = key.split("\t", 2);
            uses.add(new NameUse(document.id(), parts[0], parts[1], count.intValue()));
          });
    }
    Map<TypedName, String> resolved = NameResolver.resolve(uses);
    Set<String> soleimani = new java.util.TreeSet<>();
    for (Document document : analysed) {
      List<Entity> mentions =
          document.get(Entity.LAYER).stream()
              .filter(e -> document.text(e.span()).contains("Soleimani"))
              .filter(e -> e.type().equals("PERSON"))
              .toList();
      assertThat(mentions).as(document.source().inputId()).isNotEmpty();
      mentions.forEach(
          e -> soleimani.add(NameResolver.canonical(resolved, e.type(), e.canonical())));
      System.out.println(
          document.source().inputId()
              + ": "
              + document.get(Entity.LAYER).stream()
                  .map(e -> e.type() + ":" + document.text(e.span()) + "=>" + e.canonical())
                  .collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
    }
    assertThat(soleimani).containsExactly("Qasem Soleimani");
  }

  @Test
  void trumpAndZakharovaArePersons() {
    Set<String> persons =
        analysed.stream()
            .flatMap(
                d ->
                    d.get(Entity.LAYER).stream()
                        .filter(e -> e.type().equals("PERSON"))
                        .map(e -> d.text(e.span())))
            .collect(Collectors.toSet());
    assertThat(persons).anyMatch(p -> p.contains("Trump")).anyMatch(p -> p.contains("Zakharova"));
  }
}
