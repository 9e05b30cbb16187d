package org.parallax.persuasion.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TunedWeightsTest {

  @Test
  void bfloat16KeepsTheUpperHalfRoundedToNearestEven() {
    assertThat(TunedWeights.toBfloat16(1f)).isEqualTo((short) 0x3f80);
    assertThat(TunedWeights.toBfloat16(-2f)).isEqualTo((short) 0xc000);
    assertThat(TunedWeights.fromBfloat16(TunedWeights.toBfloat16(0f))).isZero();
    // 1 + 2^-8 lies halfway between 1 and 1 + 2^-7: ties go to the even mantissa, 1
    assertThat(TunedWeights.fromBfloat16(TunedWeights.toBfloat16(1f + 0x1p-8f))).isEqualTo(1f);
    assertThat(TunedWeights.fromBfloat16(TunedWeights.toBfloat16(1f + 0x1.8p-8f)))
        .isEqualTo(1f + 0x1p-7f);
    for (float value : new float[] {3.3e-5f, -0.0123f, 0.731f, 12.5f, -4.2e-3f}) {
      float back = TunedWeights.fromBfloat16(TunedWeights.toBfloat16(value));
      assertThat(back).isCloseTo(value, within(Math.abs(value) / 256));
    }
    assertThat(TunedWeights.fromBfloat16(TunedWeights.toBfloat16(Float.NaN))).isNaN();
  }
}
