package org.parallax.persuasion.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SiScorerTest {

  private static final Offset<Double> EPS = within(1e-9);

  private static int[] s(int begin, int end) {
    return new int[] {begin, end};
  }

  private static void assertScore(SiScore score, double p, double r, double f1) {
    assertThat(score.precision()).isCloseTo(p, EPS);
    assertThat(score.recall()).isCloseTo(r, EPS);
    assertThat(score.f1()).isCloseTo(f1, EPS);
  }

  @Test
  void exactMatchIsPerfect() {
    Map<String, List<int[]>> gold = Map.of("a", List.of(s(0, 10), s(20, 25)));
    assertScore(SiScorer.score(gold, gold), 1, 1, 1);
  }

  @Test
  void partialOverlapEarnsPartialCredit() {
    // s = [5,15), t = [0,10): |s∩t| = 5. P = 5/10 = 0.5, R = 5/10 = 0.5, F1 = 0.5.
    assertScore(
        SiScorer.score(Map.of("a", List.of(s(0, 10))), Map.of("a", List.of(s(5, 15)))),
        0.5,
        0.5,
        0.5);
  }

  @Test
  void oneSpanOverTwoGoldSpans() {
    // s = [5,25) (20 chars); t1 = [0,10), t2 = [20,30): |s∩t1| = 5, |s∩t2| = 5.
    // P = (5/20 + 5/20) / 1 = 0.5; R = (5/10 + 5/10) / 2 = 0.5; F1 = 0.5.
    assertScore(
        SiScorer.score(Map.of("a", List.of(s(0, 10), s(20, 30))), Map.of("a", List.of(s(5, 25)))),
        0.5,
        0.5,
        0.5);
  }

  @Test
  void overlappingSpansAreMergedFirst() {
    // Gold [0,10) and [5,20) overlap and merge into [0,20), so |T| = 1. s = [10,30): |s∩t| = 10.
    // P = 10/20 = 0.5; R = 10/20 = 0.5 (unmerged it would be (0/10 + 10/15) / 2 = 1/3).
    assertScore(
        SiScorer.score(Map.of("a", List.of(s(0, 10), s(5, 20))), Map.of("a", List.of(s(10, 30)))),
        0.5,
        0.5,
        0.5);
  }

  @Test
  void identicalDuplicatesCountOnce() {
    // The same fragment labelled with two techniques is one span after merging: P = R = 1.
    assertScore(
        SiScorer.score(Map.of("a", List.of(s(3, 8), s(3, 8))), Map.of("a", List.of(s(3, 8)))),
        1,
        1,
        1);
  }

  @Test
  void touchingSpansAreNotMerged() {
    // Gold [0,2) and [2,10) share no character, so |T| = 2. s = [0,2).
    // P = (2/2) / 1 = 1; R = (2/2 + 0) / 2 = 0.5; F1 = 2 * 1 * 0.5 / 1.5 = 2/3.
    // (Merged into [0,10) R would be 2/10.)
    assertScore(
        SiScorer.score(Map.of("a", List.of(s(0, 2), s(2, 10))), Map.of("a", List.of(s(0, 2)))),
        1,
        0.5,
        2.0 / 3);
    // Same on the predicted side: s1 = [0,2), s2 = [2,10), t = [0,2).
    // P = (2/2 + 0) / 2 = 0.5; R = (2/2) / 1 = 1; F1 = 2/3.
    assertScore(
        SiScorer.score(Map.of("a", List.of(s(0, 2))), Map.of("a", List.of(s(0, 2), s(2, 10)))),
        0.5,
        1,
        2.0 / 3);
  }

  @Test
  void chainedOverlapsMergeIntoOneSpan() {
    // [0,5), [3,7), [5,10): [0,5)∩[3,7) and [3,7)∩[5,10) are non-empty, so all three become
    // [0,10) even though [0,5) and [5,10) only touch.
    List<int[]> merged = SiScorer.merge(List.of(s(5, 10), s(0, 5), s(3, 7)), "test");
    assertThat(merged).hasSize(1);
    assertThat(merged.get(0)).containsExactly(0, 10);
  }

  @Test
  void noPredictionsScoresZero() {
    // |S| = 0 so P = 0; nothing covered so R = 0 / 1 = 0; F1 = 0.
    assertScore(SiScorer.score(Map.of("a", List.of(s(0, 10))), Map.of()), 0, 0, 0);
    assertScore(SiScorer.score(Map.of("a", List.of(s(0, 10))), Map.of("a", List.of())), 0, 0, 0);
  }

  @Test
  void noGoldScoresZero() {
    // |T| = 0 so R = 0; the prediction covers no gold so P = 0 / 1 = 0.
    assertScore(SiScorer.score(Map.of(), Map.of("a", List.of(s(0, 10)))), 0, 0, 0);
  }

  @Test
  void nothingToFindAndNothingFoundIsPerfectAsInTheOfficialScript() {
    assertScore(SiScorer.score(Map.of("a", List.of()), Map.of()), 0, 0, 1);
  }

  @Test
  void goldArticlesWithoutPredictionsCountInRecall() {
    // t_a = [0,10), t_b = [0,10); s_a = [0,10). P = 1/1 = 1; R = (1 + 0) / 2 = 0.5; F1 = 2/3.
    assertScore(
        SiScorer.score(
            Map.of("a", List.of(s(0, 10)), "b", List.of(s(0, 10))), Map.of("a", List.of(s(0, 10)))),
        1,
        0.5,
        2.0 / 3);
  }

  @Test
  void predictionsInArticlesWithoutGoldCountInPrecision() {
    // s_a = [0,10) matches t_a fully; s_b = [0,4) has no gold. P = (1 + 0) / 2 = 0.5; R = 1;
    // F1 = 2/3.
    assertScore(
        SiScorer.score(
            Map.of("a", List.of(s(0, 10))), Map.of("a", List.of(s(0, 10)), "b", List.of(s(0, 4)))),
        0.5,
        1,
        2.0 / 3);
  }

  @Test
  void spansOnlyMeetWithinOneArticle() {
    assertScore(
        SiScorer.score(Map.of("a", List.of(s(0, 10))), Map.of("b", List.of(s(0, 10)))), 0, 0, 0);
  }

  @Test
  void rejectsEmptyOrMalformedSpans() {
    assertThatThrownBy(() -> SiScorer.score(Map.of("a", List.of(s(4, 4))), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gold spans of article a");
    assertThatThrownBy(
            () -> SiScorer.score(Map.of(), Map.of("a", List.<int[]>of(new int[] {1, 2, 3}))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void doesNotModifyItsInput() {
    int[] first = s(0, 5);
    int[] second = s(3, 9);
    SiScorer.score(Map.of("a", List.of(first, second)), Map.of("a", List.of(s(0, 1))));
    assertThat(first).containsExactly(0, 5);
    assertThat(second).containsExactly(3, 9);
  }
}
