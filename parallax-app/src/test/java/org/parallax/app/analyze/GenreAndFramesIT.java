package org.parallax.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;

/**
 * The opt-in {@code genre} and {@code frames} annotators through the real command line on our demo
 * corpus: each article in a language the models read gets a genre and its frames with their
 * probabilities and evidence, others a diagnostic; outlet profiles get their genre mix and frame
 * shares; the report shows them.
 */
class GenreAndFramesIT {

  @TempDir Path tmp;

  @Test
  void genresAndFramesReachTheExportTheOutletProfilesAndTheReport() throws IOException {
    Path corpus = Path.of(System.getProperty("parallax.root", ".."), "examples", "corpus");
    JsonNode expected = Json.MAPPER.readTree(corpus.resolveSibling("expected.json").toFile());
    Path ws = tmp.resolve("ws");
    Path report = tmp.resolve("report");
    assertThat(
            Main.run(
                "analyze",
                corpus.toString(),
                "--annotators",
                "segment,language,genre,frames",
                "--workspace",
                ws.toString(),
                "--report",
                report.toString(),
                "--no-progress"))
        .isZero();
    Path documents = tmp.resolve("documents.jsonl");
    Path outlets = tmp.resolve("outlets.jsonl");
    assertThat(Main.run("export", "-w", ws.toString(), "--out", documents.toString())).isZero();
    assertThat(
            Main.run(
                "export", "-w", ws.toString(), "--what", "outlets", "--out", outlets.toString()))
        .isZero();

    Map<String, Integer> confusion = new TreeMap<>();
    int withGenre = 0;
    int eventArticles = 0;
    int conflictFramed = 0;
    for (JsonNode r : records(documents)) {
      String language = r.path("language").asText();
      JsonNode genre = r.path("genre");
      if (List.of("en", "fr", "de").contains(language)) {
        withGenre++;
        assertThat(genre.path("genre").asText()).isIn("opinion", "reporting", "satire");
        double sum = 0;
        for (JsonNode p : genre.path("scores")) {
          sum += p.asDouble();
        }
        assertThat(sum).isBetween(0.99, 1.01);
        assertThat(genre.path("score").asDouble())
            .isEqualTo(genre.path("scores").path(genre.path("genre").asText()).asDouble());
        assertThat(genre.path("definition").asText()).isNotBlank();
        assertThat(genre.path("evidence").size()).isPositive();
        String truth = truth(expected, r.path("inputId").asText());
        confusion.merge(truth + " -> " + genre.path("genre").asText(), 1, Integer::sum);
        double previous = 1;
        List<String> frames = new ArrayList<>();
        for (JsonNode frame : r.path("frames")) {
          assertThat(frame.path("score").asDouble()).isLessThanOrEqualTo(previous);
          previous = frame.path("score").asDouble();
          assertThat(frame.path("definition").asText()).isNotBlank();
          frames.add(frame.path("frame").asText());
        }
        if (story(expected, r.path("inputId").asText()).equals("event")) {
          eventArticles++;
          if (frames.contains("Security_and_defense") || frames.contains("Political")) {
            conflictFramed++;
          }
        }
      } else {
        assertThat(r.path("frames").size()).isZero();
        assertThat(genre.isMissingNode() || genre.isNull())
            .as("genre of a %s article", language)
            .isTrue();
        List<String> stages = new ArrayList<>();
        for (JsonNode d : r.path("diagnostics")) {
          stages.add(d.path("stage").asText());
        }
        assertThat(stages).contains("genre", "frames");
      }
    }
    System.out.println("demo genres (our label -> model): " + confusion);
    assertThat(withGenre).isEqualTo(11);
    // the opinion pieces (editorials, analyses, commentary) are the model's strong side; the news
    // reports are its known weak side (docs/MODEL-CARD-genre.md), not asserted here
    assertThat(confusion.getOrDefault("opinion -> opinion", 0)).isGreaterThanOrEqualTo(5);
    // the articles on the demo's maritime dispute are framed as security or politics
    System.out.println(
        "demo event articles framed as security or politics: "
            + conflictFramed
            + " of "
            + eventArticles);
    assertThat(eventArticles).isEqualTo(10);
    assertThat(conflictFramed).isGreaterThanOrEqualTo(9);

    int profiled = 0;
    for (JsonNode o : records(outlets)) {
      assertThat(o.path("layers").has("genres")).isEqualTo(o.path("layers").has("frames"));
      JsonNode genres = o.path("layers").path("genres");
      if (!genres.isMissingNode()) {
        profiled++;
        double sum = 0;
        for (JsonNode share : genres) {
          sum += share.asDouble();
        }
        assertThat(sum).isBetween(0.98, 1.02);
      }
    }
    assertThat(profiled).isGreaterThanOrEqualTo(5);

    try (Stream<Path> pages = Files.list(report.resolve("articles"))) {
      assertThat(
              pages
                  .filter(
                      p ->
                          read(p).contains("<dt>Genre</dt>") && read(p).contains("<dt>Frames</dt>"))
                  .count())
          .isEqualTo(11);
    }
    try (Stream<Path> pages = Files.list(report.resolve("outlets"))) {
      assertThat(
              pages
                  .filter(
                      p -> read(p).contains("id=\"genres\"") && read(p).contains("id=\"frames\""))
                  .count())
          .isPositive();
    }
  }

  /** Our label for the demo document, as opinion or reporting (editorials and analyses argue). */
  private static String truth(JsonNode expected, String inputId) {
    var it = expected.path("documents").fields();
    while (it.hasNext()) {
      var entry = it.next();
      String key = entry.getKey();
      String id = key.contains("#") ? key.substring(key.indexOf('#') + 1) : "/" + key;
      if (inputId.equals(id) || inputId.endsWith(id)) {
        return entry.getValue().path("genre").asText().contains("news") ? "reporting" : "opinion";
      }
    }
    throw new AssertionError("no expected entry for " + inputId);
  }

  /** The story label our truth gives the demo document. */
  private static String story(JsonNode expected, String inputId) {
    var it = expected.path("documents").fields();
    while (it.hasNext()) {
      var entry = it.next();
      String key = entry.getKey();
      String id = key.contains("#") ? key.substring(key.indexOf('#') + 1) : "/" + key;
      if (inputId.equals(id) || inputId.endsWith(id)) {
        return entry.getValue().path("story").asText();
      }
    }
    throw new AssertionError("no expected entry for " + inputId);
  }

  private static List<JsonNode> records(Path file) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      records.add(Json.MAPPER.readTree(line));
    }
    return records;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
