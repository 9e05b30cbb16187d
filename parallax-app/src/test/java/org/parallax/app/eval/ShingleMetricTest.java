package org.parallax.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShingleMetricTest {

  @Test
  void tokensAreUnicodeWordRunsWithoutPunctuation() {
    assertThat(ShingleMetric.tokens("Zoë's café, naïve—déjà vu; x_1 42!"))
        .containsExactly("Zoë", "s", "café", "naïve", "déjà", "vu", "x_1", "42");
    assertThat(ShingleMetric.tokens("Москва 東京 2024")).containsExactly("Москва", "東京", "2024");
    assertThat(ShingleMetric.tokens("  ...  ")).isEmpty();
  }

  @Test
  void shinglesAreOverlappingFourGramsCounted() {
    Map<List<String>, Integer> shingles =
        ShingleMetric.shingles(List.of("a", "b", "c", "d", "a", "b", "c", "d"));
    assertThat(shingles).hasSize(4).containsEntry(List.of("a", "b", "c", "d"), 2);
  }

  @Test
  void aTextShorterThanFourWordsIsOneShorterShingleAndNoWordsIsNone() {
    assertThat(ShingleMetric.shingles(List.of("one", "two")))
        .containsExactly(Map.entry(List.of("one", "two"), 1));
    assertThat(ShingleMetric.shingles(List.of("a", "b", "c", "d")))
        .containsExactly(Map.entry(List.of("a", "b", "c", "d"), 1));
    assertThat(ShingleMetric.shingles(List.of())).isEmpty();
  }

  @Test
  void identicalWordsScoreOneWhateverThePunctuationAndSpacing() {
    ShingleMetric.PageCounts page =
        ShingleMetric.compare(
            "The cat sat on the mat.\n\nIt purred.", "the cat sat, on the mat it purred");
    // case differs in one word: \w+ keeps case, so "The" and "the" are different tokens
    assertThat(page.identical()).isFalse();
    ShingleMetric.PageCounts same =
        ShingleMetric.compare(
            "The cat sat on the mat.\n\nIt purred.", "The cat -- sat on the mat; It purred");
    assertThat(same.identical()).isTrue();
    assertThat(same.tp()).isEqualTo(1.0);
    assertThat(same.precision()).isEqualTo(1.0);
    assertThat(same.recall()).isEqualTo(1.0);
  }

  @Test
  void countsAreNormalisedByTheirSum() {
    // truth: 6 words -> 3 shingles; prediction adds two words -> 5 shingles, 3 shared
    ShingleMetric.PageCounts page =
        ShingleMetric.compare("w1 w2 w3 w4 w5 w6", "w1 w2 w3 w4 w5 w6 x1 x2");
    assertThat(page.tp()).isCloseTo(3.0 / 5, within(1e-12));
    assertThat(page.fp()).isCloseTo(2.0 / 5, within(1e-12));
    assertThat(page.fn()).isZero();
    assertThat(page.precision()).isCloseTo(3.0 / 5, within(1e-12));
    assertThat(page.recall()).isEqualTo(1.0);
  }

  @Test
  void repeatedShinglesAreAMultiset() {
    // truth has the shingle twice, prediction once: one tp, one fn
    ShingleMetric.PageCounts page = ShingleMetric.compare("a b c d a b c d", "a b c d");
    // truth shingles: abcd x2, bcda, cdab, dabc; prediction: abcd
    assertThat(page.tp()).isCloseTo(1.0 / 5, within(1e-12));
    assertThat(page.fn()).isCloseTo(4.0 / 5, within(1e-12));
    assertThat(page.fp()).isZero();
    assertThat(page.precision()).isEqualTo(1.0);
    assertThat(page.recall()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void nothingRightScoresZeroAndEmptyPagesScoreNothing() {
    ShingleMetric.PageCounts wrong = ShingleMetric.compare("alpha beta gamma delta", "one two");
    assertThat(wrong.tp()).isZero();
    assertThat(wrong.precision()).isZero();
    assertThat(wrong.recall()).isZero();

    ShingleMetric.PageCounts missed = ShingleMetric.compare("alpha beta gamma delta", "");
    assertThat(missed.tp() + missed.fp()).isZero();
    assertThat(missed.fn()).isEqualTo(1.0);

    ShingleMetric.PageCounts bothEmpty = ShingleMetric.compare("", "!!");
    assertThat(bothEmpty.tp() + bothEmpty.fp() + bothEmpty.fn()).isZero();
    assertThat(bothEmpty.identical()).isTrue();
    assertThat(bothEmpty.precision()).isEqualTo(1.0);
  }

  @Test
  void corpusMeansSkipPagesWithNothingPredictedOrNothingExpected() {
    ShingleMetric.PageCounts perfect = ShingleMetric.compare("a b c d e", "a b c d e");
    ShingleMetric.PageCounts half =
        ShingleMetric.compare("w1 w2 w3 w4 w5 w6", "w1 w2 w3 w4 w5 w6 x1 x2");
    ShingleMetric.PageCounts missed = ShingleMetric.compare("alpha beta gamma delta", "");
    ShingleMetric.PageCounts invented = ShingleMetric.compare("", "alpha beta gamma delta");
    ShingleMetric.Scores scores = ShingleMetric.aggregate(List.of(perfect, half, missed, invented));
    // precision over perfect, half, invented (missed predicted nothing): (1 + 0.6 + 0) / 3
    assertThat(scores.precision()).isCloseTo(1.6 / 3, within(1e-12));
    // recall over perfect, half, missed (invented expected nothing): (1 + 1 + 0) / 3
    assertThat(scores.recall()).isCloseTo(2.0 / 3, within(1e-12));
    double p = 1.6 / 3;
    double r = 2.0 / 3;
    assertThat(scores.f1()).isCloseTo(2 * p * r / (p + r), within(1e-12));
    assertThat(scores.accuracy()).isEqualTo(0.25);
  }

  @Test
  void noPagesScoreZero() {
    assertThat(ShingleMetric.aggregate(List.of())).isEqualTo(new ShingleMetric.Scores(0, 0, 0, 0));
  }
}
