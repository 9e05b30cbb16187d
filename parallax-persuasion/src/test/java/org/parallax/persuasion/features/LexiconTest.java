package org.parallax.persuasion.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LexiconTest {

  @Test
  void shrinksRatesTowardsTheOverallRateAndDropsRareWords() {
    Lexicon.Builder builder = new Lexicon.Builder(1);
    for (int i = 0; i < 6; i++) {
      builder.add("Thugs,", new float[] {1});
    }
    for (int i = 0; i < 10; i++) {
      builder.add("the", new float[] {0});
    }
    builder.add("rare", new float[] {1});
    builder.add("rare", new float[] {1});
    Lexicon lexicon = builder.build();
    double overall = 8.0 / 18;
    assertThat(lexicon.get("thugs")[0]).isEqualTo((float) ((6 + 4 * overall) / 10), within(1e-6f));
    assertThat(lexicon.get("THE")[0]).isEqualTo((float) ((0 + 4 * overall) / 14), within(1e-6f));
    assertThat(lexicon.get("rare")[0]).isEqualTo((float) overall, within(1e-6f));
    assertThat(lexicon.words()).containsExactly("the", "thugs");
  }

  @Test
  void keysIgnoreCaseAndSurroundingPunctuation() {
    assertThat(Lexicon.key("\u201cSo-called")).isEqualTo("so-called");
    assertThat(Lexicon.key("...")).isEmpty();
  }

  @Test
  void survivesARoundTrip() throws IOException {
    Lexicon.Builder builder = new Lexicon.Builder(2);
    for (int i = 0; i < 3; i++) {
      builder.add("martyr", new float[] {1, 0});
    }
    Lexicon lexicon = builder.build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(out)) {
      lexicon.write(data);
    }
    Lexicon copy = Lexicon.read(new DataInputStream(new ByteArrayInputStream(out.toByteArray())));
    assertThat(copy.get("Martyr")).containsExactly(lexicon.get("martyr"));
    assertThat(copy.get("unknown")).containsExactly(lexicon.get("unknown"));
  }
}
