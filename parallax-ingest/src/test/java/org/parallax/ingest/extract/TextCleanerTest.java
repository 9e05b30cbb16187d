package org.parallax.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

  /** A scraped page with one of each kind of boilerplate; the article is invented. */
  private static final String PAGE =
      """
      10 €
      250 €
      1,000 €
      37 €
      APRIL 2023

      River Compact Talks Stall Again

      River Compact Talks Stall Again

      By Mara Ellison and Jonah Pike

      Lakeside Observer, April 12, 2023

      Topics: Water, Diplomacy
      Region: Upper Basin

      Negotiators from the two riverside provinces left the third round of talks on Tuesday \
      without an agreement on how much water the new dam may hold back during the dry months.

      The <b>draft compact</b> would have capped the reservoir at sixty percent in summer, an \
      official familiar with the talks said.<br>Both delegations declined to comment.

      Read more: Farmers plan a convoy to the capital

      Photo: Ada Brenner / Basin Pictures

      What happens next

      A fourth round is planned for May 3, 2023, according to the mediators, who said that the \
      gap between the sides had narrowed.

      *

      Do you like this content? Consider helping us!

      Note to readers: please click the share buttons below and forward this article to your lists.

      Mara Ellison is a Lakeside-based writer and researcher covering water policy.

      Disclaimer: The views of the authors are their own and the Observer is not responsible.

      © 2023 Lakeside Observer. All rights reserved.

      For media inquiries: desk@observer.test

      Жители долины готовятся к засухе
      Новый мост откроют летом
      """;

  private static final String BODY =
      "Negotiators from the two riverside provinces left the third round of talks on Tuesday"
          + " without an agreement on how much water the new dam may hold back during the dry"
          + " months.\n\n"
          + "The draft compact would have capped the reservoir at sixty percent in summer, an"
          + " official familiar with the talks said. Both delegations declined to comment.\n\n"
          + "What happens next\n\n"
          + "A fourth round is planned for May 3, 2023, according to the mediators, who said that"
          + " the gap between the sides had narrowed.";

  @Test
  void headlinesUnderATeaserLabelGoWithIt() {
    String text =
        "The harbour board agreed on Tuesday to dredge the outer basin before the autumn storms,"
            + " after years of complaints from the fishing fleet about groundings.\n\n"
            + "You may also like...\n\n"
            + "Ferry fares to rise in spring\n\n"
            + "Who will run the lighthouse now?\n\n"
            + "The dredging will take six weeks and close the north channel to larger boats, the"
            + " board said.";

    Extracted cleaned = TextCleaner.clean(text);

    assertThat(cleaned.text())
        .contains("dredge the outer basin")
        .contains("The dredging will take six weeks")
        .doesNotContain("You may also like")
        .doesNotContain("Ferry fares")
        .doesNotContain("lighthouse");
    assertThat(cleaned.boilerplate())
        .extracting(Boilerplate::kind)
        .contains("read_more", "related_links");
  }

  @Test
  void aTeaserWithItsHeadlineOnOneLineTakesNothingAlong() {
    String text =
        "The harbour board agreed on Tuesday to dredge the outer basin before the autumn storms,"
            + " after years of complaints from the fishing fleet about groundings.\n\n"
            + "Read more: Ferry fares to rise in spring\n\n"
            + "Work starts in May\n\n"
            + "The dredging will take six weeks and close the north channel to larger boats, the"
            + " board said.";

    Extracted cleaned = TextCleaner.clean(text);

    assertThat(cleaned.text()).doesNotContain("Read more").contains("Work starts in May");
  }

  @Test
  void keepsOnlyTheArticleBodyInParagraphs() {
    Extracted cleaned = TextCleaner.clean(PAGE);

    assertThat(cleaned.text()).isEqualTo(BODY);
  }

  @Test
  void readsMetadataFromTheLinesItRemoves() {
    Extracted cleaned = TextCleaner.clean(PAGE);

    assertThat(cleaned.metadata().title()).isEqualTo("River Compact Talks Stall Again");
    assertThat(cleaned.metadata().authors()).containsExactly("Mara Ellison", "Jonah Pike");
    assertThat(cleaned.metadata().published()).isEqualTo("2023-04-12");
    assertThat(cleaned.metadata().outlet()).isEqualTo("Lakeside Observer");
  }

  @Test
  void labelsEveryRemovedRegion() {
    List<Boilerplate> removed = TextCleaner.clean(PAGE).boilerplate();

    assertThat(removed)
        .extracting(Boilerplate::kind)
        .containsExactly(
            "donation_appeal",
            "title",
            "title",
            "byline",
            "dateline",
            "taxonomy",
            "markup",
            "markup",
            "markup",
            "read_more",
            "photo_credit",
            "separator",
            "donation_appeal",
            "share_prompt",
            "author_bio",
            "disclaimer",
            "copyright",
            "contact",
            "related_links");
    assertThat(removed.get(0).text()).isEqualTo("10 €\n250 €\n1,000 €\n37 €\nAPRIL 2023");
    assertThat(removed)
        .filteredOn(b -> b.kind().equals("markup"))
        .extracting(Boilerplate::text)
        .containsExactly("<b>", "</b>", "<br>");
    assertThat(removed).allSatisfy(b -> assertThat(b.confidence()).isBetween(0.0, 1.0));
  }

  @Test
  void placesRemovedRegionsWhereTheyStoodInTheCleanText() {
    Extracted cleaned = TextCleaner.clean(PAGE);
    String text = cleaned.text();

    for (Boilerplate b : cleaned.boilerplate()) {
      assertThat(b.at().length()).isZero();
      assertThat(b.at().begin()).isBetween(0, text.length());
    }
    assertThat(cleaned.boilerplate()).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
    Boilerplate readMore = kind(cleaned, "read_more");
    assertThat(text.substring(readMore.at().begin())).startsWith("What happens next");
    Boilerplate bold = kind(cleaned, "markup");
    assertThat(text.substring(bold.at().begin())).startsWith("draft compact");
    assertThat(kind(cleaned, "related_links").at().begin()).isEqualTo(text.length());
  }

  @Test
  void takesAShortNameAboveTheHeadlineAsTheOutlet() {
    String page =
        """
        The Valley Ledger

        Orchard Growers Win Their Case

        1/3/2023, 8:05:00 PM

        The regional court ruled on Friday that the irrigation fee charged to orchard growers \
        since 2019 had been set without the required public hearing.
        """;

    Extracted cleaned = TextCleaner.clean(page);

    assertThat(cleaned.metadata().outlet()).isEqualTo("The Valley Ledger");
    assertThat(cleaned.metadata().title()).isEqualTo("Orchard Growers Win Their Case");
    assertThat(cleaned.metadata().published()).isEqualTo("2023-01-03T20:05:00");
    assertThat(cleaned.text()).startsWith("The regional court ruled");
    assertThat(cleaned.boilerplate())
        .extracting(Boilerplate::kind)
        .containsExactly("masthead", "title", "dateline");
  }

  @Test
  void readsATrailingSignatureButNotADateInsideASentence() {
    String page =
        """
        Patience Is Not Surrender

        The council announced the decision of Jan. 2, 2023 in a short statement on Monday, and \
        the opposition answered within the hour that it would appeal.

        The appeal, if it comes, will take months.


        Harbor Weekly Editorial, Issue No. 12, January 9, 2023.
        """;

    Extracted cleaned = TextCleaner.clean(page);

    assertThat(cleaned.metadata().published()).isEqualTo("2023-01-09");
    assertThat(cleaned.metadata().outlet()).isEqualTo("Harbor Weekly");
    assertThat(cleaned.text()).endsWith("The appeal, if it comes, will take months.");
    assertThat(kind(cleaned, "signature").text())
        .isEqualTo("Harbor Weekly Editorial, Issue No. 12, January 9, 2023.");
  }

  @Test
  void aBodyDateIsNeverThePublicationDate() {
    String page =
        """
        What the Ministry Said

        In the statement issued the night of Jan. 2, 2023, the ministry said the convoy had \
        crossed the border without permission.
        """;

    assertThat(TextCleaner.clean(page).metadata().published()).isNull();
  }

  @Test
  void removesNameCaptionsAndOtherScriptLinesNearTheTop() {
    String page =
        """
        Why Ivan Petrov Resigned

        Иван Петров

        Ivan Petrov

        The deputy minister resigned on Wednesday after three weeks of questions about the tender \
        for the northern bridge, his office said in a statement.
        """;

    Extracted cleaned = TextCleaner.clean(page);

    assertThat(cleaned.text()).startsWith("The deputy minister resigned");
    assertThat(cleaned.boilerplate())
        .extracting(Boilerplate::kind)
        .containsExactly("title", "caption", "caption");
  }

  @Test
  void keepsBodySentencesThatMerelyMentionBoilerplateWords() {
    String page =
        """
        The charity asked residents to donate blankets before the winter, and hundreds did so \
        within a week of the appeal going out.

        Support for the plan grew after the mayor said the shelters would stay open until March.

        Read the full report, the mayor urged, before judging the shelters.

        The copyright dispute over the city's logo, she added, had nothing to do with it.
        """;

    Extracted cleaned = TextCleaner.clean(page);

    assertThat(cleaned.boilerplate()).isEmpty();
    assertThat(cleaned.text().split("\n\n")).hasSize(4);
  }

  @Test
  void aCreditAtTheTopOfAPageWithoutBlankLinesKeepsTheArticle() {
    String page =
        """
        Ferry Operator Halts Night Crossings

        © Provided by Lakeside Pictures Ltd. Ferry at dusk
        The operator of the island ferry suspended its night crossings on Monday after a second         engine failure in a month.
        Passengers were told to expect a reduced timetable until the inspection is finished.
        A spokesman for the operator said the company regretted the disruption.
        The island council will discuss a replacement vessel at its next meeting.
        Local shops said weekend trade had already fallen.
        """;

    Extracted cleaned = TextCleaner.clean(page);

    assertThat(cleaned.text())
        .startsWith("The operator of the island ferry")
        .contains("Local shops said weekend trade had already fallen.");
    assertThat(cleaned.boilerplate()).extracting(Boilerplate::kind).contains("copyright");
  }

  @Test
  void usesAKnownTitleInsteadOfGuessing() {
    String page =
        """
        Analysis

        Dam Talks: What Comes Next

        The mediators will meet both delegations separately next week, a spokeswoman for the \
        basin commission said on Thursday.
        """;

    Extracted cleaned = TextCleaner.clean(page, "Dam Talks: What Comes Next");

    assertThat(cleaned.text()).startsWith("Analysis\n\nThe mediators");
    assertThat(cleaned.metadata().title()).isEqualTo("Dam Talks: What Comes Next");
  }

  @Test
  void decodesEntitiesAndNormalisesSpaceAndLineEndings() {
    String page =
        "Prices rose &amp; fell\u00a0twice,\r\nsaid  the\ttrader.\r\n\r\n\r\n\r\nThen calm.";

    Extracted cleaned = TextCleaner.clean(page);

    assertThat(cleaned.text())
        .isEqualTo("Prices rose & fell twice,\nsaid the trader.\n\nThen calm.");
  }

  @Test
  void anEmptyPageGivesEmptyText() {
    assertThat(TextCleaner.clean("\n\n  \n").text()).isEmpty();
    assertThat(TextCleaner.clean("Share this article\n\n0 $\n").text()).isEmpty();
  }

  private static Boilerplate kind(Extracted cleaned, String kind) {
    return cleaned.boilerplate().stream()
        .filter(b -> b.kind().equals(kind))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in " + cleaned.boilerplate()));
  }

  @Test
  void aLineOfUnderscoresBetweenSectionsStaysButOtherSeparatorsGo() {
    String page =
        "The ferry resumed service on Monday morning, the operator said.\n\n___\n\n"
            + "* * *\n\nThe second crossing returns on Sunday, the operator added.";

    Extracted cleaned = TextCleaner.clean(page);

    assertThat(cleaned.text()).contains("\n\n___\n\n").doesNotContain("* * *");
  }

  @Test
  void countsWordsOfScriptsWrittenWithoutSpaces() {
    assertThat(LineRules.wordsAnyScript("two words")).isEqualTo(2);
    assertThat(LineRules.wordsAnyScript("図書館は土曜日も開館")).isEqualTo(5);
    assertThat(LineRules.words("図書館は土曜日も開館")).isEqualTo(1);
  }

  @Test
  void removesGalleryCountersAndTheCaptionAboveAnAgencyCreditOfAnHtmlPage() {
    String page =
        "The harbour master opened the new pier to ferries on Monday, the port authority said.\n\n"
            + "Image 1 of 4\n\n"
            + "Crowds wait at the new pier on the opening day\n"
            + "Jan Roos | Getty Images\n\n"
            + "The second berth opens in spring, after the dredging work is finished.";

    Extracted cleaned = TextCleaner.cleanLines(page, null, false).extracted();

    assertThat(cleaned.text())
        .doesNotContain("Image 1 of 4")
        .doesNotContain("Crowds wait")
        .doesNotContain("Getty")
        .contains("second berth");
    assertThat(cleaned.boilerplate()).extracting(Boilerplate::kind).contains("caption");
  }

  @Test
  void aLineOfKanjiInAPageOfKanaIsNotForeign() {
    String page =
        "土曜日開館時間変更\n\n"
            + "図書館は土曜日も開館することになりました。住民のみなさんがとてもよろこんでいます。\n\n"
            + "つぎの土曜日からは、あさくじからよるまであいています。";

    Extracted cleaned = TextCleaner.cleanLines(page, null, false).extracted();

    assertThat(cleaned.text()).startsWith("土曜日開館時間変更");
  }
}
