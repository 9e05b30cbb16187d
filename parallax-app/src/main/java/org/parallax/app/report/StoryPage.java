package org.parallax.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stories/<id>.html}: one story with its outlets side by side — for each, its articles, the
 * quotes it carries, its distinctive words and the talking points it repeats — so a reader can see
 * at a glance who tells the story how.
 */
final class StoryPage {

  private static final String ROOT = "../";
  private static final int WORDS_SHOWN = 12;

  private StoryPage() {}

  static String render(
      JsonNode story, Map<String, ArticleRef> articles, CorpusIndex corpus, String css) {
    String label = CorpusIndex.text(story, "label");
    String title = label == null || label.isBlank() ? CorpusIndex.text(story, "id") : label;
    StringBuilder out = new StringBuilder(1 << 14);
    Html.pageStart(out, title + " · Parallax report", "en", css, false);
    Html.navigation(out, ROOT, corpus);
    out.append("<main class=\"story-page\">\n<header class=\"report-head\"><p class=\"outlet\">")
        .append("Story</p><h1 dir=\"auto\">")
        .append(Html.escape(title))
        .append("</h1>\n");

    Map<String, List<ArticleRef>> byOutlet = new LinkedHashMap<>();
    int missing = 0;
    for (JsonNode member : story.path("members")) {
      ArticleRef ref = articles.get(CorpusIndex.text(member, "articleId"));
      if (ref == null) {
        missing++;
      } else {
        byOutlet.computeIfAbsent(ref.outlet(), k -> new ArrayList<>()).add(ref);
      }
    }
    List<String> listed = CorpusIndex.texts(story, "outlets");
    List<Map.Entry<String, List<ArticleRef>>> columns = new ArrayList<>(byOutlet.entrySet());
    columns.sort(
        Comparator.<Map.Entry<String, List<ArticleRef>>>comparingInt(e -> -e.getValue().size())
            .thenComparingInt(e -> rank(listed, e.getKey()))
            .thenComparing(Map.Entry::getKey));

    out.append("<dl class=\"meta\">\n");
    term(out, "Articles", String.valueOf(story.path("members").size()));
    term(out, "Outlets", columns.size() + "");
    term(out, "Languages", Html.escape(String.join(", ", CorpusIndex.texts(story, "languages"))));
    term(out, "Published", OutletPage.dates(story));
    term(out, "Key names", Html.escape(String.join(" · ", CorpusIndex.texts(story, "names"))));
    term(out, "Key terms", Html.escape(String.join(" · ", CorpusIndex.texts(story, "terms"))));
    out.append("</dl>\n");
    if (missing > 0) {
      out.append("<p class=\"note\">")
          .append(missing)
          .append(" member articles have no page in this report.</p>\n");
    }
    out.append("</header>\n<div class=\"outlet-columns\">\n");
    for (Map.Entry<String, List<ArticleRef>> column : columns) {
      column(out, column.getKey(), column.getValue(), corpus);
    }
    out.append("</div>\n</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private static int rank(List<String> listed, String outlet) {
    int at = listed.indexOf(outlet);
    return at < 0 ? Integer.MAX_VALUE : at;
  }

  private static void term(StringBuilder out, String name, String valueHtml) {
    out.append("<div><dt>")
        .append(name)
        .append("</dt><dd>")
        .append(valueHtml.isEmpty() ? "—" : valueHtml)
        .append("</dd></div>\n");
  }

  private static void column(
      StringBuilder out, String outlet, List<ArticleRef> articles, CorpusIndex corpus) {
    out.append("<section class=\"outlet-column\">\n<h2 dir=\"auto\">");
    String page = corpus.outletPage(outlet);
    if (page != null) {
      out.append("<a href=\"")
          .append(ROOT)
          .append("outlets/")
          .append(Html.escape(page))
          .append("\">")
          .append(Html.escape(outlet))
          .append("</a>");
    } else {
      out.append(Html.escape(outlet));
    }
    out.append(" <span class=\"count\">")
        .append(articles.size())
        .append(articles.size() == 1 ? " article" : " articles")
        .append("</span></h2>\n<ul class=\"article-list\">\n");
    for (ArticleRef article : articles) {
      out.append("<li>");
      Html.articleLink(out, article, article.id(), ROOT, null);
      out.append("<br><span class=\"note\">")
          .append(article.published() == null ? "undated" : Html.escape(article.published()))
          .append(article.language() == null ? "" : " · " + Html.escape(article.language()))
          .append("</span></li>\n");
    }
    out.append("</ul>\n");
    quotes(out, articles);
    JsonNode profile = corpus.profileOf(outlet);
    if (profile != null) {
      out.append("<h3>Distinctive words</h3>\n<p class=\"chips\">");
      OutletPage.wordChips(out, profile.path("distinctiveWords"), WORDS_SHOWN);
      out.append("</p>\n");
    }
    talkingPoints(out, articles, corpus);
    out.append("</section>\n");
  }

  private static void quotes(StringBuilder out, List<ArticleRef> articles) {
    record Said(ArticleRef article, ArticleRef.QuoteLine quote) {}
    Map<String, List<Said>> bySpeaker = new LinkedHashMap<>();
    for (ArticleRef article : articles) {
      for (ArticleRef.QuoteLine quote : article.quotes()) {
        bySpeaker
            .computeIfAbsent(quote.speaker(), k -> new ArrayList<>())
            .add(new Said(article, quote));
      }
    }
    out.append("<h3>Quotes</h3>\n");
    if (bySpeaker.isEmpty()) {
      out.append("<p class=\"note\">No quotes.</p>\n");
      return;
    }
    out.append("<dl class=\"story-quotes\">\n");
    for (Map.Entry<String, List<Said>> speaker : bySpeaker.entrySet()) {
      out.append("<dt dir=\"auto\">").append(Html.escape(speaker.getKey())).append("</dt>\n");
      for (Said said : speaker.getValue()) {
        out.append("<dd><q dir=\"auto\">")
            .append(Html.escape(said.quote().text()))
            .append("</q> <a class=\"jump\" href=\"")
            .append(Html.escape(ROOT + said.article().href() + "#q" + said.quote().number()))
            .append("\" title=\"")
            .append(Html.escape(said.article().title()))
            .append("\">→</a></dd>\n");
      }
    }
    out.append("</dl>\n");
  }

  private static void talkingPoints(
      StringBuilder out, List<ArticleRef> articles, CorpusIndex corpus) {
    if (!corpus.hasTalkingPoints()) {
      return;
    }
    record Carried(ArticleRef article, CorpusIndex.CarriedSentence sentence) {}
    Map<String, List<Carried>> byPoint = new LinkedHashMap<>();
    for (ArticleRef article : articles) {
      for (CorpusIndex.CarriedSentence sentence : corpus.sentencesOf(article.id())) {
        if (!sentence.quote()) {
          byPoint
              .computeIfAbsent(sentence.pointAnchor(), k -> new ArrayList<>())
              .add(new Carried(article, sentence));
        }
      }
    }
    out.append("<h3>Talking points</h3>\n");
    if (byPoint.isEmpty()) {
      out.append("<p class=\"note\">None shared with other outlets.</p>\n");
      return;
    }
    out.append("<ul class=\"story-points\">\n");
    for (Map.Entry<String, List<Carried>> point : byPoint.entrySet()) {
      out.append("<li><a href=\"")
          .append(ROOT)
          .append("talking-points.html#")
          .append(Html.escape(point.getKey()))
          .append("\" dir=\"auto\">")
          .append(Html.escape(point.getValue().get(0).sentence().representative()))
          .append("</a>");
      for (Carried carried : point.getValue()) {
        out.append("<blockquote dir=\"auto\">")
            .append(Html.escape(carried.sentence().text()))
            .append(" <a class=\"jump\" href=\"")
            .append(
                Html.escape(ROOT + carried.article().href() + "#" + carried.sentence().anchor()))
            .append("\" title=\"")
            .append(Html.escape(carried.article().title()))
            .append("\">→</a></blockquote>");
      }
      out.append("</li>\n");
    }
    out.append("</ul>\n");
  }
}
