package org.parallax.app.report;

import java.util.List;
import java.util.Map;
import org.parallax.index.workspace.Passage;

/**
 * The search page of {@code parallax serve}: the query, its hits linked to their article pages, and
 * the corpus's facets (outlets, languages, names, months), each value a search of its own.
 */
final class SearchPage {

  private static final Map<String, String> FACET_TITLES =
      Map.of("outlet", "Outlets", "language", "Languages", "entity", "Names", "month", "Months");

  /**
   * One hit.
   *
   * @param href the article page, relative to the site root; null when the site has none
   * @param passages where the query matches in the text
   */
  record Hit(String id, String title, String outlet, String href, List<Passage> passages) {}

  /** One value of a facet, with the link that narrows the search to it. */
  record FacetValue(String value, long count, String href) {}

  /** A filter in force, with the link that drops it. */
  record ActiveFilter(String dimension, String value, String removeHref) {}

  private SearchPage() {}

  static String render(
      String query,
      List<ActiveFilter> filters,
      int total,
      List<Hit> hits,
      String error,
      Map<String, List<FacetValue>> facets,
      CorpusIndex corpus,
      String css) {
    StringBuilder page = new StringBuilder(8192);
    Html.pageStart(page, query.isBlank() ? "Search" : "Search: " + query, "en", css, false);
    Html.navigation(page, "", corpus);
    page.append("<main class=\"overview\">\n<h1>Search the articles</h1>\n");
    page.append("<form action=\"search\" method=\"get\"><input type=\"search\" name=\"q\"")
        .append(" size=\"60\" value=\"")
        .append(Html.escape(query))
        .append("\" autofocus>");
    for (ActiveFilter filter : filters) {
      page.append("<input type=\"hidden\" name=\"")
          .append(Html.escape(filter.dimension()))
          .append("\" value=\"")
          .append(Html.escape(filter.value()))
          .append("\">");
    }
    page.append(" <button type=\"submit\">Search</button></form>\n")
        .append("<p class=\"note\">All words must match unless joined by OR; \"exact phrase\",")
        .append(" title:word, word* and -excluded work; the lists below narrow the search.</p>\n");
    if (error != null) {
      page.append("<p class=\"error\">").append(Html.escape(error)).append("</p>\n");
    } else if (!query.isBlank() || !filters.isEmpty()) {
      page.append("<h2>").append(total).append(total == 1 ? " article" : " articles");
      if (total > hits.size()) {
        page.append(", the first ").append(hits.size()).append(" shown");
      }
      page.append("</h2>\n");
      for (ActiveFilter filter : filters) {
        page.append("<span class=\"kind\">")
            .append(Html.escape(FACET_TITLES.getOrDefault(filter.dimension(), filter.dimension())))
            .append(": ")
            .append(Html.escape(filter.value()))
            .append(" <a href=\"")
            .append(Html.escape(filter.removeHref()))
            .append("\" title=\"drop this filter\">×</a></span> ");
      }
      page.append("<ol class=\"hits\">\n");
      for (Hit hit : hits) {
        String title = hit.title() == null || hit.title().isBlank() ? hit.id() : hit.title();
        page.append("<li>");
        if (hit.href() == null) {
          page.append(Html.escape(title));
        } else {
          page.append("<a href=\"")
              .append(Html.escape(hit.href()))
              .append("\">")
              .append(Html.escape(title))
              .append("</a>");
        }
        if (hit.outlet() != null && !hit.outlet().isBlank()) {
          page.append(" <span class=\"outlet\">")
              .append(Html.escape(hit.outlet()))
              .append("</span>");
        }
        for (Passage passage : hit.passages()) {
          page.append("<blockquote class=\"passage\">…");
          int at = 0;
          for (int[] match : passage.matches()) {
            Html.escape(page, passage.text(), at, match[0]);
            page.append("<mark>");
            Html.escape(page, passage.text(), match[0], match[1]);
            page.append("</mark>");
            at = match[1];
          }
          Html.escape(page, passage.text(), at, passage.text().length());
          page.append("…</blockquote>");
        }
        page.append("</li>\n");
      }
      page.append("</ol>\n");
    }
    for (Map.Entry<String, List<FacetValue>> facet : facets.entrySet()) {
      if (facet.getValue().isEmpty()) {
        continue;
      }
      page.append("<section class=\"facet\"><h2>")
          .append(Html.escape(FACET_TITLES.getOrDefault(facet.getKey(), facet.getKey())))
          .append("</h2>\n<ul>\n");
      for (FacetValue value : facet.getValue()) {
        page.append("<li>");
        if (value.href() == null) {
          page.append(Html.escape(value.value()));
        } else {
          page.append("<a href=\"")
              .append(Html.escape(value.href()))
              .append("\">")
              .append(Html.escape(value.value()))
              .append("</a>");
        }
        page.append(" <span class=\"count\">").append(value.count()).append("</span></li>\n");
      }
      page.append("</ul></section>\n");
    }
    page.append("</main>\n</body>\n</html>\n");
    return page.toString();
  }
}
