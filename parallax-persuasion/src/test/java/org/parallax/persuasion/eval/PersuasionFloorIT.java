package org.parallax.persuasion.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.persuasion.model.PersuasionModel;

/**
 * The committed persuasion model stays at or above the floors in {@code eval/floors.json}: PTC dev
 * SI F1 and TC micro-F1 (the official metrics), and SemEval-2023 English paragraph micro-F1 on the
 * validation split.
 */
class PersuasionFloorIT {

  private static Path data;
  private static JsonNode floor;

  @BeforeAll
  static void locate() throws IOException {
    data = Path.of(System.getProperty("parallax.shared", "../../shared"), "data");
    Assumptions.assumeTrue(
        Files.isDirectory(data.resolve("semeval2020-task11-ptc").resolve("dev-articles")),
        "the PTC corpus is not under " + data + "; skipping the persuasion floors");
    Path floors = Path.of(System.getProperty("parallax.root", ".."), "eval", "floors.json");
    floor = Json.MAPPER.readTree(floors.toFile()).path("persuasion");
  }

  @Test
  void ptcDevStaysAboveItsFloors() {
    PtcEvaluation.Result result =
        PtcEvaluation.run(PersuasionModel.bundled(), data.resolve("semeval2020-task11-ptc"), "dev");
    assertThat(result.articles()).isEqualTo(75);
    assertThat(result.si().f1())
        .as("PTC dev SI F1")
        .isGreaterThanOrEqualTo(floor.path("ptcDevSiF1").asDouble());
    assertThat(result.tc().microF1())
        .as("PTC dev TC micro-F1")
        .isGreaterThanOrEqualTo(floor.path("ptcDevTcMicroF1").asDouble());
  }

  @Test
  void semEval2023ValidationStaysAboveItsFloor() {
    SemEval2023Validation.Result result =
        SemEval2023Validation.run(PersuasionModel.bundled(), data);
    assertThat(result.articles()).isEqualTo(75);
    assertThat(result.score().microF1())
        .as("SemEval-2023 en validation micro-F1")
        .isGreaterThanOrEqualTo(floor.path("semeval2023EnValidationMicroF1").asDouble());
  }
}
