package org.parallax.nlp.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Span;

class MentionCanonicalizerTest {

  /** Mentions marked in the text as [TYPE:words]; returns canonicals in text order. */
  private static List<String> canonicals(String marked) {
    Matcher m = Pattern.compile("\\[(\\w+):([^\\]]+)\\]").matcher(marked);
    List<MentionCanonicalizer.Mention> mentions = new ArrayList<>();
    while (m.find()) {
      mentions.add(
          new MentionCanonicalizer.Mention(new Span(m.start(2), m.end(2)), m.group(1), m.group(2)));
    }
    return MentionCanonicalizer.canonicalize(mentions).stream().map(Entity::canonical).toList();
  }

  @Test
  void titlesShortFormsAndPossessivesLinkToTheFullName() {
    assertThat(
            canonicals(
                "[PERSON:General Tomas Reiner] met [PERSON:President Anton Veligor] in"
                    + " [LOCATION:Kestra]. [PERSON:Reiner] said [PERSON:Veligor's] plan failed."
                    + " [PERSON:General Reiner] left."))
        .containsExactly(
            "Tomas Reiner",
            "Anton Veligor",
            "Kestra",
            "Tomas Reiner",
            "Anton Veligor",
            "Tomas Reiner");
  }

  @Test
  void spellingVariantsMergeIntoTheMostFrequentFullForm() {
    assertThat(
            canonicals(
                "[PERSON:Tomás Reiner] and [PERSON:Tomas Reiner] and [PERSON:Tomas Rainer]"
                    + " and [PERSON:Tomas Reiner]; [PERSON:Rainer] spoke."))
        .containsOnly("Tomas Reiner");
  }

  @Test
  void sharedSurnamesOfDifferentPeopleStayApart() {
    assertThat(
            canonicals(
                "[PERSON:Mirela Oskand] and [PERSON:Petar Oskand] met; [PERSON:Oskand] spoke."))
        .containsExactly("Mirela Oskand", "Petar Oskand", "Oskand");
  }

  @Test
  void typesAreKeptApartAndPlacesMatchExactly() {
    assertThat(
            canonicals(
                "[ORGANIZATION:General Kestra Motors] sells to [LOCATION:Iran] and"
                    + " [LOCATION:Iraq]; [PERSON:Kestra] is a name too."))
        .containsExactly("General Kestra Motors", "Iran", "Iraq", "Kestra");
  }
}
