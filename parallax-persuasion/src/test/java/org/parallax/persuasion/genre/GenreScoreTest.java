package org.parallax.persuasion.genre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GenreScoreTest {

  @Test
  void macroF1AveragesTheGenresFoundInGoldOrPredictions() {
    List<String[]> pairs =
        List.of(
            new String[] {"opinion", "opinion"},
            new String[] {"opinion", "opinion"},
            new String[] {"opinion", "reporting"},
            new String[] {"reporting", "reporting"},
            new String[] {"satire", "opinion"});
    GenreScore score = GenreScore.of(pairs, List.of("en", "en", "en", "fr", "fr"));
    // opinion: tp 2, gold 3, predicted 3 -> 0.667; reporting: tp 1, gold 1, predicted 2 -> 0.667;
    // satire: never predicted -> 0
    assertThat(score.all().macroF1()).isCloseTo((2 / 3.0 + 2 / 3.0 + 0) / 3, within(1e-9));
    assertThat(score.all().accuracy()).isCloseTo(0.6, within(1e-9));
    // English has no satire in gold or predictions: it is not averaged in; its one "reporting"
    // is a wrong prediction (F1 0), opinion has tp 2, gold 3, predicted 2 (F1 0.8)
    assertThat(score.byLanguage().get("en").f1()).containsOnlyKeys("opinion", "reporting");
    assertThat(score.byLanguage().get("en").macroF1()).isCloseTo((0.8 + 0) / 2, within(1e-9));
    assertThat(score.table()).contains("en").contains("fr").contains("all");
  }

  @Test
  void pooledScoresHaveNoLanguages() {
    GenreScore score = GenreScore.pooled(List.<String[]>of(new String[] {"satire", "satire"}));
    assertThat(score.byLanguage()).isEmpty();
    assertThat(score.all().macroF1()).isEqualTo(1.0);
  }
}
