package org.parallax.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parallax.core.model.Diagnostic;

class TextQualityTest {

  @Test
  void flagsReplacementCharactersFromThreeOn() {
    assertThat(TextQuality.check("Two \uFFFD marks \uFFFD are tolerated.")).isEmpty();
    assertThat(TextQuality.check("Three \uFFFD marks \uFFFD are \uFFFD not."))
        .extracting(Diagnostic::message)
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("3 characters of the text could not be decoded"));
  }

  @Test
  void flagsMojibake() {
    assertThat(TextQuality.check("The councilâ€™s budget was approved."))
        .extracting(Diagnostic::message)
        .singleElement()
        .satisfies(m -> assertThat(m).contains("mojibake such as 'â€™'"));
    assertThat(TextQuality.check("Le conseil a Ã©tÃ© rÃ©uni.")).hasSize(1);
    assertThat(TextQuality.check("Ð“Ð¾Ñ€Ð¾Ð´ÑÐºÐ¾Ð¹ ÑÐ¾Ð²ÐµÑ‚")).hasSize(1);
  }

  @Test
  void leavesCorrectTextAlone() {
    String[] correct = {
      "Le café « Chez Anne » ouvre à 8 h, après l’été.",
      "São Paulo, ÃO and Ñandú; Åsa bought £5 of Ärger at 20 °C ± 2.",
      "Die Brücke über den Fluss wurde am Freitag freigegeben.",
      "Городской совет утвердил бюджет.",
      "Ã alone is not enough, nor is one Ã© pair."
    };
    for (String text : correct) {
      assertThat(TextQuality.check(text)).as(text).isEmpty();
      assertThat(TextQuality.repairDoubleEncoding(text)).as(text).isEmpty();
    }
  }

  @Test
  void repairsTextThatIsMojibakeThroughout() {
    assertThat(TextQuality.repairDoubleEncoding("Le conseil a Ã©tÃ© rÃ©uni â€“ enfin."))
        .hasValue("Le conseil a été réuni – enfin.");
    // one correct character among the mojibake: not reversible as a whole, so left alone
    assertThat(TextQuality.repairDoubleEncoding("Le conseil a Ã©tÃ© réuni.")).isEmpty();
  }
}
