package org.parallax.persuasion.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeaturesTest {

  private static final int D = 384;

  @Test
  void countsAPhraseOnWordBoundariesOnly() {
    String text = Features.normalised("Stop the war. STOP THE WAR! Stopping the warlords.");
    assertThat(Features.count(text, "stop the war")).isEqualTo(2);
    assertThat(Features.count(text, "war")).isEqualTo(2);
    assertThat(Features.count(text, "")).isZero();
  }

  @Test
  void wordFeaturesMarkQuotedCapitalisedAndRepeatedWords() {
    String text = "The minister said \u201cthis is a disgrace\u201d today.\nA disgrace, again!";
    EncodedText encoded =
        EncodedText.withVectors(text, EncodedText.lines(text), w -> new float[] {w.length()});
    Features.Context context = new Features.Context(encoded);
    int cues = 5 * D;
    // words: The minister said “this is a disgrace” today. | A disgrace, again!
    float[] the = Features.word(context, 0);
    float[] quotedThis = Features.word(context, 3);
    float[] disgrace = Features.word(context, 6);
    float[] today = Features.word(context, 7);
    float[] again = Features.word(context, 10);
    assertThat(the[cues]).isEqualTo(1); // capitalised
    assertThat(quotedThis[cues + 2]).isEqualTo(1); // inside quotation marks
    assertThat(disgrace[cues + 2]).isEqualTo(1);
    assertThat(today[cues + 2]).isZero();
    assertThat(again[cues + 3]).isEqualTo(1); // its line has an exclamation mark
    assertThat(the[cues + 7]).isEqualTo(1); // first unit: the title line
    assertThat(again[cues + 7]).isZero();
    // "disgrace" occurs twice in the article
    assertThat(disgrace[cues + 9])
        .isEqualTo((float) Math.log(2), org.assertj.core.data.Offset.offset(1e-6f));
    // the word's own vector comes first
    assertThat(the[0]).isEqualTo(3);
  }

  @Test
  void spanFeaturesCountRepetitionAndHashWords() {
    String text = "Never again.\nWe said it then: never again!";
    EncodedText encoded =
        EncodedText.withVectors(text, EncodedText.lines(text), w -> new float[] {1, 2});
    Features.Context context = new Features.Context(encoded);
    float[] first = Features.span(context, 0, 2, 0, 11);
    int cues = 7 * D;
    assertThat(first[cues + 2])
        .isEqualTo((float) Math.log(2), org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(first[cues + 10]).isEqualTo(1); // in the first unit
    // said again later, not before; the second time it was said before
    assertThat(first[cues + 14]).isZero();
    assertThat(first[cues + 16]).isEqualTo(1);
    assertThat(text.substring(30, 41)).isEqualTo("never again");
    float[] second = Features.span(context, 6, 8, 30, 41);
    assertThat(second[cues + 14]).isEqualTo(1);
    assertThat(second[cues + 15])
        .isEqualTo((float) Math.log(2), org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(second[cues + 16]).isZero();
    // "never" and "again" (its content words) each occur twice
    assertThat(second[cues + 18])
        .isEqualTo((float) Math.log(2), org.assertj.core.data.Offset.offset(1e-6f));
    float hashed = 0;
    for (int i = cues + Features.SPAN_CUES + Features.SPAN_LEXICON; i < first.length; i++) {
      hashed += first[i];
    }
    assertThat(hashed).isEqualTo(3); // "never", "again", "never again"
    assertThat(first).hasSize(Features.SPAN_SIZE);
  }
}
