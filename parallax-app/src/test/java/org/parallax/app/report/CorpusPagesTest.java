package org.parallax.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;
import org.parallax.nlp.quotes.Quote;

class CorpusPagesTest {

  /** An invented flood in an invented town, told by three invented outlets. */
  private static final String ORIGINAL_TEXT =
      "The river Omber rose over its banks in Tessaly on Friday. Mayor Ruth Aldane said"
          + " \"the levee held where it mattered\". Pumps ran all night near the old mill.";

  /** The copy: "Friday" becomes "Friday night", "all night" is dropped, one word replaced. */
  private static final String COPY_TEXT =
      "The river Omber rose over its banks in Tessaly on Friday night. Mayor Ruth Aldane said"
          + " \"the levee held where it mattered\". Pumps ran near the new mill.";

  private static final String OTHER_TEXT =
      "In Tessaly the water reached the square. <b>Residents</b> & shopkeepers blamed the"
          + " levee. Mayor Aldane promised an inquiry.";

  @TempDir Path out;

  private Document original;
  private Document copy;
  private Document other;

  @BeforeEach
  void buildDocuments() {
    original =
        article(
                "omber-1",
                "Omber Gazette",
                "2031-05-02",
                "River Omber floods Tessaly",
                ORIGINAL_TEXT)
            .with(
                Quote.LAYER,
                List.of(
                    new Quote(
                        span(ORIGINAL_TEXT, "the levee held where it mattered"),
                        Quote.DIRECT,
                        "Ruth Aldane",
                        span(ORIGINAL_TEXT, "Mayor Ruth Aldane"),
                        "said",
                        span(ORIGINAL_TEXT, "said"))));
    copy = article("valley-9", "Valley Post", "2031-05-03", "Omber floods Tessaly", COPY_TEXT);
    other =
        article(
            "tide-4",
            "Tide <Watch> & Co",
            "2031-05-04",
            "Square under water <i>again</i>",
            OTHER_TEXT);
  }

  @Test
  void writesEveryCorpusPageAndEveryLocalLinkResolves() throws IOException {
    ReportWriter.write(List.of(original, copy, other), List.of(), results(), out);

    assertThat(out.resolve("duplicates.html")).isRegularFile();
    assertThat(out.resolve("talking-points.html")).isRegularFile();
    assertThat(out.resolve("stories/story-omber.html")).isRegularFile();
    assertThat(out.resolve("outlets/omber-gazette.html")).isRegularFile();
    assertThat(out.resolve("outlets/valley-post.html")).isRegularFile();
    assertThat(out.resolve("outlets/tide-watch-co.html")).isRegularFile();

    List<Path> pages;
    try (Stream<Path> files = Files.walk(out)) {
      pages = files.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertThat(pages).hasSize(10);
    int checked = 0;
    for (Path page : pages) {
      org.jsoup.nodes.Document html = parseWithoutErrors(Files.readString(page));
      assertThat(html.html()).doesNotContain("http://", "https://");
      for (Element link : html.select("a[href]")) {
        String href = link.attr("href");
        String[] parts = href.split("#", 2);
        Path target = parts[0].isEmpty() ? page : page.getParent().resolve(parts[0]).normalize();
        assertThat(target).as(page + " → " + href).isRegularFile().startsWith(out);
        if (parts.length == 2) {
          assertThat(Jsoup.parse(target.toFile()).getElementById(parts[1]))
              .as(page + " → " + href)
              .isNotNull();
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(40);

    org.jsoup.nodes.Document index = Jsoup.parse(out.resolve("index.html").toFile());
    assertThat(index.select("#stories tbody tr td").eachText())
        .containsExactly(
            "Tessaly flood · Omber",
            "Omber Gazette, Valley Post, Tide <Watch> & Co (3)",
            "en",
            "2031-05-02 – 2031-05-04",
            "3");
    assertThat(index.select("#outlets a").eachAttr("href")).contains("outlets/valley-post.html");
    assertThat(index.select("#outlet-profiles a").eachText())
        .containsExactly("Omber Gazette", "Valley Post", "Tide <Watch> & Co");
  }

  @Test
  void aCopyShowsItsWordDiffOverTheOriginal() throws IOException {
    ReportWriter.write(List.of(original, copy, other), List.of(), results(), out);

    org.jsoup.nodes.Document page =
        parseWithoutErrors(Files.readString(out.resolve("duplicates.html")));
    Element group = page.getElementById("dup-omber-1");
    assertThat(group.select("h2 a").text()).isEqualTo("River Omber floods Tessaly");
    assertThat(group.select(".copy .byline").text())
        .isEqualTo("Valley Post, 2031-05-03 · similarity 71% · containment 80%");
    Element diff = group.selectFirst(".diff");
    assertThat(diff.select("ins").eachText()).containsExactly("night", "new");
    assertThat(diff.select("del").eachText()).containsExactly("all night", "old");
    // The original's words in order with the punctuation between them, the copy's words added.
    // (wholeText: jsoup's text() counts ins and del as blocks and pads them with spaces.)
    assertThat(diff.wholeText().strip())
        .isEqualTo(
            "The river Omber rose over its banks in Tessaly on Friday night. Mayor Ruth Aldane said"
                + " \"the levee held where it mattered\". Pumps ran all night near the old new"
                + " mill");
  }

  @Test
  void editsThatDoNotMatchTheOriginalAreListedAlone() {
    JsonNode edits =
        Json.MAPPER
            .createArrayNode()
            .add(edit("replace", "flood", "wave", 0))
            .add(edit("insert", "", "<em>loud</em>", 1));

    String html = DuplicatesPage.diff(DuplicatesPage.OriginalText.of("River rose."), edits);

    org.jsoup.nodes.Document list = Jsoup.parseBodyFragment(html);
    assertThat(list.select("ol.edit-list li")).hasSize(2);
    assertThat(list.select("li").get(0).select("del").text()).isEqualTo("flood");
    assertThat(list.select("li").get(1).select("ins").text()).isEqualTo("<em>loud</em>");
    assertThat(list.select("em")).isEmpty();
  }

  @Test
  void articlePagesSayWhatTheyCopyAndAnchorTheirTalkingPoints() throws IOException {
    ReportWriter.write(List.of(original, copy, other), List.of(), results(), out);

    org.jsoup.nodes.Document copyPage =
        parseWithoutErrors(Files.readString(out.resolve("articles/valley-9.html")));
    assertThat(copyPage.select(".corpus-notes .dup-note").text())
        .isEqualTo("Copy of Omber Gazette's article of 2031-05-02 (similarity 71%) · what changed");
    assertThat(copyPage.select(".corpus-notes .dup-note a").first().attr("href"))
        .isEqualTo("omber-1.html");
    org.jsoup.nodes.Document originalPage =
        parseWithoutErrors(Files.readString(out.resolve("articles/omber-1.html")));
    assertThat(originalPage.select(".corpus-notes .dup-note").text())
        .startsWith("Copied by Valley Post's article of 2031-05-03");
    int begin = ORIGINAL_TEXT.indexOf("Pumps");
    Element sentence = originalPage.getElementById("s" + begin);
    assertThat(sentence.hasClass("carried")).isTrue();
    assertThat(sentence.text()).isEqualTo("Pumps ran all night near the old mill.");
    assertThat(originalPage.getElementById("text").wholeText()).isEqualTo(ORIGINAL_TEXT);
    assertThat(originalPage.select(".corpus-notes").text()).contains("Repeats 1 talking point");
  }

  @Test
  void storyPageComparesItsOutletsSideBySide() throws IOException {
    ReportWriter.write(List.of(original, copy, other), List.of(), results(), out);

    org.jsoup.nodes.Document page =
        parseWithoutErrors(Files.readString(out.resolve("stories/story-omber.html")));
    assertThat(page.select(".outlet-column h2 a").eachText())
        .containsExactly("Omber Gazette", "Valley Post", "Tide <Watch> & Co");
    Element gazette = page.select(".outlet-column").get(0);
    assertThat(gazette.select(".story-quotes dt").text()).isEqualTo("Ruth Aldane");
    assertThat(gazette.select(".story-quotes dd q").text())
        .isEqualTo("the levee held where it mattered");
    assertThat(gazette.select(".story-quotes dd a").attr("href"))
        .isEqualTo("../articles/omber-1.html#q1");
    assertThat(gazette.select(".chip").eachText()).containsExactly("levee 2.50", "mill 1.10");
    assertThat(gazette.select(".story-points > li > a").text())
        .isEqualTo("Pumps ran all night near the old mill.");
    assertThat(page.select(".outlet-column").get(2).select(".story-points blockquote").text())
        .startsWith("<b>Residents</b> & shopkeepers blamed the levee.");
  }

  @Test
  void talkingPointsListCarriersAndRecurringQuotesApart() throws IOException {
    ReportWriter.write(List.of(original, copy, other), List.of(), results(), out);

    org.jsoup.nodes.Document page =
        parseWithoutErrors(Files.readString(out.resolve("talking-points.html")));
    Element point = page.getElementById("tp-pumps");
    assertThat(point.select(".representative").text())
        .isEqualTo("Pumps ran all night near the old mill.");
    assertThat(point.select(".facts").text())
        .isEqualTo(
            "paraphrased 2 outlets · 2 sentences · first: Omber Gazette, 2031-05-02,"
                + " River Omber floods Tessaly");
    assertThat(point.select("tbody tr")).hasSize(2);
    assertThat(point.select("tbody tr").get(1).select("td").get(0).text())
        .isEqualTo("Tide <Watch> & Co");
    Element quotes = page.getElementById("recurring-quotes");
    assertThat(quotes.select(".speaker-name").text()).isEqualTo("Ruth Aldane 2 outlets");
    assertThat(quotes.select(".talking-point")).hasSize(1);
  }

  @Test
  void hostileTextInResultsIsEscaped() throws IOException {
    ReportWriter.write(List.of(original, copy, other), List.of(), results(), out);

    try (Stream<Path> files = Files.walk(out)) {
      for (Path page : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        org.jsoup.nodes.Document html = parseWithoutErrors(Files.readString(page));
        assertThat(html.select("script:not(:containsData(querySelectorAll))"))
            .as(page.toString())
            .isEmpty();
        assertThat(html.select("b, i, img, watch")).as(page.toString()).isEmpty();
      }
    }
    org.jsoup.nodes.Document outlet =
        Jsoup.parse(out.resolve("outlets/tide-watch-co.html").toFile());
    assertThat(outlet.select("h1").text()).isEqualTo("Tide <Watch> & Co");
    assertThat(outlet.select("#speakers td").eachText())
        .containsExactly("<img src=x onerror=alert(1)>", "1");
    assertThat(outlet.select(".meta").text())
        .contains("tide.example: CRED-1 mixed (score 0.40) (as tide.example)");
  }

  @Test
  void absentOrMalformedResultsLeaveTheirPagesOut() throws IOException {
    JsonNode odd = Json.MAPPER.createObjectNode().put("stories", "not a list");
    JsonNode oddGroups =
        Json.MAPPER.readTree("{\"groups\":[{\"members\":[{\"id\":7,\"edits\":\"x\"}]}, 3]}");

    ReportWriter.write(
        List.of(original, copy), List.of(), new CorpusResults(oddGroups, odd, null, null), out);

    assertThat(out.resolve("index.html")).isRegularFile();
    assertThat(out.resolve("talking-points.html")).doesNotExist();
    assertThat(out.resolve("stories")).doesNotExist();
    assertThat(out.resolve("outlets")).doesNotExist();
    parseWithoutErrors(Files.readString(out.resolve("duplicates.html")));
    org.jsoup.nodes.Document index =
        parseWithoutErrors(Files.readString(out.resolve("index.html")));
    assertThat(index.select(".topbar a").eachText())
        .containsExactly("← Corpus overview", "Duplicates");

    Path bare = out.resolve("bare");
    ReportWriter.write(List.of(original), List.of(), CorpusResults.NONE, bare);
    try (Stream<Path> files = Files.list(bare)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsOnly("index.html", "articles");
    }
  }

  private CorpusResults results() throws IOException {
    String o = original.id();
    String c = copy.id();
    String t = other.id();
    int pumps = ORIGINAL_TEXT.indexOf("Pumps");
    int pumpsEnd = ORIGINAL_TEXT.length();
    int residents = OTHER_TEXT.indexOf("<b>Residents");
    int residentsEnd = OTHER_TEXT.indexOf("Mayor") - 1;
    String duplicates =
        """
        {"groups": [{"id": "dup-omber-1", "original": "%s", "originalBy": "published",
          "members": [
            {"id": "%s", "outlet": "Omber Gazette", "published": "2031-05-02",
             "similarity": 1.0, "containment": 1.0, "edits": [], "editsOmitted": 0},
            {"id": "%s", "outlet": "Valley Post", "published": "2031-05-03",
             "similarity": 0.71, "containment": 0.8, "editsOmitted": 0, "edits": [
               {"op": "insert", "originalText": "", "copyText": "night", "at": 11},
               {"op": "delete", "originalText": "all night", "copyText": "", "at": 23},
               {"op": "replace", "originalText": "old", "copyText": "new", "at": 27}]}]}],
         "pairs": []}
        """
            .formatted(o, o, c);
    String stories =
        """
        {"stories": [{"id": "story-omber", "label": "Tessaly flood · Omber",
          "firstPublished": "2031-05-02", "lastPublished": "2031-05-04",
          "outlets": ["Omber Gazette", "Valley Post", "Tide <Watch> & Co"], "languages": ["en"],
          "names": ["Tessaly", "Ruth Aldane"], "terms": ["levee"],
          "members": [{"articleId": "%s", "score": 1.0}, {"articleId": "%s", "score": 0.9},
                      {"articleId": "%s", "score": 0.5}]}]}
        """
            .formatted(o, c, t);
    String outlets =
        """
        {"profiles": [
          %s, %s,
          {"outlet": "Tide <Watch> & Co", "articles": 1, "languages": {"en": 1},
           "firstPublished": "2031-05-04", "lastPublished": "2031-05-04",
           "ratings": [{"domain": "tide.example", "status": "rated", "cred1Domain": "tide.example",
                        "cred1Category": "mixed", "cred1Score": 0.4}],
           "topEntities": [{"canonical": "Ruth Aldane", "type": "PERSON", "mentions": 1,
                            "articles": 1, "casting": [{"word": "<b>inquiry</b>", "z": 1.2,
                            "delta": 0.5, "count": 1, "otherCount": 0}]}],
           "quotesBySpeaker": {"<img src=x onerror=alert(1)>": 1},
           "distinctiveWords": [], "layers": {}}]}
        """
            .formatted(profile("Omber Gazette"), profile("Valley Post"));
    String talkingPoints =
        """
        {"talkingPoints": [{"id": "pumps", "kind": "paraphrased",
           "representative": {"document": "%1$s", "begin": %3$d, "end": %4$d,
             "text": "Pumps ran all night near the old mill.", "outlet": "Omber Gazette",
             "published": "2031-05-02", "similarity": 1.0},
           "size": 2, "outletCount": 2, "outlets": ["Omber Gazette", "Tide <Watch> & Co"],
           "documents": ["%1$s", "%2$s"],
           "first": {"document": "%1$s", "outlet": "Omber Gazette", "published": "2031-05-02"},
           "members": [
             {"document": "%1$s", "begin": %3$d, "end": %4$d,
              "text": "Pumps ran all night near the old mill.", "outlet": "Omber Gazette",
              "published": "2031-05-02", "similarity": 1.0},
             {"document": "%2$s", "begin": %5$d, "end": %6$d,
              "text": "<b>Residents</b> & shopkeepers blamed the levee.",
              "outlet": "Tide <Watch> & Co", "published": "2031-05-04", "similarity": 0.61}]}],
         "recurringQuotes": [{"speaker": "Ruth Aldane", "outletCount": 2, "quotes": [
           {"id": "levee", "kind": "copied",
            "representative": {"document": "%1$s", "begin": 0, "end": 10, "text": "the levee held",
              "outlet": "Omber Gazette", "published": "2031-05-02", "similarity": 1.0},
            "size": 1, "outletCount": 2, "outlets": [], "documents": [],
            "first": {"document": "%1$s", "outlet": "Omber Gazette", "published": null},
            "members": []}]}],
         "documents": 3, "sentences": 9, "candidatePairs": 4, "linkedPairs": 1}
        """
            .formatted(o, t, pumps, pumpsEnd, residents, residentsEnd);
    return new CorpusResults(
        Json.MAPPER.readTree(duplicates),
        Json.MAPPER.readTree(stories),
        Json.MAPPER.readTree(outlets),
        Json.MAPPER.readTree(talkingPoints));
  }

  private static String profile(String outlet) {
    return """
        {"outlet": "%s", "articles": 1, "languages": {"en": 1},
         "firstPublished": "2031-05-02", "lastPublished": "2031-05-03",
         "ratings": [{"domain": "x.example", "status": "unrated"}], "topEntities": [],
         "quotesBySpeaker": {"Ruth Aldane": 1},
         "distinctiveWords": [{"word": "levee", "z": 2.5, "delta": 0.9, "count": 3,
                               "otherCount": 1},
                              {"word": "mill", "z": 1.1, "delta": 0.4, "count": 1,
                               "otherCount": 0}],
         "layers": {}}
        """
        .formatted(outlet);
  }

  private static JsonNode edit(String op, String originalText, String copyText, int at) {
    return Json.MAPPER
        .createObjectNode()
        .put("op", op)
        .put("originalText", originalText)
        .put("copyText", copyText)
        .put("at", at);
  }

  private static Document article(
      String id, String outlet, String published, String title, String text) {
    return Document.restore(
        id,
        Source.of(id, "inbox/" + id + ".txt", null, "txt"),
        new Metadata(title, List.of(), published, outlet, "en"),
        text,
        java.util.Map.of());
  }

  private static Span span(String text, String needle) {
    int at = text.indexOf(needle);
    assertThat(at).as(needle).isNotNegative();
    return new Span(at, at + needle.length());
  }

  /** Parses a page and fails on any HTML parse error, such as a misnested or stray end tag. */
  private static org.jsoup.nodes.Document parseWithoutErrors(String html) {
    Parser parser = Parser.htmlParser().setTrackErrors(20);
    org.jsoup.nodes.Document page = Jsoup.parse(html, "", parser);
    assertThat(parser.getErrors()).isEmpty();
    return page;
  }
}
