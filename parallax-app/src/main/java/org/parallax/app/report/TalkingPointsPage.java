package org.parallax.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code talking-points.html}: claims that recur across outlets, each with every sentence that
 * carries it, and apart from them the quotes of one speaker that several outlets repeat.
 */
final class TalkingPointsPage {

  /** Carriers listed per point; a wire story can be carried by hundreds of articles. */
  static final int MAX_CARRIERS = 200;

  private TalkingPointsPage() {}

  /** The outlet as a reader knows it; the stage keys unnamed outlets by document. */
  private static String outletName(String outlet) {
    return outlet == null || outlet.startsWith("unknown:") ? CorpusIndex.UNKNOWN_OUTLET : outlet;
  }

  static String render(CorpusIndex corpus, Map<String, ArticleRef> articles, String css) {
    StringBuilder out = new StringBuilder(1 << 16);
    Html.pageStart(out, "Talking points · Parallax report", "en", css, false);
    Html.navigation(out, "", corpus);
    out.append("<main class=\"overview\">\n<h1>Talking points <span class=\"count\">")
        .append(corpus.talkingPoints().size())
        .append("</span></h1>\n<p class=\"note\">Sentences that say the same thing in at least")
        .append(" two outlets, as copies or in other words. Each lists every sentence that")
        .append(" carries it; the link opens the article at that sentence.</p>\n");
    if (corpus.talkingPoints().isEmpty()) {
      out.append("<p class=\"note\">No claim recurs across outlets in this corpus.</p>\n");
    }
    for (JsonNode point : corpus.talkingPoints()) {
      point(out, point, CorpusIndex.pointAnchor(point), articles, "h2");
    }
    out.append("<section id=\"recurring-quotes\">\n<h2 class=\"section\">Recurring quotes by")
        .append(" speaker <span class=\"count\">")
        .append(corpus.recurringQuotes().size())
        .append("</span></h2>\n<p class=\"note\">Statements of one speaker that several outlets")
        .append(" quote: shown apart, since repeating a quote is reporting, not a talking")
        .append(" point.</p>\n");
    for (JsonNode speaker : corpus.recurringQuotes()) {
      String name = CorpusIndex.text(speaker, "speaker");
      out.append("<div class=\"speaker-block\"><h3 class=\"speaker-name\" dir=\"auto\">")
          .append(Html.escape(name == null ? "unnamed speaker" : name))
          .append(" <span class=\"count\">")
          .append(speaker.path("outletCount").asInt())
          .append(" outlets</span></h3>\n");
      for (JsonNode quote : speaker.path("quotes")) {
        point(out, quote, CorpusIndex.quoteAnchor(quote), articles, "h4");
      }
      out.append("</div>\n");
    }
    out.append("</section>\n</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void point(
      StringBuilder out,
      JsonNode point,
      String anchor,
      Map<String, ArticleRef> articles,
      String heading) {
    JsonNode representative = point.path("representative");
    String kind = CorpusIndex.text(point, "kind");
    out.append("<article class=\"talking-point\" id=\"")
        .append(Html.escape(anchor))
        .append("\">\n<")
        .append(heading)
        .append(" class=\"representative\" dir=\"auto\">")
        .append(Html.escape(CorpusIndex.text(representative, "text")))
        .append("</")
        .append(heading)
        .append(">\n<p class=\"facts\"><span class=\"kind kind-")
        .append(Html.classSuffix(kind))
        .append("\">")
        .append(Html.escape(kind == null ? "recurring" : kind))
        .append("</span> ")
        .append(point.path("outletCount").asInt())
        .append(" outlets · ")
        .append(point.path("size").asInt(point.path("members").size()))
        .append(" sentences · first: ");
    JsonNode first = point.path("first");
    String firstDocument = CorpusIndex.text(first, "document");
    String firstOutlet = CorpusIndex.text(first, "outlet");
    String firstPublished = CorpusIndex.text(first, "published");
    out.append("<span dir=\"auto\">")
        .append(Html.escape(outletName(firstOutlet)))
        .append("</span>, ")
        .append(
            firstPublished == null
                ? "undated (first read)"
                : "<time>" + Html.escape(firstPublished) + "</time>");
    if (firstDocument != null) {
      out.append(", ");
      Html.articleLink(out, articles.get(firstDocument), firstDocument, "", null);
    }
    out.append("</p>\n<table class=\"data carriers\"><thead><tr><th>Outlet</th><th>Date</th>")
        .append("<th>Sentence</th><th class=\"num\">Similarity</th></tr></thead><tbody>\n");
    int shown = 0;
    for (JsonNode member : point.path("members")) {
      if (shown++ == MAX_CARRIERS) {
        break;
      }
      String document = CorpusIndex.text(member, "document");
      String published = CorpusIndex.text(member, "published");
      out.append("<tr><td dir=\"auto\">")
          .append(Html.escape(outletName(CorpusIndex.text(member, "outlet"))))
          .append("</td><td class=\"date\">")
          .append(Html.escape(published))
          .append("</td><td dir=\"auto\">")
          .append(Html.escape(CorpusIndex.text(member, "text")))
          .append(" ");
      ArticleRef ref = document == null ? null : articles.get(document);
      if (ref != null) {
        out.append("<a class=\"jump\" href=\"")
            .append(Html.escape(ref.href() + "#s" + member.path("begin").asInt()))
            .append("\" title=\"")
            .append(Html.escape(ref.title()))
            .append("\">→</a>");
      } else {
        out.append("<code>").append(Html.escape(document)).append("</code>");
      }
      out.append("</td><td class=\"num\">")
          .append(CorpusIndex.decimal(CorpusIndex.number(member, "similarity")))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n");
    int more = point.path("members").size() - MAX_CARRIERS;
    if (more > 0) {
      out.append("<p class=\"note\">").append(more).append(" more sentences carry it.</p>\n");
    }
    out.append("</article>\n");
  }
}
