package org.parallax.persuasion.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.persuasion.features.EncodedText;

class SpanTaggerTest {

  // Two units (lines) of our own words; vectors are irrelevant to decoding.
  private static final String TEXT = "They are cowards and traitors, all of them.\nWe stay calm.";
  private static final EncodedText ENCODED =
      EncodedText.withVectors(TEXT, EncodedText.lines(TEXT), w -> new float[0]);

  private static SpanTagger tagger(float threshold, int gap, int smoothing) {
    return new SpanTagger(null, threshold, gap, smoothing);
  }

  private static List<String> texts(List<SpanTagger.Detected> spans) {
    return spans.stream().map(d -> TEXT.substring(d.begin(), d.end())).toList();
  }

  @Test
  void runsOfLikelyWordsBecomeSpansWithoutTrailingPunctuation() {
    // words: They are cowards and traitors, all of them. | We stay calm.
    float[] p = {0.1f, 0.1f, 0.9f, 0.2f, 0.8f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f};
    assertThat(texts(tagger(0.5f, 0, 0).decode(ENCODED, p))).containsExactly("cowards", "traitors");
    List<SpanTagger.Detected> joined = tagger(0.5f, 1, 0).decode(ENCODED, p);
    assertThat(texts(joined)).containsExactly("cowards and traitors");
    assertThat(joined.get(0).score()).isEqualTo((0.9f + 0.2f + 0.8f) / 3, within());
  }

  @Test
  void spansNeverCrossUnits() {
    float[] p = {0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.9f, 0.9f, 0.1f, 0.1f};
    assertThat(texts(tagger(0.5f, 5, 0).decode(ENCODED, p))).containsExactly("them", "We");
  }

  @Test
  void smoothingFillsAHoleBetweenLikelyWords() {
    float[] p = {0.1f, 0.1f, 0.9f, 0.3f, 0.9f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f};
    // Smoothed over one word each side: cowards 0.433, and 0.7, traitors 0.433, others < 0.4.
    assertThat(texts(tagger(0.4f, 0, 0).decode(ENCODED, p))).containsExactly("cowards", "traitors");
    assertThat(texts(tagger(0.4f, 0, 1).decode(ENCODED, p)))
        .containsExactly("cowards and traitors");
  }

  private static org.assertj.core.data.Offset<Float> within() {
    return org.assertj.core.data.Offset.offset(1e-6f);
  }
}
