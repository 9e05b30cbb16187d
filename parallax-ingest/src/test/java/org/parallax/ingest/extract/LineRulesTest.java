package org.parallax.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineRulesTest {

  @Test
  void everyRuleThatSearchesTheWholeLineNamesTheWordsItNeeds() throws Exception {
    var field = LineRules.class.getDeclaredField("RULES");
    field.setAccessible(true);
    List<?> rules = (List<?>) field.get(null);
    RecordComponent[] components = rules.get(0).getClass().getRecordComponents();
    int searched = 0;
    for (Object rule : rules) {
      boolean anchored = false;
      String[] required = null;
      for (RecordComponent component : components) {
        component.getAccessor().setAccessible(true);
        if (component.getName().equals("anchored")) {
          anchored = (boolean) component.getAccessor().invoke(rule);
        } else if (component.getName().equals("required")) {
          required = (String[]) component.getAccessor().invoke(rule);
        }
      }
      if (!anchored) {
        searched++;
        assertThat(required).as("required words of %s", rule).isNotEmpty();
      }
    }
    assertThat(searched).isPositive();
  }

  @Test
  void theWordFilterKeepsMatchesInAnyCaseAndAnywhereInTheLine() {
    assertThat(LineRules.classify("Our harbour photos. ALL RIGHTS RESERVED."))
        .hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo("copyright"));
    assertThat(LineRules.classify("Photos © Harbour Gazette, Tous Droits Réservés"))
        .hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo("copyright"));
    assertThat(
            LineRules.classify(
                "The opinions expressed are solely those of the AUTHOR and not of this site."))
        .hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo("disclaimer"));
    assertThat(LineRules.classify("If you can, Consider Supporting Us today."))
        .hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo("donation_appeal"));
    assertThat(LineRules.classify("The ferry left at dawn, the captain said.")).isEmpty();
  }

  @Test
  void callsToSubscribeAndPaywallPromptsAreShareprompts() {
    for (String line :
        List.of(
            "SUBSCRIBE",
            "Click here to subscribe to the Harbour Letter",
            "Subscribe to the Gazette on video for more harbour news:",
            "To Read the Full Story",
            "Continue reading the full article")) {
      assertThat(LineRules.classify(line))
          .as(line)
          .hasValueSatisfying(v -> assertThat(v.kind()).isEqualTo("share_prompt"));
    }
    assertThat(LineRules.classify("Readers who subscribe to the paper get the tide tables first."))
        .isEmpty();
  }
}
