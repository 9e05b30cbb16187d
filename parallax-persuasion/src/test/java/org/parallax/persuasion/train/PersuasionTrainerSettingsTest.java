package org.parallax.persuasion.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parallax.nlp.encoder.SentenceEncoder;

class PersuasionTrainerSettingsTest {

  @Test
  void eachWithChangesItsOwnSettingAndKeepsTheOthers() {
    PersuasionTrainer.Settings changed =
        PersuasionTrainer.Settings.defaults()
            .withSeed(7)
            .withEncoder(SentenceEncoder.Model.BGE_SMALL_EN)
            .withFineTuningEpochs(2)
            .withTunedTopLayers(3)
            .withSecondOpinion(SentenceEncoder.Model.BGE_SMALL_EN)
            .withMembers(2)
            .withClassifierMembers(4)
            .withQuantised(false)
            .withSpansAlone(false);
    assertThat(changed.seed()).isEqualTo(7);
    assertThat(changed.encoder()).isEqualTo(SentenceEncoder.Model.BGE_SMALL_EN);
    assertThat(changed.fineTuning().epochs()).isEqualTo(2);
    assertThat(changed.fineTuning().topLayers()).isEqualTo(3);
    assertThat(changed.secondOpinion()).isEqualTo(SentenceEncoder.Model.BGE_SMALL_EN);
    assertThat(changed.members()).isEqualTo(2);
    assertThat(changed.classifierMembers()).isEqualTo(4);
    assertThat(changed.quantised()).isFalse();
    assertThat(changed.spansAlone()).isFalse();
    PersuasionTrainer.Settings defaults = PersuasionTrainer.Settings.defaults();
    assertThat(changed.taggerHidden()).isEqualTo(defaults.taggerHidden());
    assertThat(changed.tuneShare()).isEqualTo(defaults.tuneShare());
    assertThat(defaults.classifierMembers()).isEqualTo(5);
    assertThat(defaults.spansAlone()).isTrue();
  }
}
