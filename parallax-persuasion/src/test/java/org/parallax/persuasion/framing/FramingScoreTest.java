package org.parallax.persuasion.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FramingScoreTest {

  @Test
  void microF1CountsEveryArticleFrameDecision() {
    List<FramingScore.Pair> pairs =
        List.of(
            new FramingScore.Pair(Set.of("Economic", "Political"), Set.of("Economic")),
            new FramingScore.Pair(Set.of("Morality"), Set.of("Morality", "Political")),
            new FramingScore.Pair(Set.of(), Set.of()));
    FramingScore score = FramingScore.of(pairs, List.of("en", "en", "fr"));
    // tp 2 (Economic, Morality), gold 3, predicted 3
    assertThat(score.all().microF1()).isCloseTo(2 * 2 / 6.0, within(1e-9));
    // Economic 1.0, Morality 1.0, Political 0 (one missed, one wrong)
    assertThat(score.all().macroF1()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(score.all().f1()).containsEntry("Political", 0.0);
    assertThat(score.byLanguage().get("fr").microF1()).isZero();
    assertThat(score.table()).contains("Political").contains("all");
  }

  @Test
  void labelFieldsSplitOnCommas() {
    assertThat(FramingTraining.frames("Economic, Political,,Morality"))
        .containsExactly("Economic", "Political", "Morality");
    assertThat(FramingTraining.frames(null)).isEmpty();
    assertThat(FramingTraining.frames("")).isEmpty();
  }
}
