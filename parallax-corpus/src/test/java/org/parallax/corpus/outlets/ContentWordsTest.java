package org.parallax.corpus.outlets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentWordsTest {

  @Test
  void dropsStopWordsNumbersAndPossessivesAndLowerCases() {
    assertThat(ContentWords.of("The General's 3 brigades said they were ready in 2024.", "en"))
        .containsExactly("general", "brigades", "ready");
  }

  @Test
  void usesTheArticlesLanguageAndKeepsOtherScripts() {
    assertThat(ContentWords.of("Der General und die Armee sagte nichts.", "de"))
        .containsExactly("general", "armee");
    assertThat(ContentWords.of("L'armée a déclaré que le général était un héros.", "fr"))
        .containsExactly("armée", "général", "héros");
    assertThat(ContentWords.of("Генерал был героем, сказал он.", "ru"))
        .containsExactly("генерал", "героем");
  }

  @Test
  void greekFunctionWordsAreDroppedWithTheirAccentsAndFinalSigma() {
    assertThat(
            ContentWords.of(
                "Η κυβέρνηση είπε ότι η απόφαση της βουλής είναι από χθες οριστική.", "el"))
        .contains("κυβέρνηση", "απόφαση", "βουλής", "οριστική")
        .doesNotContain("της", "είναι", "από", "ότι");
  }

  @Test
  void unknownLanguageFallsBackToEveryList() {
    assertThat(ContentWords.of("the hero und der Held", "und")).containsExactly("hero", "held");
  }

  @Test
  void offsetsPointIntoTheText() {
    String text = "A brave-hearted hero.";
    ContentWords.Word word = ContentWords.of(text, 0, text.length(), "en").get(0);
    assertThat(text.substring(word.begin(), word.end())).isEqualTo("brave-hearted");
  }
}
