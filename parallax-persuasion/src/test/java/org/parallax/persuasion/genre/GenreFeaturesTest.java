package org.parallax.persuasion.genre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GenreFeaturesTest {

  @Test
  void wordsAndPairsAreLogCountsOfUnitLength() {
    Map<String, Double> f = GenreFeatures.of("The harbour reopened. The harbour is calm.", "en");
    assertThat(f).containsKeys("w=harbour", "b=the harbour", "b=harbour reopened", "lang=en");
    double norm = 0;
    for (Map.Entry<String, Double> e : f.entrySet()) {
      if (e.getKey().startsWith("w=") || e.getKey().startsWith("b=")) {
        norm += e.getValue() * e.getValue();
      }
    }
    assertThat(norm).isCloseTo(1.0, within(1e-9));
    assertThat(f.get("w=harbour")).isGreaterThan(f.get("w=calm"));
  }

  @Test
  void numbersAreOneWord() {
    Map<String, Double> f = GenreFeatures.of("Prices rose 12 percent in 2023.", "en");
    assertThat(f).containsKey("w=0").doesNotContainKey("w=12").doesNotContainKey("w=2023");
    assertThat(f.get("s=numbers")).isGreaterThan(0);
  }

  @Test
  void theVoiceIsReadInEachLanguage() {
    assertThat(GenreFeatures.of("I think we should leave. You know it.", "en"))
        .containsEntry("s=first-person", 1.0)
        .containsEntry("s=we", 1.0)
        .containsEntry("s=you", 1.0);
    assertThat(GenreFeatures.of("Ich glaube, wir müssen gehen.", "de").get("s=first-person"))
        .isGreaterThan(0);
    assertThat(GenreFeatures.of("Nous pensons que le port rouvrira.", "fr").get("s=we"))
        .isGreaterThan(0);
    assertThat(GenreFeatures.of("Мы думаем, что порт откроется.", "ru").get("s=we"))
        .isGreaterThan(0);
    // a report in the third person has none
    assertThat(GenreFeatures.of("The minister said the port would reopen.", "en"))
        .containsEntry("s=first-person", 0.0)
        .containsEntry("s=we", 0.0);
    // a language without pronoun lists gets no voice cues, but the rest
    assertThat(GenreFeatures.of("Il porto riapre domani.", "xx"))
        .doesNotContainKey("s=first-person")
        .containsKey("s=length");
  }

  @Test
  void questionsExclamationsAndQuotesAreRatesPerSentence() {
    Map<String, Double> f = GenreFeatures.of("Who pays? Nobody! “It is over,” he said.", "en");
    assertThat(f.get("s=questions")).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(f.get("s=exclamations")).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(f.get("s=quotes")).isGreaterThan(0);
  }
}
