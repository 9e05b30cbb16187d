package org.parallax.corpus.outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogOddsTest {

  // Worked by hand: y_i = 10, n_i = 100, y_j = 2, n_j = 200, α_w = 1, α0 = 10.
  //   δ  = ln(11 / (100 + 10 - 10 - 1)) - ln(3 / (200 + 10 - 2 - 1))
  //      = ln(11/99) - ln(3/207) = -2.197225 + 4.234107 = 2.036882
  //   σ² = 1/11 + 1/3 = 0.424242
  //   z  = 2.036882 / 0.651339 = 3.127223
  @Test
  void matchesTheHandComputedExample() {
    assertThat(LogOdds.delta(10, 100, 2, 200, 1, 10)).isCloseTo(2.036882, within(1e-6));
    assertThat(LogOdds.variance(10, 2, 1)).isCloseTo(0.424242, within(1e-6));
    assertThat(LogOdds.z(10, 100, 2, 200, 1, 10)).isCloseTo(3.127223, within(1e-6));
  }

  @Test
  void equalRatesGiveZeroAndSwappingGroupsFlipsTheSign() {
    assertThat(LogOdds.delta(5, 100, 5, 100, 2, 50)).isZero();
    assertThat(LogOdds.delta(2, 200, 10, 100, 1, 10))
        .isCloseTo(-LogOdds.delta(10, 100, 2, 200, 1, 10), within(1e-12));
  }

  @Test
  void topRanksOverUsedWordsAndComputesThePriorFromTheBackground() {
    Map<String, Integer> group = Map.of("martyr", 10, "city", 5);
    Map<String, Integer> rest = Map.of("martyr", 2, "city", 40, "terrorist", 30);
    Map<String, Integer> background = Map.of("martyr", 12, "city", 45, "terrorist", 30);
    List<WordContrast> top =
        LogOdds.top(group, w -> rest.getOrDefault(w, 0), 72, background, 87, 10, 5);

    assertThat(top).extracting(WordContrast::word).containsExactly("martyr");
    WordContrast martyr = top.get(0);
    double alpha = 10.0 * 12 / 87;
    assertThat(martyr.z()).isCloseTo(LogOdds.z(10, 15, 2, 72, alpha, 10), within(1e-4));
    assertThat(martyr.count()).isEqualTo(10);
    assertThat(martyr.otherCount()).isEqualTo(2);
  }
}
