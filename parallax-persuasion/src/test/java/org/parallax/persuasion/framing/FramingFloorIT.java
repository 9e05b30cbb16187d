package org.parallax.persuasion.framing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.persuasion.data.SemEval2023Labels;
import org.parallax.persuasion.genre.GenreModel;

/**
 * The committed framing model stays at or above its floor in {@code eval/floors.json}: micro-F1 on
 * the fixed validation split of SemEval-2023 subtask 2 (all six languages), which it was not
 * trained on.
 */
class FramingFloorIT {

  @Test
  void validationMicroF1StaysAboveItsFloor() throws IOException {
    Path semeval =
        Path.of(System.getProperty("parallax.shared", "../../shared"), "data", "semeval2023-task3");
    Assumptions.assumeTrue(
        Files.isRegularFile(semeval.resolve("en").resolve("train-labels-subtask-2.txt")),
        "the SemEval-2023 data is not under " + semeval + "; skipping the framing floor");
    JsonNode floor =
        Json.MAPPER
            .readTree(
                Path.of(System.getProperty("parallax.root", ".."), "eval", "floors.json").toFile())
            .path("framing");
    List<SemEval2023Labels.Article> validation = FramingTraining.validation(semeval);
    assertThat(validation).hasSize(floor.path("validationArticles").asInt());
    FramingScore score = FramingTraining.score(FrameModel.bundled(), validation);
    assertThat(score.all().microF1())
        .as("framing validation micro-F1\n%s", score.table())
        .isGreaterThanOrEqualTo(floor.path("validationMicroF1").asDouble());
    assertThat(score.byLanguage()).containsOnlyKeys(GenreModel.LANGUAGES);
  }
}
