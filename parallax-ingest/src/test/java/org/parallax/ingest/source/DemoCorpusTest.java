package org.parallax.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.core.pipeline.Input;
import org.parallax.core.pipeline.InputException;

/** Ingests our own demo corpus (examples/corpus) and checks it against examples/expected.json. */
class DemoCorpusTest {

  private static Path corpus;
  private static JsonNode expected;
  private static final Map<String, Document> documents = new HashMap<>();

  @BeforeAll
  static void ingest() throws IOException, InputException {
    String root = System.getProperty("parallax.root");
    assumeTrue(root != null, "parallax.root is not set; run through Maven");
    corpus = Path.of(root, "examples", "corpus");
    assumeTrue(Files.isDirectory(corpus), "no demo corpus at " + corpus);
    expected =
        Json.MAPPER.readTree(corpus.resolveSibling("expected.json").toFile()).path("documents");
    List<String> articles = new ArrayList<>();
    try (Stream<Path> files = Files.list(corpus)) {
      files
          .filter(f -> f.toString().matches(".*\\.(txt|html|jsonl)$"))
          .sorted()
          .forEach(f -> articles.add(f.toString()));
    }
    try (SourceBatch batch = Sources.open(articles, IngestConfig.DEFAULTS)) {
      for (var inputs = batch.inputs(); inputs.hasNext(); ) {
        Input input = inputs.next();
        Document doc = input.read();
        String file = Path.of(input.origin().replaceFirst("#\\d+$", "")).getFileName().toString();
        String key = file.endsWith(".jsonl") ? file + "#" + doc.source().inputId() : file;
        documents.put(key, doc);
      }
    }
  }

  @Test
  void everyExpectedDocumentIsIngested() {
    List<String> keys = new ArrayList<>();
    expected.fieldNames().forEachRemaining(keys::add);

    assertThat(documents.keySet()).containsExactlyInAnyOrderElementsOf(keys);
  }

  @Test
  void metadataMatchesTheGroundTruth() {
    SoftAssertions soft = new SoftAssertions();
    expected
        .properties()
        .forEach(
            entry -> {
              Document doc = documents.get(entry.getKey());
              JsonNode truth = entry.getValue();
              String name = entry.getKey();
              soft.assertThat(doc.metadata().title())
                  .as(name + " title")
                  .isEqualTo(truth.path("title").asText());
              soft.assertThat(doc.metadata().authors())
                  .as(name + " authors")
                  .isEqualTo(Json.MAPPER.convertValue(truth.path("authors"), List.class));
              soft.assertThat(doc.metadata().outlet())
                  .as(name + " outlet")
                  .isEqualTo(text(truth, "outlet"));
              String published = text(truth, "published");
              if (published == null) {
                soft.assertThat(doc.metadata().published()).as(name + " published").isNull();
              } else {
                // the page may state a time as well; the ground truth lists the day
                soft.assertThat(doc.metadata().published())
                    .as(name + " published")
                    .startsWith(published);
              }
              if (name.endsWith(".html")) {
                soft.assertThat(doc.metadata().languageHint())
                    .as(name + " lang")
                    .isEqualTo(text(truth, "language"));
              }
            });
    soft.assertAll();
  }

  @Test
  void noBoilerplateMetadataLineOrStrayTagIsLeftInTheText() {
    SoftAssertions soft = new SoftAssertions();
    expected
        .properties()
        .forEach(
            entry -> {
              Document doc = documents.get(entry.getKey());
              JsonNode truth = entry.getValue();
              List<String> lines =
                  Arrays.stream(doc.text().split("\n")).map(String::strip).toList();
              for (String field : List.of("boilerplate", "metadataLines")) {
                truth
                    .path(field)
                    .forEach(
                        line ->
                            soft.assertThat(lines)
                                .as(entry.getKey() + " " + field)
                                .doesNotContain(line.asText()));
              }
              truth
                  .path("strayTags")
                  .forEach(
                      tag ->
                          soft.assertThat(doc.text())
                              .as(entry.getKey() + " tags")
                              .doesNotContain(tag.asText()));
              soft.assertThat(doc.text())
                  .as(entry.getKey() + " starts with its title")
                  .doesNotStartWith(truth.path("title").asText());
              soft.assertThat(doc.text())
                  .as(entry.getKey() + " paragraphs")
                  .doesNotContain("\n\n\n")
                  .isEqualTo(doc.text().strip());
            });
    soft.assertAll();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }
}
