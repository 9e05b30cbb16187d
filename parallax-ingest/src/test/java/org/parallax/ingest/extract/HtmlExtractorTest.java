package org.parallax.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

  /** An invented news page with the usual furniture around the article. */
  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="en-GB">
      <head>
        <title>Ferry Strike Ends After Nine Days | The Coastal Herald</title>
        <link rel="canonical" href="/news/ferry-strike-ends">
        <script type="application/ld+json">
          {"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": "The Coastal Herald"},
            {"@type": "NewsArticle", "headline": "Ferry Strike Ends After Nine Days",
             "datePublished": "2023-06-14T09:30:00+01:00",
             "author": [{"@type": "Person", "name": "Lena Ostrova"}],
             "publisher": {"@type": "Organization", "name": "The Coastal Herald"}}]}
        </script>
        <script>var tracking = "not text";</script>
        <style>.x { color: red }</style>
      </head>
      <body>
        <header class="site-header"><a href="/">The Coastal Herald</a>
          <nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
        <div class="ad-slot ad">Advertisement: buy a boat</div>
        <main>
          <article>
            <h1>Ferry Strike Ends After Nine Days</h1>
            <p class="byline">By Lena Ostrova</p>
            <p><time datetime="2023-06-14">June 14, 2023</time></p>
            <figure><img src="ferry.jpg"><figcaption>The ferry at the pier. Photo: Jan Roos</figcaption></figure>
            <p>Ferry crews on the island routes returned to work on Wednesday after the operator
               agreed to a new rota that limits night shifts to three a week.</p>
            <div class="share-tools">Share this article: <a>Mail</a> <a>Post</a></div>
            <h2>What changed</h2>
            <p>The agreement also restores the second crossing on Sundays,<br>which was cut
               in the spring.</p>
            <ul><li>Night shifts are capped.</li><li>Sunday service returns.</li></ul>
            <p>Passengers had faced queues of up to five hours at the mainland terminal.</p>
          </article>
          <section id="comments"><h3>Comments</h3><p>First!</p></section>
          <aside class="related-stories"><h3>Related</h3><a>Port fees rise again</a></aside>
          <form class="newsletter-signup"><p>Get our newsletter</p><button>Sign up</button></form>
        </main>
        <div class="cookie-banner">We use cookies. <button>OK</button></div>
        <footer><p>© 2023 The Coastal Herald Ltd.</p><a href="/privacy">Privacy</a></footer>
      </body>
      </html>
      """;

  @Test
  void aPageOfLinksAloneHasNoArticleAndKeepsTheLinksAsNavigation() {
    String menuOnly =
        "<html><head><title>Harbour Gazette</title></head><body>"
            + "<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>"
            + "<div class=menu><ul><li><a href=/a>Ferries</a></li><li><a href=/b>Tides</a></li>"
            + "</ul></div><footer><p><a href=/about>About us</a> | <a href=/contact>Contact</a> |"
            + " <a href=/privacy>Privacy</a></p></footer></body></html>";

    Extracted page = HtmlExtractor.extract(menuOnly, "https://herald.test/");

    assertThat(page.text()).isEmpty();
    assertThat(page.boilerplate())
        .anySatisfy(
            region -> {
              assertThat(region.kind()).isEqualTo("navigation");
              assertThat(region.text()).contains("About us").contains("Privacy");
            });
  }

  @Test
  void extractsTheArticleTextAsParagraphs() {
    Extracted page = HtmlExtractor.extract(PAGE, "https://herald.test/x");

    assertThat(page.text())
        .isEqualTo(
            "Ferry crews on the island routes returned to work on Wednesday after the operator"
                + " agreed to a new rota that limits night shifts to three a week.\n\n"
                + "What changed\n\n"
                + "The agreement also restores the second crossing on Sundays,\n"
                + "which was cut in the spring.\n\n"
                + "Night shifts are capped.\n\n"
                + "Sunday service returns.\n\n"
                + "Passengers had faced queues of up to five hours at the mainland terminal.");
  }

  @Test
  void readsMetadataFromTheHeadAndMarkup() {
    Extracted page = HtmlExtractor.extract(PAGE, "https://herald.test/x");

    assertThat(page.metadata().title()).isEqualTo("Ferry Strike Ends After Nine Days");
    assertThat(page.metadata().authors()).containsExactly("Lena Ostrova");
    assertThat(page.metadata().published()).isEqualTo("2023-06-14T09:30:00+01:00");
    assertThat(page.metadata().outlet()).isEqualTo("The Coastal Herald");
    assertThat(page.metadata().languageHint()).isEqualTo("en");
    assertThat(page.canonicalUrl()).isEqualTo("https://herald.test/news/ferry-strike-ends");
  }

  @Test
  void labelsThePageFurnitureItRemoved() {
    Extracted page = HtmlExtractor.extract(PAGE, null);

    assertThat(page.boilerplate())
        .extracting(Boilerplate::kind)
        .contains(
            "navigation",
            "advertisement",
            "title",
            "byline",
            "dateline",
            "caption",
            "share_prompt",
            "comments",
            "related_links",
            "cookie_notice",
            "copyright");
    assertThat(page.boilerplate())
        .filteredOn(b -> b.text().startsWith("Share this article"))
        .singleElement()
        .satisfies(
            share -> {
              assertThat(share.kind()).isEqualTo("share_prompt");
              assertThat(page.text().substring(share.at().begin())).startsWith("What changed");
            });
    for (Boilerplate b : page.boilerplate()) {
      assertThat(b.at().begin()).isBetween(0, page.text().length());
      assertThat(page.text()).doesNotContain(b.text());
    }
    assertThat(page.boilerplate()).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
  }

  @Test
  void fallsBackToTheDensestBlockAndTheTitleTag() {
    String html =
        """
        <html><head><title>Harbour Dues Frozen - Bay Times</title></head><body>
        <div class="menu"><a>Home</a> <a>Local</a></div>
        <div class="story">
          <p>The harbour board froze mooring dues for another year on Monday.</p>
          <p>Fishermen had asked for a cut, citing the poor season.</p>
        </div>
        <div class="footer-links"><p>Contact the newsroom</p></div>
        </body></html>
        """;

    Extracted page = HtmlExtractor.extract(html, null);

    assertThat(page.metadata().title()).isEqualTo("Harbour Dues Frozen");
    assertThat(page.text())
        .isEqualTo(
            "The harbour board froze mooring dues for another year on Monday.\n\n"
                + "Fishermen had asked for a cut, citing the poor season.");
    assertThat(page.boilerplate()).extracting(Boilerplate::kind).contains("navigation");
  }

  @Test
  void neverTreatsTheMainTextAsFurnitureWhateverItsClassSays() {
    String html =
        """
        <html><body><div class="content ad-free">
          <p>The bridge reopened to traffic on Saturday after four months of repairs.</p>
          <p>Engineers said the new deck should last another fifty years.</p>
        </div></body></html>
        """;

    assertThat(HtmlExtractor.extract(html, null).text()).startsWith("The bridge reopened");
  }

  @Test
  void survivesBrokenMarkupAndJsonLd() {
    String html =
        "<html><head><script type=\"application/ld+json\">{not json</script></head>"
            + "<body><article><p>Unclosed <b>bold text and a paragraph that never ends";

    Extracted page = HtmlExtractor.extract(html, null);

    assertThat(page.text()).isEqualTo("Unclosed bold text and a paragraph that never ends");
  }

  private static final String PROSE =
      "The village council voted on Monday to keep the library open on Saturdays, after a"
          + " petition signed by four hundred residents, many of them parents, asked it to. ";

  @Test
  void aBoxOfLinksInsideTheArticleIsRemovedAsRelatedLinks() {
    String html =
        "<html><body><div class='story'><p>"
            + PROSE
            + "</p><div class='box'><a href='/a'>Harbour wall repairs begin next spring</a>"
            + " <a href='/b'>School bus timetable changes in March</a></div><p>"
            + PROSE.replace("Monday", "Tuesday")
            + "</p></div></body></html>";

    Extracted extracted = HtmlExtractor.extract(html, null);

    assertThat(extracted.text()).contains("Monday").contains("Tuesday").doesNotContain("Harbour");
    assertThat(extracted.boilerplate())
        .anySatisfy(
            b -> {
              assertThat(b.kind()).isEqualTo("related_links");
              assertThat(b.text()).contains("Harbour wall");
            });
  }

  @Test
  void theVotesPickTheProseBlockOverALongerListOfTeasers() {
    StringBuilder teasers = new StringBuilder("<div class='sidebar'>");
    for (int i = 0; i < 12; i++) {
      teasers
          .append("<p><a href='/t")
          .append(i)
          .append("'>Teaser headline number ")
          .append(i)
          .append(" about a different story</a></p>");
    }
    teasers.append("</div>");
    String html =
        "<html><body>"
            + teasers
            + "<div><p>"
            + PROSE
            + "</p><p>"
            + PROSE.replace("Monday", "Friday")
            + "</p></div></body></html>";

    String text = HtmlExtractor.extract(html, null).text();

    assertThat(text).contains("Monday").contains("Friday").doesNotContain("Teaser");
  }

  @Test
  void theDeclaredArticleBodyStandsInWhenThePageShowsOnlyAFractionOfIt() {
    String body = (PROSE + "\\n").repeat(8);
    String html =
        "<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\","
            + " \"headline\": \"Library stays open\", \"articleBody\": \""
            + body
            + "\"}</script></head><body><article><p>Loading the article, please wait.</p>"
            + "</article></body></html>";

    String text = HtmlExtractor.extract(html, null).text();

    assertThat(text).contains("four hundred residents").doesNotContain("Loading");
    assertThat(text.split("\n\n")).hasSize(8);
  }

  @Test
  void labelsAndLinksAboveTheFirstParagraphAreRemovedButASentenceStays() {
    String html =
        "<html><body><article><div>BREAKING NEWS</div>"
            + "<div>https://paper.test/news/library-stays-open-123.php</div>"
            + "<div>Caption</div><div>Close</div>"
            + "<p>Short lead sentence here.</p>"
            + "<p>"
            + PROSE
            + "</p><p>"
            + PROSE.replace("Monday", "Friday")
            + "</p></article></body></html>";

    String text = HtmlExtractor.extract(html, null).text();

    assertThat(text)
        .startsWith("Short lead sentence here.")
        .doesNotContain("BREAKING")
        .doesNotContain("paper.test")
        .doesNotContain("Caption")
        .doesNotContain("Close");
  }

  @Test
  void aHeadingLeftAtTheEndWithoutItsBoxIsRemovedButAListItemWithANumberStays() {
    String html =
        "<html><body><article><p>"
            + PROSE
            + "</p><p>"
            + PROSE.replace("Monday", "Friday")
            + "</p><ul><li>Opening hours: 9 to 5</li></ul>"
            + "<h3>Most popular</h3><h3>Latest news</h3></article></body></html>";

    String text = HtmlExtractor.extract(html, null).text();

    assertThat(text).endsWith("Opening hours: 9 to 5").doesNotContain("Most popular");
  }

  @Test
  void aListOfArticlesBesideTheArticleIsNotTheArticle() {
    StringBuilder teasers = new StringBuilder("<article class='post'><h3>You may like</h3>");
    for (String day : new String[] {"Tuesday", "Wednesday", "Thursday", "Friday"}) {
      teasers
          .append("<article class='post'><p>")
          .append(PROSE.replace("Monday", day))
          .append("</p></article>");
    }
    teasers.append("</article>");
    String html =
        "<html><body><div id='column'><article class='post'><h1>Library stays open</h1><p>"
            + PROSE
            + "</p></article>"
            + teasers
            + "</div></body></html>";

    String text = HtmlExtractor.extract(html, null).text();

    assertThat(text).contains("Monday").doesNotContain("Tuesday").doesNotContain("Friday");
  }

  @Test
  void anArticleSplitByAFigureIntoTwoContainersOfTheSameClassIsReadWhole() {
    String part =
        "<section class='outer'><div class='story-text'><p>%s</p><p>%s</p></div></section>";
    String html =
        "<html><body><div class='page'>"
            + part.formatted(PROSE, PROSE.replace("Monday", "Tuesday"))
            + "<figure><img src='a.jpg'><figcaption>The library.</figcaption></figure>"
            + part.formatted(
                PROSE.replace("Monday", "Wednesday"), PROSE.replace("Monday", "Thursday"))
            + "</div><div class='story-text'><p><a href='/x'>Another story</a></p></div>"
            + "</body></html>";

    String text = HtmlExtractor.extract(html, null).text();

    assertThat(text)
        .contains("Monday")
        .contains("Tuesday")
        .contains("Wednesday")
        .contains("Thursday")
        .doesNotContain("Another story")
        .doesNotContain("The library.");
  }

  @Test
  void aHoverCardInsideASentenceIsRemoved() {
    String html =
        "<html><body><article><p>The council member <span class='person-rollover'><a class='rollover-link' href='/p/1'>Ada"
            + " Lind</a><span class='person-popover'><a href='/a/1'>Lind opens a school</a>"
            + " <a href='/a/2'>Lind on the budget</a></span></span> said the library stays"
            + " open on Saturdays, after a petition signed by four hundred residents.</p><p>"
            + PROSE
            + "</p></article></body></html>";

    String text = HtmlExtractor.extract(html, null).text();

    assertThat(text).contains("Ada Lind said").doesNotContain("opens a school");
  }

  @Test
  void previousAndNextLinksAndAdLabelsAreRemoved() {
    String html =
        "<html><body><article><p>"
            + PROSE
            + "</p><div>Advertisement</div><p>"
            + PROSE.replace("Monday", "Friday")
            + "</p><div class='post-pagination'><p><a href='/1'>Previous story</a></p>"
            + "<p>Council names a new head librarian for the town</p></div>"
            + "</article></body></html>";

    String text = HtmlExtractor.extract(html, null).text();

    assertThat(text)
        .contains("Friday")
        .doesNotContain("Advertisement")
        .doesNotContain("Previous")
        .doesNotContain("head librarian");
  }

  @Test
  void aPageInAScriptWithoutSpacesFindsItsFirstParagraph() {
    String paragraph = "図書館は土曜日も開館することになりました。住民四百人の署名が集まりました。" + "つぎの土曜日からは、あさ九時からよる八時まであいています。";
    String html =
        "<html><body><article><div>ニュース速報</div><p>"
            + paragraph
            + "</p><p>"
            + paragraph
            + "</p></article></body></html>";

    String text = HtmlExtractor.extract(html, null).text();

    assertThat(text).startsWith(paragraph).doesNotContain("ニュース速報");
  }

  @Test
  void aStandfirstAboveTheBylineIsNotTheArticleEvenWhenItIsASentence() {
    String html =
        "<html><body><article><p>The council listened to four hundred parents and changed its"
            + " mind about the weekend hours of the village library.</p>"
            + "<div>By</div><div>Mara Quell</div><div>June 14, 2023</div><p>"
            + PROSE
            + "</p><p>"
            + PROSE.replace("Monday", "Friday")
            + "</p></article></body></html>";

    Extracted page = HtmlExtractor.extract(html, null);

    assertThat(page.text()).startsWith("The village council voted on Monday");
    assertThat(page.boilerplate()).anyMatch(b -> b.text().contains("changed its mind"));
    assertThat(page.metadata().authors()).containsExactly("Mara Quell");
  }
}
