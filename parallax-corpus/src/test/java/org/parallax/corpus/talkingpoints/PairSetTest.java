package org.parallax.corpus.talkingpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The pair set against a plain sorted set, across several growths. */
class PairSetTest {

  @Test
  void holdsEachPairOnceAcrossGrowth() {
    PairSet pairs = new PairSet();
    TreeSet<Long> expected = new TreeSet<>();
    Random random = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      int a = random.nextInt(500);
      int b = a + 1 + random.nextInt(500);
      pairs.add(a, b);
      expected.add(((long) a << 32) | b);
    }
    assertThat(pairs.size()).isEqualTo(expected.size());
    assertThat(pairs.toArray())
        .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
  }
}
