package org.parallax.persuasion.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.parallax.persuasion.data.SpanKey;

class TcScorerTest {

  private static final Offset<Double> EPS = within(1e-9);

  @Test
  void alignedLabelsScoreAccuracy() {
    // Positions: A=A ok, B->A wrong, A=A ok, C->B wrong. Accuracy 2/4 = 0.5.
    TcScore score = TcScorer.score(List.of("A", "B", "A", "C"), List.of("A", "A", "A", "B"));
    assertThat(score.correct()).isEqualTo(2);
    assertThat(score.precision()).isCloseTo(0.5, EPS);
    assertThat(score.recall()).isCloseTo(0.5, EPS);
    assertThat(score.microF1()).isCloseTo(0.5, EPS);
    // A: tp 2, fp 1 (position 1), fn 0 -> P 2/3, R 1, F1 = 2*(2/3)/(5/3) = 0.8.
    LabelScore a = score.technique("A").orElseThrow();
    assertThat(a.truePositives()).isEqualTo(2);
    assertThat(a.falsePositives()).isEqualTo(1);
    assertThat(a.support()).isEqualTo(2);
    assertThat(a.precision()).isCloseTo(2.0 / 3, EPS);
    assertThat(a.recall()).isCloseTo(1, EPS);
    assertThat(a.f1()).isCloseTo(0.8, EPS);
    // B: tp 0, fp 1 (position 3), fn 1 (position 1) -> all 0.
    LabelScore b = score.technique("B").orElseThrow();
    assertThat(b.f1()).isZero();
    assertThat(b.support()).isEqualTo(1);
    // C: never predicted, missed once -> P 0 (no predictions), R 0, F1 0.
    LabelScore c = score.technique("C").orElseThrow();
    assertThat(c.predicted()).isZero();
    assertThat(c.f1()).isZero();
    assertThat(score.perTechnique()).extracting(LabelScore::label).containsExactly("A", "B", "C");
  }

  @Test
  void goldAgainstItselfIsPerfect() {
    List<String> gold = List.of("A", "B", "B", "C");
    TcScore score = TcScorer.score(gold, gold);
    assertThat(score.microF1()).isEqualTo(1.0);
    assertThat(score.perTechnique()).allSatisfy(s -> assertThat(s.f1()).isEqualTo(1.0));
  }

  @Test
  void alignedListsMustMatchInLength() {
    assertThatThrownBy(() -> TcScorer.score(List.of("A"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 gold labels but 0 predictions");
  }

  @Test
  void labelsOfOneFragmentMatchInAnyOrder() {
    SpanKey k1 = new SpanKey("1", 0, 5);
    SpanKey k2 = new SpanKey("1", 10, 20);
    SpanKey k3 = new SpanKey("2", 0, 5);
    SpanKey k4 = new SpanKey("2", 7, 9);
    // k1: gold {A,B} vs {B,A} -> 2 correct. k2: A vs C -> 0. k3: gold B, not predicted.
    // k4: predicted A, no gold. Gold 4 labels, predicted 4, correct 2: P = R = F1 = 0.5.
    TcScore score =
        TcScorer.scoreBySpan(
            Map.of(k1, List.of("A", "B"), k2, List.of("A"), k3, List.of("B")),
            Map.of(k1, List.of("B", "A"), k2, List.of("C"), k4, List.of("A")));
    assertThat(score.gold()).isEqualTo(4);
    assertThat(score.predicted()).isEqualTo(4);
    assertThat(score.correct()).isEqualTo(2);
    assertThat(score.microF1()).isCloseTo(0.5, EPS);
    // A: tp 1 (k1), fn 1 (k2), fp 1 (k4) -> P 0.5, R 0.5.
    LabelScore a = score.technique("A").orElseThrow();
    assertThat(a.precision()).isCloseTo(0.5, EPS);
    assertThat(a.recall()).isCloseTo(0.5, EPS);
  }

  @Test
  void repeatedLabelsOnOneFragmentAreAMultiset() {
    // Gold {A, A} on one fragment, predicted {A}: one match. P = 1/1, R = 1/2, F1 = 2/3.
    SpanKey k = new SpanKey("1", 0, 5);
    TcScore score = TcScorer.scoreBySpan(Map.of(k, List.of("A", "A")), Map.of(k, List.of("A")));
    assertThat(score.precision()).isCloseTo(1, EPS);
    assertThat(score.recall()).isCloseTo(0.5, EPS);
    assertThat(score.microF1()).isCloseTo(2.0 / 3, EPS);
  }

  @Test
  void noPredictionsScoresZeroAndNothingAtAllScoresOne() {
    SpanKey k = new SpanKey("1", 0, 5);
    assertThat(TcScorer.scoreBySpan(Map.of(k, List.of("A")), Map.of()).microF1()).isZero();
    assertThat(TcScorer.scoreBySpan(Map.of(), Map.of()).microF1()).isEqualTo(1.0);
  }
}
