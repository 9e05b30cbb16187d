package org.parallax.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;

/**
 * Parallax's article extraction on the ScrapingHub benchmark stays at or above the floor recorded
 * in {@code eval/floors.json}, on exactly the data the floor was measured on.
 */
class ExtractionFloorIT {

  @Test
  void extractionStaysAboveItsFloor() throws IOException, NoSuchAlgorithmException {
    Path data =
        Path.of(
            System.getProperty("parallax.shared", "../../shared"),
            "data",
            "article-extraction-benchmark");
    Assumptions.assumeTrue(
        Files.isRegularFile(BenchmarkPages.groundTruth(data)),
        "the article-extraction benchmark is not at " + data + "; skipping the extraction floor");
    Path floors = Path.of(System.getProperty("parallax.root", ".."), "eval", "floors.json");
    JsonNode floor = Json.MAPPER.readTree(floors.toFile()).path("extraction");

    String fingerprint = sha256(BenchmarkPages.groundTruth(data));
    if (!fingerprint.equals(floor.path("sha256").asText())) {
      fail(
          "the benchmark data changed (ground-truth.json has SHA-256 %s, the floor in %s was"
              + " measured on %s): re-measure the floor with `parallax eval extraction --data %s`"
              + " and update the file",
          fingerprint, floors, floor.path("sha256").asText(), data);
    }

    BenchmarkPages benchmark = BenchmarkPages.read(data);
    ExtractionEvaluation.Report report =
        ExtractionEvaluation.run(benchmark.pages(), List.of(ExtractionEvaluation.parallax()));
    ShingleMetric.Scores scores = report.systems().get("parallax").scores();

    assertThat(report.pages()).isEqualTo(floor.path("pages").asInt());
    assertThat(scores.f1()).as("extraction F1").isGreaterThanOrEqualTo(floor.path("f1").asDouble());
    assertThat(scores.precision())
        .as("extraction precision")
        .isGreaterThanOrEqualTo(floor.path("precision").asDouble());
    assertThat(scores.recall())
        .as("extraction recall")
        .isGreaterThanOrEqualTo(floor.path("recall").asDouble());
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
