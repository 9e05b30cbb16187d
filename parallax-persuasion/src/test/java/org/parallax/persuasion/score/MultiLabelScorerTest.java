package org.parallax.persuasion.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.parallax.persuasion.data.LineKey;

class MultiLabelScorerTest {

  private static final Offset<Double> EPS = within(1e-9);
  private static final LineKey L1 = new LineKey("7", 1);
  private static final LineKey L2 = new LineKey("7", 3);
  private static final LineKey L3 = new LineKey("8", 1);
  private static final LineKey L4 = new LineKey("8", 2);

  private static final Map<LineKey, Set<String>> GOLD =
      Map.of(L1, Set.of("A"), L2, Set.of("A", "B"), L3, Set.of());

  // L3 has no prediction (counts as empty); L4 is not a gold line (ignored); X is not a class.
  private static final Map<LineKey, Set<String>> PREDICTED =
      Map.of(L1, Set.of("A", "X"), L2, Set.of("B", "C"), L4, Set.of("A"));

  @Test
  void microAndMacroAsTheOfficialScorer() {
    // A: L1 tp, L2 fn -> tp 1 fp 0 fn 1: P 1, R 0.5, F1 = 2/(2+0+1) = 2/3.
    // B: L2 tp -> P = R = F1 = 1.
    // C: L2 fp -> P 0, R = 0/0 -> 1 (zero_division=1), F1 = 0/(0+1+0) = 0.
    // Micro: tp 2, fp 1, fn 1 -> P 2/3, R 2/3, F1 4/6 = 2/3. Macro: (2/3 + 1 + 0) / 3 = 5/9.
    MultiLabelScore score = MultiLabelScorer.score(GOLD, PREDICTED, List.of("A", "B", "C"));
    assertThat(score.lines()).isEqualTo(3);
    assertThat(score.truePositives()).isEqualTo(2);
    assertThat(score.falsePositives()).isEqualTo(1);
    assertThat(score.falseNegatives()).isEqualTo(1);
    assertThat(score.microPrecision()).isCloseTo(2.0 / 3, EPS);
    assertThat(score.microRecall()).isCloseTo(2.0 / 3, EPS);
    assertThat(score.microF1()).isCloseTo(2.0 / 3, EPS);
    assertThat(score.macroF1()).isCloseTo(5.0 / 9, EPS);
    LabelScore a = score.label("A").orElseThrow();
    assertThat(a.precision()).isCloseTo(1, EPS);
    assertThat(a.recall()).isCloseTo(0.5, EPS);
    assertThat(a.f1()).isCloseTo(2.0 / 3, EPS);
    LabelScore c = score.label("C").orElseThrow();
    assertThat(c.precision()).isZero();
    assertThat(c.recall()).isEqualTo(1.0);
    assertThat(c.f1()).isZero();
    assertThat(score.label("X")).isEmpty();
  }

  @Test
  void aClassNeverSeenOrPredictedCountsAsPerfectInMacro() {
    // Same as above plus D with no gold and no prediction: F1 1 by zero_division=1.
    // Macro = (2/3 + 1 + 0 + 1) / 4 = 2/3; micro unchanged.
    MultiLabelScore score = MultiLabelScorer.score(GOLD, PREDICTED, List.of("A", "B", "C", "D"));
    assertThat(score.macroF1()).isCloseTo(2.0 / 3, EPS);
    assertThat(score.microF1()).isCloseTo(2.0 / 3, EPS);
    assertThat(score.perLabel()).extracting(LabelScore::label).containsExactly("A", "B", "C", "D");
  }

  @Test
  void noPredictionsScoresZero() {
    // tp 0, fp 0, fn 3: P = 0/0 -> 1, R = 0, F1 = 0/(0+0+3) = 0.
    MultiLabelScore score = MultiLabelScorer.score(GOLD, Map.of(), List.of("A", "B", "C"));
    assertThat(score.microF1()).isZero();
    assertThat(score.microPrecision()).isEqualTo(1.0);
    assertThat(score.microRecall()).isZero();
  }

  @Test
  void emptyGoldAndEmptyPredictionsArePerfect() {
    MultiLabelScore score =
        MultiLabelScorer.score(Map.of(L3, Set.of()), Map.of(L3, Set.of()), List.of("A"));
    assertThat(score.microF1()).isEqualTo(1.0);
    assertThat(score.macroF1()).isEqualTo(1.0);
  }

  @Test
  void goldAgainstItselfIsPerfect() {
    MultiLabelScore score = MultiLabelScorer.score(GOLD, GOLD, List.of("A", "B", "C"));
    assertThat(score.microF1()).isEqualTo(1.0);
    assertThat(score.macroF1()).isEqualTo(1.0);
  }

  @Test
  void rejectsABadClassList() {
    assertThatThrownBy(() -> MultiLabelScorer.score(GOLD, GOLD, List.of("A", "A")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MultiLabelScorer.score(GOLD, GOLD, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
