package org.parallax.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code outlets/<slug>.html}: one outlet's profile — what it published, its public rating, the
 * words it uses more than the other outlets, how it casts the entities it covers, whom it quotes.
 */
final class OutletPage {

  private static final String ROOT = "../";

  private OutletPage() {}

  static String render(
      JsonNode profile, List<ArticleRef> articles, CorpusIndex corpus, String css) {
    String outlet = CorpusIndex.text(profile, "outlet");
    StringBuilder out = new StringBuilder(1 << 14);
    Html.pageStart(out, outlet + " · Parallax report", "en", css, false);
    Html.navigation(out, ROOT, corpus);
    out.append("<main class=\"overview\">\n<header class=\"report-head\"><p class=\"outlet\">")
        .append("Outlet</p><h1 dir=\"auto\">")
        .append(Html.escape(outlet))
        .append("</h1>\n<dl class=\"meta\">\n");
    term(out, "Articles", String.valueOf(profile.path("articles").asInt(articles.size())));
    term(out, "Languages", counts(profile.path("languages")));
    term(out, "Published", dates(profile));
    term(out, "Rating", rating(profile.path("ratings")));
    out.append("</dl></header>\n");

    words(out, profile.path("distinctiveWords"));
    entities(out, profile.path("topEntities"));
    speakers(out, profile.path("quotesBySpeaker"));
    genres(out, profile.path("layers"));
    frames(out, profile.path("layers"));
    techniques(out, profile.path("layers"));
    articleList(out, articles);
    out.append("</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void term(StringBuilder out, String name, String valueHtml) {
    out.append("<div><dt>")
        .append(name)
        .append("</dt><dd>")
        .append(valueHtml)
        .append("</dd></div>\n");
  }

  /** "en 3, de 1" from a JSON object of counts, escaped. */
  static String counts(JsonNode object) {
    StringBuilder out = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      out.append(out.length() == 0 ? "" : ", ")
          .append(Html.escape(entry.getKey()))
          .append(' ')
          .append(entry.getValue().asInt());
    }
    return out.length() == 0 ? "—" : out.toString();
  }

  static String dates(JsonNode node) {
    String first = CorpusIndex.text(node, "firstPublished");
    String last = CorpusIndex.text(node, "lastPublished");
    if (first == null && last == null) {
      return "undated";
    }
    if (first == null || last == null || first.equals(last)) {
      return "<time>" + Html.escape(first == null ? last : first) + "</time>";
    }
    return "<time>" + Html.escape(first) + "</time> – <time>" + Html.escape(last) + "</time>";
  }

  /**
   * The public ratings of its domains, each naming its source list; "unrated" says only that
   * neither list knows the domain.
   */
  static String rating(JsonNode ratings) {
    if (ratings.isEmpty()) {
      return "unrated <span class=\"note\">(no URL to look up)</span>";
    }
    StringBuilder out = new StringBuilder("<ul class=\"ratings\">");
    for (JsonNode rating : ratings) {
      out.append("<li><code>")
          .append(Html.escape(CorpusIndex.text(rating, "domain")))
          .append("</code>: ");
      double pc1 = CorpusIndex.number(rating, "linPc1");
      String category = CorpusIndex.text(rating, "cred1Category");
      if (Double.isNaN(pc1) && category == null) {
        out.append("unrated <span class=\"note\">(in neither Lin et al. 2023 nor CRED-1;")
            .append(" unknown, not trustworthy)</span>");
      }
      if (!Double.isNaN(pc1)) {
        out.append("Lin et al. (2023) quality <strong>")
            .append(CorpusIndex.decimal(pc1))
            .append("</strong> <span class=\"note\">(0 lowest – 1 highest, as <code>")
            .append(Html.escape(CorpusIndex.text(rating, "linDomain")))
            .append("</code>)</span>");
      }
      if (category != null) {
        out.append(Double.isNaN(pc1) ? "" : "; ")
            .append("CRED-1 <strong>")
            .append(Html.escape(category))
            .append("</strong>");
        double score = CorpusIndex.number(rating, "cred1Score");
        if (!Double.isNaN(score)) {
          out.append(" (score ").append(CorpusIndex.decimal(score)).append(')');
        }
        out.append(" <span class=\"note\">(as <code>")
            .append(Html.escape(CorpusIndex.text(rating, "cred1Domain")))
            .append("</code>)</span>");
      }
      out.append("</li>");
    }
    return out.append("</ul>").toString();
  }

  private static void words(StringBuilder out, JsonNode words) {
    out.append("<section id=\"distinctive-words\">\n<h2>Distinctive words</h2>\n");
    if (words.isEmpty()) {
      out.append("<p class=\"note\">None: no other outlet writes in this outlet's languages, or")
          .append(" this outlet uses no word notably more.</p>\n</section>\n");
      return;
    }
    out.append("<p class=\"note\">Words this outlet uses more than the other outlets writing")
        .append(" in the same language, by")
        .append(" log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &amp;")
        .append(" Quinn 2008); z above 1.96 is the usual 95% bar.</p>\n")
        .append("<table class=\"data\"><thead><tr><th>Word</th><th class=\"num\">z</th>")
        .append("<th class=\"num\">δ</th><th class=\"num\">Here</th>")
        .append("<th class=\"num\">Elsewhere</th></tr></thead><tbody>\n");
    for (JsonNode word : words) {
      out.append("<tr><td dir=\"auto\">")
          .append(Html.escape(CorpusIndex.text(word, "word")))
          .append("</td><td class=\"num\">")
          .append(CorpusIndex.decimal(CorpusIndex.number(word, "z")))
          .append("</td><td class=\"num\">")
          .append(CorpusIndex.decimal(CorpusIndex.number(word, "delta")))
          .append("</td><td class=\"num\">")
          .append(word.path("count").asInt())
          .append("</td><td class=\"num\">")
          .append(word.path("otherCount").asInt())
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n</section>\n");
  }

  private static void entities(StringBuilder out, JsonNode entities) {
    out.append("<section id=\"entities\">\n<h2>Top entities and how they are cast</h2>\n");
    if (entities.isEmpty()) {
      out.append("<p class=\"note\">No entities.</p>\n</section>\n");
      return;
    }
    out.append("<p class=\"note\">The words this outlet uses near each entity more than the")
        .append(" other outlets do near the same entity, with their z-score.</p>\n")
        .append("<table class=\"data\"><thead><tr><th>Entity</th><th>Type</th>")
        .append("<th class=\"num\">Mentions</th><th class=\"num\">Articles</th>")
        .append("<th>Cast as</th></tr></thead><tbody>\n");
    for (JsonNode entity : entities) {
      out.append("<tr><td dir=\"auto\">")
          .append(Html.escape(CorpusIndex.text(entity, "canonical")))
          .append("</td><td>")
          .append(Html.escape(CorpusIndex.text(entity, "type")))
          .append("</td><td class=\"num\">")
          .append(entity.path("mentions").asInt())
          .append("</td><td class=\"num\">")
          .append(entity.path("articles").asInt())
          .append("</td><td class=\"casting\">");
      wordChips(out, entity.path("casting"), Integer.MAX_VALUE);
      out.append("</td></tr>\n");
    }
    out.append("</tbody></table>\n</section>\n");
  }

  /** Words as small labels with their z-score; used here and on story pages. */
  static void wordChips(StringBuilder out, JsonNode words, int limit) {
    if (words.isEmpty()) {
      out.append("<span class=\"note\">—</span>");
    }
    int shown = 0;
    for (JsonNode word : words) {
      if (shown++ == limit) {
        break;
      }
      out.append("<span class=\"chip\" dir=\"auto\">")
          .append(Html.escape(CorpusIndex.text(word, "word")))
          .append(" <span class=\"z\">")
          .append(CorpusIndex.decimal(CorpusIndex.number(word, "z")))
          .append("</span></span> ");
    }
  }

  private static void speakers(StringBuilder out, JsonNode bySpeaker) {
    out.append("<section id=\"speakers\">\n<h2>Quotes by speaker</h2>\n");
    if (bySpeaker.isEmpty()) {
      out.append("<p class=\"note\">No attributed quotes.</p>\n</section>\n");
      return;
    }
    out.append("<table class=\"data\"><thead><tr><th>Speaker</th><th class=\"num\">Quotes</th>")
        .append("</tr></thead><tbody>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = bySpeaker.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      out.append("<tr><td dir=\"auto\">")
          .append(Html.escape(entry.getKey()))
          .append("</td><td class=\"num\">")
          .append(entry.getValue().asInt())
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n</section>\n");
  }

  /** The share of the outlet's articles using each frame; nothing when none was read for frames. */
  private static void frames(StringBuilder out, JsonNode layers) {
    JsonNode frames = layers.path("frames");
    if (frames.isMissingNode()) {
      return;
    }
    out.append("<section id=\"frames\">\n<h2>Frames</h2>\n")
        .append("<p class=\"note\">Share of its articles using each frame (an article may use")
        .append(" several), as told by the framing model (see docs/MODEL-CARD-framing.md).</p>\n");
    if (frames.isEmpty()) {
      out.append("<p class=\"note\">None found.</p>\n</section>\n");
      return;
    }
    out.append("<table class=\"data\"><thead><tr><th>Frame</th><th class=\"num\">Share</th>")
        .append("</tr></thead><tbody>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = frames.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      out.append("<tr><td>")
          .append(Html.escape(entry.getKey().replace('_', ' ')))
          .append("</td><td class=\"num\">")
          .append(
              String.format(java.util.Locale.ROOT, "%.0f %%", 100 * entry.getValue().asDouble()))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n</section>\n");
  }

  /** The outlet's genre mix; nothing when none of its articles got a genre. */
  private static void genres(StringBuilder out, JsonNode layers) {
    JsonNode genres = layers.path("genres");
    if (genres.isMissingNode() || genres.isEmpty()) {
      return;
    }
    out.append("<section id=\"genres\">\n<h2>Genres</h2>\n")
        .append("<p class=\"note\">Share of its articles in each genre, as told by the genre")
        .append(" model (see docs/MODEL-CARD-genre.md).</p>\n")
        .append("<table class=\"data\"><thead><tr><th>Genre</th><th class=\"num\">Share</th>")
        .append("</tr></thead><tbody>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = genres.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      out.append("<tr><td>")
          .append(Html.escape(entry.getKey()))
          .append("</td><td class=\"num\">")
          .append(
              String.format(java.util.Locale.ROOT, "%.0f %%", 100 * entry.getValue().asDouble()))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n</section>\n");
  }

  /**
   * Persuasion techniques per 1,000 words, in the outlet's own voice and in the quotes it prints,
   * side by side; nothing when none of its articles was read for techniques.
   */
  private static void techniques(StringBuilder out, JsonNode layers) {
    JsonNode own = layers.path("techniques");
    JsonNode quoted = layers.path("techniquesInQuotes");
    if (own.isMissingNode() && quoted.isMissingNode()) {
      return;
    }
    out.append("<section id=\"techniques\">\n<h2>Persuasion techniques</h2>\n")
        .append("<p class=\"note\">Occurrences per 1,000 words of its English articles, as found")
        .append(" by the persuasion model (see docs/MODEL-CARD-persuasion.md).</p>\n");
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    own.fieldNames().forEachRemaining(names::add);
    quoted.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty()) {
      out.append("<p class=\"note\">None found.</p>\n</section>\n");
      return;
    }
    out.append("<table class=\"data\"><thead><tr><th>Technique</th>")
        .append("<th class=\"num\">Own voice</th><th class=\"num\">In quotes</th>")
        .append("</tr></thead><tbody>\n");
    for (String name : names) {
      out.append("<tr><td>")
          .append(Html.escape(TechniquesSection.label(name)))
          .append("</td><td class=\"num\">")
          .append(String.format(java.util.Locale.ROOT, "%.2f", own.path(name).asDouble(0)))
          .append("</td><td class=\"num\">")
          .append(String.format(java.util.Locale.ROOT, "%.2f", quoted.path(name).asDouble(0)))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n</section>\n");
  }

  private static void articleList(StringBuilder out, List<ArticleRef> articles) {
    out.append("<section id=\"articles\">\n<h2>Articles <span class=\"count\">")
        .append(articles.size())
        .append("</span></h2>\n<ul class=\"article-list\">\n");
    for (ArticleRef article : articles) {
      out.append("<li>");
      Html.articleLink(out, article, article.id(), ROOT, null);
      if (article.published() != null) {
        out.append(" <time>").append(Html.escape(article.published())).append("</time>");
      }
      if (article.language() != null) {
        out.append(" <span class=\"lang\">")
            .append(Html.escape(article.language()))
            .append("</span>");
      }
      out.append("</li>\n");
    }
    out.append("</ul>\n</section>\n");
  }
}
