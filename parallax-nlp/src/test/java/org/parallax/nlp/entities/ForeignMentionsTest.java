package org.parallax.nlp.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Span;

class ForeignMentionsTest {

  /** The cleaned pieces of the mention {@code found} in {@code text} (sentence starts at 0). */
  private static List<String> clean(
      String text, String found, Set<String> capitalisedInside, String language) {
    int begin = text.indexOf(found);
    MentionCanonicalizer.Mention mention =
        new MentionCanonicalizer.Mention(new Span(begin, begin + found.length()), "PERSON", found);
    return ForeignMentions.clean(
            mention,
            text,
            offset -> offset == 0 || text.startsWith(". ", offset - 2),
            capitalisedInside,
            language)
        .stream()
        .map(MentionCanonicalizer.Mention::text)
        .toList();
  }

  @Test
  void cutsNamesOutOfTheWordsAroundThem() {
    String text =
        "Il colloquio sulla missione Pelosi che preoccupa Pechino si tratta di una prova.";
    assertThat(clean(text, "missione Pelosi che", Set.of(), "it")).containsExactly("Pelosi");
    assertThat(clean(text, "Pechino si tratta di una", Set.of(), "it")).containsExactly("Pechino");
    String contro = "Il caso Paola Turci contro Pillon resta aperto.";
    assertThat(clean(contro, "Paola Turci contro Pillon", Set.of(), "it"))
        .containsExactly("Paola Turci", "Pillon");
  }

  @Test
  void keepsParticlesInsideNamesButNotAtTheirEdges() {
    String text = "Ne parla Ursula von der Leyen a Roma, e poi le Davos.";
    assertThat(clean(text, "Ursula von der Leyen", Set.of(), "it"))
        .containsExactly("Ursula von der Leyen");
    assertThat(clean(text, "le Davos", Set.of(), "it")).containsExactly("Davos");
    String quote = "Lo ha detto Vladimir Poutine » ieri.";
    assertThat(clean(quote, "Vladimir Poutine »", Set.of(), "it"))
        .containsExactly("Vladimir Poutine");
  }

  @Test
  void dropsCapitalisedFirstWordsOfSentencesUnlessTheTextCapitalisesThemElsewhere() {
    String text = "Nie wiadomo. Zaznaczył to Putin. Putin milczy.";
    assertThat(clean(text, "Nie", Set.of("Putin"), "pl")).isEmpty();
    assertThat(clean(text, "Zaznaczył", Set.of("Putin"), "pl")).isEmpty();
    // a name runs into no new sentence; both are Putin, whom the text capitalises inside one
    assertThat(clean(text, "Putin. Putin", Set.of("Putin"), "pl"))
        .containsExactly("Putin", "Putin");
    int second = text.lastIndexOf("Putin");
    MentionCanonicalizer.Mention atStart =
        new MentionCanonicalizer.Mention(new Span(second, second + 5), "PERSON", "Putin");
    assertThat(
            ForeignMentions.clean(atStart, text, offset -> offset == second, Set.of("Putin"), "pl"))
        .extracting(MentionCanonicalizer.Mention::text)
        .containsExactly("Putin");
  }

  @Test
  void dropsFunctionWordsAndAFunctionWordBeforeANameAtASentenceStart() {
    String text = "Gli Stati Uniti rispondono. Sono pronti.";
    assertThat(clean(text, "Gli Stati Uniti", Set.of(), "it")).containsExactly("Stati Uniti");
    assertThat(clean(text, "Sono", Set.of("Sono"), "it")).isEmpty();
    // as the segmenter gives them: "J." is an initial, no sentence ends there
    String polish = "W Rosji rządzi Putin. J. Kowalski milczy. Donald Trump też.";
    Set<Integer> starts = Set.of(0, polish.indexOf("J."), polish.indexOf("Donald"));
    for (String[] expected :
        new String[][] {
          {"W Rosji", "Rosji"}, {"J. Kowalski", "J. Kowalski"}, {"Donald Trump", "Donald Trump"}
        }) {
      int begin = polish.indexOf(expected[0]);
      MentionCanonicalizer.Mention mention =
          new MentionCanonicalizer.Mention(
              new Span(begin, begin + expected[0].length()), "PERSON", expected[0]);
      assertThat(ForeignMentions.clean(mention, polish, starts::contains, Set.of(), "pl"))
          .extracting(MentionCanonicalizer.Mention::text)
          .containsExactly(expected[1]);
    }
  }

  @Test
  void aNameTheTextGivesAloneIsSplitOffTheFrontOfALongerOne() {
    String text =
        "Il ministro della Difesa Nobuo Kishi ha parlato. La Difesa tace. Lo dice New York"
            + " Times a New York.";
    List<MentionCanonicalizer.Mention> found = new java.util.ArrayList<>();
    for (String name : List.of("Difesa Nobuo Kishi", "Difesa", "New York Times", "New York.")) {
      int begin = text.indexOf(name);
      String clean = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
      begin = name.equals("New York.") ? text.lastIndexOf("New York") : begin;
      found.add(
          new MentionCanonicalizer.Mention(
              new Span(begin, begin + clean.length()),
              name.startsWith("Difesa N") ? "PERSON" : "ORGANIZATION",
              clean));
    }
    assertThat(ForeignMentions.splitKnownPrefixes(found, text))
        .extracting(m -> m.text() + "/" + m.type())
        .containsExactly(
            "Difesa/ORGANIZATION",
            "Nobuo Kishi/PERSON",
            "Difesa/ORGANIZATION",
            "New York Times/ORGANIZATION",
            "New York/ORGANIZATION");
  }
}
