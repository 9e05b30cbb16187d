package org.parallax.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.json.Json;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Outcome;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;
import org.parallax.ingest.extract.Boilerplate;
import org.parallax.nlp.entities.Entity;
import org.parallax.nlp.lang.Language;
import org.parallax.nlp.quotes.Quote;
import org.parallax.nlp.segment.Paragraph;

class ReportWriterTest {

  /** A fictional minister in a fictional port, in English with an Arabic paragraph and an emoji. */
  private static final String HARBOUR_TEXT =
      "Port Aldren — Minister Lena Varga said on Tuesday that the new sea wall \"will protect"
          + " every family in the harbour district\". The Ministry of Coastal Affairs later"
          + " confirmed the budget.\n\n"
          + "\"We waited too long,\" Varga told reporters. Critics from the Tidewatch group said"
          + " the plan ignores fishermen.\n\n"
          + "قالت الوزيرة لينا فارغا إن الجدار البحري سيحمي الميناء.\n\n"
          + "Residents celebrated on the pier 🎉 <script>alert(1)</script> with lanterns.\n\n"
          + "\"The first stone is laid.\n\n"
          + "The rest will follow,\" the minister wrote.";

  private static final String NORDWIND_TEXT =
      "Министр Лена Варга заявила, что стена «защитит гавань».\n\n"
          + "Ministry of Coastal Affairs declined to comment.";

  @TempDir Path out;

  private Document harbour;
  private Document nordwind;
  private Document bare;

  @BeforeEach
  void buildDocuments() {
    harbour = harbourDocument();
    nordwind = nordwindDocument();
    bare =
        Document.of(
            Source.of("notes/plain.txt", "notes/plain.txt", null, "txt"),
            Metadata.EMPTY,
            "A plain note without any analysis.\n\nIt has two paragraphs.");
  }

  @Test
  void writesAnOverviewAndOnePagePerArticle() throws IOException {
    Path index = ReportWriter.write(List.of(harbour, nordwind, bare), failures(), out);

    assertThat(index).isEqualTo(out.resolve("index.html")).isRegularFile();
    for (Document document : List.of(harbour, nordwind, bare)) {
      assertThat(out.resolve("articles/" + document.id() + ".html")).isRegularFile();
    }
    String html = Files.readString(index, StandardCharsets.UTF_8);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">");
    assertThat(html).doesNotContain("http://", "https://", "<link", "@import", "src=");
  }

  @Test
  void articleTextIsTheCleanTextAndNothingElseOutsideTheRemovedRegions() throws IOException {
    ReportWriter.write(List.of(harbour, nordwind, bare), List.of(), out);

    for (Document document : List.of(harbour, nordwind, bare)) {
      org.jsoup.nodes.Document page = parseWithoutErrors(articlePage(document));
      Element text = page.getElementById("text");
      text.select("details.boilerplate").remove();
      assertThat(text.wholeText()).isEqualTo(document.text());
    }
  }

  @Test
  void markupIsWellNestedEvenWhereHighlightsOverlap() throws IOException {
    ReportWriter.write(List.of(harbour), List.of(), out);
    String html = articlePage(harbour);
    String body = html.substring(html.indexOf("<div class=\"article-text\""));
    body = body.substring(0, body.indexOf("</article>"));

    TextMarkupTest.assertBalanced(body);
    parseWithoutErrors(html);
  }

  @Test
  void everyEntityAndQuoteIsHighlightedOverItsWholeSpan() throws IOException {
    ReportWriter.write(List.of(harbour), List.of(), out);
    org.jsoup.nodes.Document page = parseWithoutErrors(articlePage(harbour));
    Element text = page.getElementById("text");
    text.select("details.boilerplate").remove();
    List<List<String>> classes = TextMarkupTest.classesPerChar(text);

    for (Entity entity : harbour.get(Entity.LAYER)) {
      for (int c = entity.span().begin(); c < entity.span().end(); c++) {
        assertThat(classes.get(c)).as("%s at %d", entity, c).contains("ent");
      }
    }
    for (Quote quote : harbour.get(Quote.LAYER)) {
      for (int c = quote.span().begin(); c < quote.span().end(); c++) {
        int at = c;
        if (harbour.get(Paragraph.LAYER).stream()
            .noneMatch(p -> p.span().contains(new Span(at, at + 1)))) {
          continue; // the blank line between paragraphs that a quote spans is not highlighted
        }
        assertThat(classes.get(c)).as("%s at %d", quote, c).contains("quote");
      }
    }
    assertThat(text.select("span.ent-person").eachAttr("title"))
        .allMatch(title -> title.equals("Lena Varga · PERSON"))
        .hasSize(3);
    assertThat(text.select("span.ent-location").eachText())
        .containsExactly("Port Aldren", "harbour district");
    // The entity inside the first quote is nested in it, not beside it.
    assertThat(text.select("span.quote-direct span.ent-location").eachText())
        .containsExactly("harbour district");
    // The quote that runs over two paragraphs is split into one piece per paragraph.
    assertThat(text.select("div.para span.quote[title*=wrote]").eachText())
        .containsExactly("The first stone is laid.", "The rest will follow,");
    assertThat(text.select("[id=q4]")).hasSize(1);
    assertThat(text.select("span.quote").first().attr("title"))
        .isEqualTo("Lena Varga — said (direct, quote 1)");
  }

  @Test
  void quotesAreListedBelowTheTextWithSpeakerCueAndKind() throws IOException {
    ReportWriter.write(List.of(harbour), List.of(), out);
    org.jsoup.nodes.Document page = parseWithoutErrors(articlePage(harbour));

    Elements items = page.select("#quotes ol.quote-list > li");
    assertThat(items).hasSize(5);
    assertThat(items.get(2).select(".speaker-name").text()).isEqualTo("Tidewatch");
    assertThat(items.get(2).select(".cue-word").text()).isEqualTo("said");
    assertThat(items.get(2).select(".kind").text()).isEqualTo("reported");
    assertThat(items.get(2).select("blockquote").text()).isEqualTo("the plan ignores fishermen");
    assertThat(items.get(4).select("blockquote").text())
        .isEqualTo("The first stone is laid. The rest will follow,");
    for (Element item : items) {
      String target = item.select("a.jump").attr("href").substring(1);
      assertThat(page.getElementById(target)).as(target).isNotNull();
    }
  }

  @Test
  void boilerplateSitsCollapsedWhereItWasRemovedAndIsListedByKind() throws IOException {
    ReportWriter.write(List.of(harbour), List.of(), out);
    org.jsoup.nodes.Document page = parseWithoutErrors(articlePage(harbour));
    Element text = page.getElementById("text");

    Elements removed = text.select("details.boilerplate");
    assertThat(removed.eachAttr("data-kind"))
        .containsExactly(
            "navigation", "advertisement", "related_links", "photo_credit", "comments");
    assertThat(removed).allMatch(details -> !details.hasAttr("open"));
    assertThat(removed.get(0).select("summary").text()).startsWith("removed navigation");
    // At offset 0, before the first paragraph; mid-quote, inside its paragraph but outside the
    // quote; at a paragraph's end, between paragraphs.
    assertThat(text.child(0)).isSameAs(removed.get(0));
    Element advertisement = removed.get(1);
    assertThat(advertisement.parent().hasClass("para")).isTrue();
    assertThat(advertisement.previousElementSibling().text()).isEqualTo("We waited");
    assertThat(advertisement.nextElementSibling().text()).isEqualTo("too long,");
    assertThat(advertisement.select(".removed").text()).isEqualTo("Subscribe <b>now</b>");
    assertThat(removed.get(2).parent()).isSameAs(text);
    assertThat(removed.get(3).nextSibling().outerHtml()).startsWith("🎉 &lt;script&gt;");
    assertThat(text.children().last()).isSameAs(removed.get(4));

    Elements groups = page.select("#removed h3");
    assertThat(groups.eachText())
        .containsExactly(
            "navigation 1", "advertisement 1", "related links 1", "photo credit 1", "comments 1");
    assertThat(page.select("#removed .removed").eachText()).contains("Home | World | Sport");
  }

  @Test
  void untrustedTextIsEscapedEverywhere() throws IOException {
    Document hostile =
        harbour.withMetadata(
            harbour
                .metadata()
                .withTitle("Sea wall <script>alert('title')</script> & budget")
                .withOutlet("<img src=x onerror=alert(2)>"));
    Path index =
        ReportWriter.write(
            List.of(hostile),
            List.of(new Outcome.Failed("x.html", "in/x.html", "ingest", "bad <b>bold</b> input")),
            out);

    org.jsoup.nodes.Document article = parseWithoutErrors(articlePage(hostile));
    assertThat(article.select("script")).isEmpty();
    assertThat(article.select("img")).isEmpty();
    assertThat(article.select("h1").text())
        .isEqualTo("Sea wall <script>alert('title')</script> & budget");
    assertThat(article.getElementById("text").text()).contains("<script>alert(1)</script>");
    assertThat(article.select(".outlet").text()).isEqualTo("<img src=x onerror=alert(2)>");

    org.jsoup.nodes.Document overview = parseWithoutErrors(Files.readString(index));
    assertThat(overview.select("script")).hasSize(1);
    assertThat(overview.select("script").html()).doesNotContain("alert");
    assertThat(overview.select("img")).isEmpty();
    assertThat(overview.select("#failures td").eachText()).contains("bad <b>bold</b> input");
  }

  @Test
  void onlyWebUrlsBecomeLinksAndThenWithoutReferrer() throws IOException {
    Document scripted =
        Document.of(
            Source.of("a", "a", "javascript:alert(3)", "txt"), Metadata.EMPTY, "Short text.");
    ReportWriter.write(List.of(harbour, scripted), List.of(), out);

    Element link = parseWithoutErrors(articlePage(harbour)).selectFirst(".url a");
    assertThat(link.attr("href")).isEqualTo("https://harbour-courier.example/sea-wall");
    assertThat(link.attr("rel")).contains("noreferrer");
    org.jsoup.nodes.Document other = parseWithoutErrors(articlePage(scripted));
    assertThat(other.select(".url a")).isEmpty();
    assertThat(other.select(".url").text()).isEqualTo("javascript:alert(3)");
  }

  @Test
  void textBlocksCarryDirectionAndLanguage() throws IOException {
    ReportWriter.write(List.of(harbour), List.of(), out);
    org.jsoup.nodes.Document page = parseWithoutErrors(articlePage(harbour));

    assertThat(page.getElementById("text").attr("lang")).isEqualTo("en");
    Elements paragraphs = page.select("#text div.para");
    assertThat(paragraphs).hasSize(6).allMatch(p -> p.attr("dir").equals("auto"));
    assertThat(page.select("#text div.para[lang=ar]").text()).startsWith("قالت الوزيرة");
    assertThat(page.select("h1").attr("dir")).isEqualTo("auto");
    assertThat(page.html()).contains("🎉");
  }

  @Test
  void overviewCountsOutletsLanguagesEntitiesAndQuotesBySpeaker() throws IOException {
    Path index = ReportWriter.write(List.of(harbour, nordwind, bare), failures(), out);
    org.jsoup.nodes.Document page = parseWithoutErrors(Files.readString(index));

    assertThat(page.select(".lead").text()).isEqualTo("3 articles from 2 outlets in 2 languages");
    assertThat(rows(page, "#outlets"))
        .containsExactly(
            List.of("Harbour Courier", "1"),
            List.of("Nordwind Daily", "1"),
            List.of("(unknown outlet)", "1"));
    assertThat(rows(page, "#languages")).contains(List.of("en", "1"), List.of("ru", "1"));
    List<List<String>> entities = rows(page, "#entities");
    assertThat(entities.get(0)).containsExactly("Lena Varga", "PERSON", "2", "4");
    assertThat(entities.get(1))
        .containsExactly("Ministry of Coastal Affairs", "ORGANIZATION", "2", "2");

    Elements speakers = page.select("#speakers details.speaker-group");
    assertThat(speakers.get(0).select("summary").text())
        .isEqualTo("Lena Varga 5 quotes in 2 articles");
    assertThat(speakers.get(1).select("summary").text())
        .isEqualTo("Tidewatch 1 quote in 1 article");
    for (Element link : page.select("#speakers a")) {
      String[] target = link.attr("href").split("#");
      org.jsoup.nodes.Document article = Jsoup.parse(out.resolve(target[0]).toFile());
      assertThat(article.getElementById(target[1])).as(link.attr("href")).isNotNull();
    }

    List<List<String>> articles = rows(page, "#article-table");
    assertThat(articles)
        .containsExactly(
            List.of("Sea wall approved", "Harbour Courier", "2031-03-04", "en", "8", "5", "5"),
            List.of("Стена в гавани", "Nordwind Daily", "2031-03-05", "ru", "2", "1", "0"),
            List.of("notes/plain.txt", "", "", "", "0", "0", "0"));
    assertThat(page.select("#article-table a").eachAttr("href"))
        .containsExactly(
            "articles/" + harbour.id() + ".html",
            "articles/" + nordwind.id() + ".html",
            "articles/" + bare.id() + ".html");
    assertThat(rows(page, "#failures"))
        .containsExactly(List.of("broken.html", "inbox/broken.html", "ingest", "no readable text"));
  }

  @Test
  void streamsADocumentIterableOnlyOnce() {
    List<Document> handed = new ArrayList<>();
    Iterable<Document> once =
        new Iterable<>() {
          boolean used;

          @Override
          public java.util.Iterator<Document> iterator() {
            assertThat(used).as("iterated twice").isFalse();
            used = true;
            return Stream.of(harbour, nordwind).peek(handed::add).iterator();
          }
        };

    ReportWriter.write(once, List.of(), out);

    assertThat(handed).hasSize(2);
  }

  @Test
  void malformedDocumentsBecomeNotesOrFailuresAndTheRestIsWritten() throws IOException {
    Document outside =
        Document.of(Source.of("odd", "odd", null, "txt"), Metadata.EMPTY, "Tiny.")
            .with(Entity.LAYER, List.of(new Entity(new Span(2, 40), "PERSON", "Nobody")))
            .with(Boilerplate.LAYER, List.of(new Boilerplate(new Span(90, 90), "other", "x", 1)));
    Document unreadable =
        Document.restore(
            "../../escape",
            Source.of("bad", "store#7", null, "jsonl"),
            Metadata.EMPTY,
            "Text.",
            Map.of("entities", Json.MAPPER.createObjectNode().put("not", "a list")));
    Document pathLikeId =
        Document.restore(
            "../../escape", Source.of("p", "p", null, "txt"), Metadata.EMPTY, "Fine.", Map.of());

    Path index = ReportWriter.write(List.of(outside, unreadable, pathLikeId), List.of(), out);

    org.jsoup.nodes.Document odd = parseWithoutErrors(articlePage(outside));
    assertThat(odd.select("#diagnostics li").text()).contains("1 annotation(s) point outside");
    assertThat(odd.select("#removed .removed").text()).isEqualTo("x");
    org.jsoup.nodes.Document overview = Jsoup.parse(index.toFile());
    assertThat(rows(overview, "#failures").get(0)).startsWith("bad", "store#7", "report");
    try (Stream<Path> files = Files.list(out.resolve("articles"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .hasSize(2)
          .allMatch(name -> name.matches("[0-9a-z-]+\\.html"));
    }
    assertThat(out.getParent().resolve("escape.html")).doesNotExist();
  }

  @Test
  void documentsReadBackFromStoredJsonRenderTheSame() throws IOException {
    Document stored = Json.read(Json.write(harbour));
    Path first = out.resolve("first");
    Path second = out.resolve("second");

    ReportWriter.write(List.of(harbour), List.of(), first);
    ReportWriter.write(List.of(stored), List.of(), second);

    String name = "articles/" + harbour.id() + ".html";
    assertThat(Files.readString(second.resolve(name)))
        .isEqualTo(Files.readString(first.resolve(name)));
  }

  private String articlePage(Document document) throws IOException {
    return Files.readString(out.resolve("articles/" + document.id() + ".html"));
  }

  /** Parses a page and fails on any HTML parse error, such as a misnested or stray end tag. */
  private static org.jsoup.nodes.Document parseWithoutErrors(String html) {
    Parser parser = Parser.htmlParser().setTrackErrors(20);
    org.jsoup.nodes.Document page = Jsoup.parse(html, "", parser);
    assertThat(parser.getErrors()).isEmpty();
    return page;
  }

  private static List<List<String>> rows(org.jsoup.nodes.Document page, String table) {
    List<List<String>> rows = new ArrayList<>();
    for (Element row : page.select(table + " tbody tr")) {
      rows.add(row.select("td").stream().map(Element::text).toList());
    }
    return rows;
  }

  private static List<Outcome.Failed> failures() {
    return List.of(
        new Outcome.Failed("broken.html", "inbox/broken.html", "ingest", "no readable text"));
  }

  private static Document harbourDocument() {
    String text = HARBOUR_TEXT;
    Document document =
        Document.of(
            Source.of(
                "harbour-1",
                "inbox/harbour.html",
                "https://harbour-courier.example/sea-wall",
                "html"),
            new Metadata(
                "Sea wall approved",
                List.of("Mira Holt", "Jonas Field"),
                "2031-03-04",
                "Harbour Courier",
                "en"),
            text);
    List<Paragraph> paragraphs = new ArrayList<>();
    int start = 0;
    for (String block : text.split("\n\n", -1)) {
      paragraphs.add(new Paragraph(new Span(start, start + block.length())));
      start += block.length() + 2;
    }
    int emoji = text.indexOf("🎉");
    return document
        .with(Paragraph.LAYER, List.copyOf(paragraphs))
        .with(Language.DOCUMENT, new Language(new Span(0, text.length()), "en", 0.97))
        .with(Language.PARAGRAPHS, List.of(new Language(paragraphs.get(2).span(), "ar", 0.99)))
        .with(
            Entity.LAYER,
            List.of(
                new Entity(span(text, "Port Aldren"), "LOCATION", "Port Aldren"),
                new Entity(span(text, "Lena Varga"), "PERSON", "Lena Varga"),
                new Entity(span(text, "harbour district"), "LOCATION", null),
                new Entity(
                    span(text, "Ministry of Coastal Affairs"),
                    "ORGANIZATION",
                    "Ministry of Coastal Affairs"),
                new Entity(span(text, "Varga told", 0, 5), "PERSON", "Lena Varga"),
                new Entity(span(text, "Tidewatch"), "ORGANIZATION", "Tidewatch"),
                new Entity(span(text, "لينا فارغا"), "PERSON", "Lena Varga"),
                new Entity(span(text, "the pier"), "LOCATION_ISH", "pier")))
        .with(
            Quote.LAYER,
            List.of(
                // Out of reading order on purpose: the page numbers quotes as they appear.
                new Quote(
                    span(text, "the plan ignores fishermen"),
                    Quote.REPORTED,
                    "Tidewatch",
                    span(text, "Tidewatch"),
                    "said",
                    span(text, "said the plan", 0, 4)),
                new Quote(
                    span(text, "will protect every family in the harbour district"),
                    Quote.DIRECT,
                    "Lena Varga",
                    span(text, "Lena Varga"),
                    "said",
                    span(text, "said on", 0, 4)),
                new Quote(
                    span(text, "We waited too long,"),
                    Quote.DIRECT,
                    "Lena Varga",
                    span(text, "Varga told", 0, 5),
                    "told",
                    span(text, "told")),
                new Quote(
                    span(text, "الجدار البحري سيحمي الميناء"),
                    Quote.REPORTED,
                    "Lena Varga",
                    span(text, "لينا فارغا"),
                    "قالت",
                    span(text, "قالت")),
                new Quote(
                    span(text, "The first stone is laid.\n\nThe rest will follow,"),
                    Quote.DIRECT,
                    "Lena Varga",
                    null,
                    "wrote",
                    span(text, "wrote"))))
        .with(
            Boilerplate.LAYER,
            List.of(
                new Boilerplate(new Span(0, 0), "navigation", "Home | World | Sport", 0.98),
                new Boilerplate(
                    at(text.indexOf("We waited") + "We waited".length()),
                    "advertisement",
                    "Subscribe <b>now</b>",
                    0.9),
                new Boilerplate(at(paragraphs.get(1).span().end()), "related_links", "More", 0.8),
                // Inside the emoji's surrogate pair: must move before it, not cut it.
                new Boilerplate(at(emoji + 1), "photo_credit", "Photo: Pier Office", 0.7),
                new Boilerplate(at(text.length()), "comments", "12 comments", 0.95)))
        .with(
            Diagnostic.LAYER,
            List.of(new Diagnostic("ingest", "encoding guessed as windows-1252")));
  }

  private static Document nordwindDocument() {
    String text = NORDWIND_TEXT;
    return Document.of(
            Source.of("nw-7", "feed.jsonl#7", "https://nordwind.example/7", "jsonl"),
            new Metadata("Стена в гавани", List.of(), "2031-03-05", "Nordwind Daily", null),
            text)
        .with(Language.DOCUMENT, new Language(new Span(0, text.length()), "ru", 0.95))
        .with(
            Entity.LAYER,
            List.of(
                new Entity(span(text, "Лена Варга"), "PERSON", "Lena Varga"),
                new Entity(
                    span(text, "Ministry of Coastal Affairs"),
                    "ORGANIZATION",
                    "Ministry of Coastal Affairs")))
        .with(
            Quote.LAYER,
            List.of(
                new Quote(
                    span(text, "защитит гавань"),
                    Quote.DIRECT,
                    "Lena Varga",
                    span(text, "Лена Варга"),
                    "заявила",
                    span(text, "заявила"))));
  }

  private static Span span(String text, String needle) {
    return span(text, needle, 0, needle.length());
  }

  /** The part {@code [from, to)} of the first occurrence of {@code needle}. */
  private static Span span(String text, String needle, int from, int to) {
    int at = text.indexOf(needle);
    assertThat(at).as(needle).isNotNegative();
    return new Span(at + from, at + to);
  }

  private static Span at(int offset) {
    return new Span(offset, offset);
  }
}
