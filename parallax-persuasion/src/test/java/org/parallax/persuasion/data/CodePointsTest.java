package org.parallax.persuasion.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodePointsTest {

  // "a", a grinning face (two chars, one code point), "b".
  private static final String EMOJI = "a\uD83D\uDE00b";

  @Test
  void charOffsetsSkipTheSecondHalfOfASurrogatePair() {
    assertThat(CodePoints.charOffsets(EMOJI)).containsExactly(0, 1, 3, 4);
    assertThat(CodePoints.charOffsets("")).containsExactly(0);
  }

  @Test
  void aByteOrderMarkIsOneCodePoint() {
    assertThat(CodePoints.charOffsets("\uFEFFab")).containsExactly(0, 1, 2, 3);
  }

  @Test
  void codePointIndexInvertsCharOffsets() {
    int[] offsets = CodePoints.charOffsets(EMOJI);
    for (int cp = 0; cp < offsets.length; cp++) {
      assertThat(CodePoints.codePointIndex(EMOJI, offsets[cp])).isEqualTo(cp);
    }
  }

  @Test
  void codePointIndexRejectsPositionsOutsideTheText() {
    assertThatThrownBy(() -> CodePoints.codePointIndex(EMOJI, 5))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> CodePoints.codePointIndex(EMOJI, -1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
