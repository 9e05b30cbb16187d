package org.parallax.corpus.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameFormsTest {

  @Test
  void stripsTitlesPossessivesAndPunctuationFromPersons() {
    assertThat(NameForms.display("PERSON", "Gen. Tomas Reiner's")).isEqualTo("Tomas Reiner");
    assertThat(NameForms.display("PERSON", "Prime Minister Anton Veligor"))
        .isEqualTo("Anton Veligor");
    assertThat(NameForms.display("PERSON", "Spokeswoman Ilsa Marrow\u2019s"))
        .isEqualTo("Ilsa Marrow");
    assertThat(NameForms.display("PERSON", "President")).isEqualTo("President");
  }

  @Test
  void keepsTitleLikeWordsOfOtherTypes() {
    assertThat(NameForms.display("ORGANIZATION", "General Kestra Motors"))
        .isEqualTo("General Kestra Motors");
  }

  @Test
  void dropsALowerCaseArticleButNotOneThatIsPartOfTheName() {
    assertThat(NameForms.display("LOCATION", "la Chine")).isEqualTo("Chine");
    assertThat(NameForms.display("LOCATION", "l’Europe")).isEqualTo("Europe");
    assertThat(NameForms.display("ORGANIZATION", "il Cremlino")).isEqualTo("Cremlino");
    assertThat(NameForms.display("LOCATION", "Los Angeles")).isEqualTo("Los Angeles");
    assertThat(NameForms.display("PERSON", "Le Pen")).isEqualTo("Le Pen");
    assertThat(NameForms.display("LOCATION", "la")).isEqualTo("la");
  }

  @Test
  void foldsDiacriticsCaseAndDoubledLetters() {
    assertThat(NameForms.fold("Tomás")).isEqualTo(NameForms.fold("TOMAS"));
    assertThat(NameForms.fold("Qassem")).isEqualTo("qasem");
  }

  @Test
  void variantsNeedTheSameConsonantsAndAFewEdits() {
    assertThat(NameForms.similar("soleimani", "suleimani")).isTrue();
    assertThat(NameForms.similar("khamenei", "khameinei")).isTrue();
    assertThat(NameForms.similar("iran", "iraq")).isFalse();
    assertThat(NameForms.similar("ali", "ala")).isFalse();
    assertThat(NameForms.similar("reiner", "rainer")).isTrue();
    assertThat(NameForms.similar("reiner", "keiner")).isFalse();
  }
}
