package org.parallax.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;

/** The command on a tiny benchmark folder of pages written for this test. */
class ExtractionEvalCommandTest {

  @TempDir Path dir;

  private static final String BODY =
      "The harbour committee met on Tuesday to discuss the new ferry timetable for the winter. "
          + "Members agreed that the early crossing would move to half past six. "
          + "The chair said the change followed a survey of regular passengers.";

  @Test
  void scoresParallaxAndReadability4jOnTheSamePagesAndWritesPredictions() throws IOException {
    Files.createDirectories(dir.resolve("html"));
    String html =
        "<html><head><title>Ferry times</title></head><body><nav><a href='/'>Home</a> <a"
            + " href='/news'>News</a></nav><article><h1>Ferry times change</h1><p>"
            + BODY
            + "</p><p>Passengers can read the timetable at the harbour office from next week, the"
            + " committee added in a short statement.</p></article><footer>© Harbour News</footer>"
            + "</body></html>";
    try (OutputStream out =
        new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/p1.html.gz")))) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(
        dir.resolve("ground-truth.json"),
        Json.MAPPER.writeValueAsString(
            Json.MAPPER
                .createObjectNode()
                .set(
                    "p1",
                    Json.MAPPER
                        .createObjectNode()
                        .put(
                            "articleBody",
                            BODY
                                + "\n\nPassengers can read the timetable at the harbour office from next week, the committee added in a short statement.")
                        .put("url", "https://harbour.example/ferry"))));
    Path predictions = dir.resolve("out/predictions.json");

    String stdout =
        captured(
            () ->
                assertThat(
                        Main.run(
                            "eval",
                            "extraction",
                            "--data",
                            dir.toString(),
                            "--json",
                            "--predictions-out",
                            predictions.toString()))
                    .isZero());

    JsonNode figures = Json.MAPPER.readTree(stdout);
    assertThat(figures.path("pages").asInt()).isEqualTo(1);
    assertThat(List.of(figures.path("systems").fieldNames().next())).containsExactly("parallax");
    for (String system : List.of("parallax", "readability4j")) {
      JsonNode scores = figures.path("systems").path(system);
      assertThat(scores.path("f1").asDouble()).as(system).isGreaterThan(0.5);
      assertThat(scores.path("pagesPerSecond").asDouble()).as(system).isPositive();
    }
    assertThat(figures.path("systems").path("parallax").path("recall").asDouble()).isEqualTo(1.0);
    JsonNode predicted = Json.MAPPER.readTree(predictions.toFile());
    assertThat(predicted.path("p1").path("articleBody").asText()).contains("half past six");
  }

  @Test
  void aFolderWithoutGroundTruthIsAUsageError() {
    assertThat(Main.run("eval", "extraction", "--data", dir.toString())).isEqualTo(2);
  }

  private interface Action {
    void run() throws IOException;
  }

  private static String captured(Action action) throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
