package org.parallax.persuasion.genre;

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

/**
 * The committed genre model stays at or above its floor in {@code eval/floors.json}: macro-F1 on
 * the fixed validation split of SemEval-2023 subtask 1 (all six languages), which it was not
 * trained on.
 */
class GenreFloorIT {

  @Test
  void validationMacroF1StaysAboveItsFloor() throws IOException {
    Path semeval =
        Path.of(System.getProperty("parallax.shared", "../../shared"), "data", "semeval2023-task3");
    Assumptions.assumeTrue(
        Files.isRegularFile(semeval.resolve("en").resolve("train-labels-subtask-1.txt")),
        "the SemEval-2023 data is not under " + semeval + "; skipping the genre floor");
    JsonNode floor =
        Json.MAPPER
            .readTree(
                Path.of(System.getProperty("parallax.root", ".."), "eval", "floors.json").toFile())
            .path("genre");
    List<SemEval2023Labels.Article> validation = GenreTraining.validation(semeval);
    assertThat(validation).hasSize(floor.path("validationArticles").asInt());
    GenreScore score = GenreScore.of(GenreModel.bundled(), validation);
    assertThat(score.all().macroF1())
        .as("genre validation macro-F1\n%s", score.table())
        .isGreaterThanOrEqualTo(floor.path("validationMacroF1").asDouble());
    // every language is read, and opinion, the commonest genre, is told apart in each
    assertThat(score.byLanguage()).containsOnlyKeys(GenreModel.LANGUAGES);
    score.byLanguage().values().forEach(f -> assertThat(f.f1().get("opinion")).isGreaterThan(0.6));
  }
}
