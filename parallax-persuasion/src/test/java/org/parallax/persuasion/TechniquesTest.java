package org.parallax.persuasion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TechniquesTest {

  @Test
  void listsHaveTheOfficialSizesAndSpellings() {
    assertThat(Techniques.ptc2020()).hasSize(14);
    assertThat(Techniques.semeval2023()).hasSize(23);
    assertThat(Techniques.ptc2020())
        .extracting(Technique::id)
        .startsWith("Appeal_to_Authority", "Appeal_to_fear-prejudice")
        .contains(
            "Name_Calling,Labeling",
            "Whataboutism,Straw_Men,Red_Herring",
            "Bandwagon,Reductio_ad_hitlerum",
            "Exaggeration,Minimisation")
        .doesNotHaveDuplicates();
    assertThat(Techniques.semeval2023())
        .extracting(Technique::id)
        .startsWith("Appeal_to_Authority", "Appeal_to_Popularity")
        .endsWith("Questioning_the_Reputation")
        .contains("Name_Calling-Labeling", "False_Dilemma-No_Choice")
        .doesNotHaveDuplicates();
  }

  @Test
  void sharedIdsAreOneEntry() {
    Technique loaded = Techniques.byId("Loaded_Language");
    assertThat(Techniques.ptc2020()).contains(loaded);
    assertThat(Techniques.semeval2023()).contains(loaded);
    assertThat(loaded.label()).isEqualTo("Loaded language");
    assertThat(loaded.family()).isEqualTo("Manipulative wording");
  }

  @Test
  void spellingsAreCaseSensitive() {
    assertThat(Techniques.byId("Flag-Waving")).isNotEqualTo(Techniques.byId("Flag_Waving"));
    assertThat(Techniques.find("loaded_language")).isEmpty();
    assertThatThrownBy(() -> Techniques.byId("Bogus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown persuasion technique 'Bogus'");
  }

  @Test
  void everyDefinitionIsOnePlainSentence() {
    List<Technique> all = Techniques.all();
    assertThat(all).hasSize(31);
    assertThat(all)
        .allSatisfy(
            t -> {
              assertThat(t.definition()).endsWith(".").doesNotContain(". ", "\t");
              assertThat(Character.isUpperCase(t.definition().charAt(0))).isTrue();
            });
    assertThat(all)
        .extracting(Technique::family)
        .containsOnly(
            "Attack on reputation",
            "Justification",
            "Simplification",
            "Distraction",
            "Call",
            "Manipulative wording");
  }
}
