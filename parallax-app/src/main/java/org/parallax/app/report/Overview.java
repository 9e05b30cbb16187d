package org.parallax.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.model.Document;
import org.parallax.core.model.Outcome;
import org.parallax.nlp.entities.Entity;
import org.parallax.nlp.quotes.Quote;

/**
 * Collects what the overview page needs while article pages are written, then writes it.
 *
 * <p>Only small per-article summaries and running tallies are kept, so the report works in one pass
 * over a stream of documents and in time linear in the corpus.
 */
final class Overview {

  /** How many entities and speakers the overview lists; the rest is summarised in one line. */
  static final int TOP_ENTITIES = 100;

  static final int TOP_SPEAKERS = 200;

  /** How many stories the overview lists, largest first; every story has its page anyway. */
  static final int TOP_STORIES = 300;

  private static final int QUOTE_PREVIEW = 400;
  private static final int FLUSH_AT = 1 << 16;

  private record Row(
      String href,
      String title,
      String outlet,
      String published,
      String language,
      int entities,
      int quotes,
      int boilerplate) {}

  private record QuoteRef(String href, String articleTitle, String kind, String cue, String text) {}

  /** Running counts for one canonical name; {@code lastArticle} makes the article count O(1). */
  private static final class EntityTally {
    final String name;
    final Map<String, Integer> types = new HashMap<>(2);
    int mentions;
    int articles;
    int lastArticle = -1;

    EntityTally(String name) {
      this.name = name;
    }

    String type() {
      return types.entrySet().stream()
          .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey))
          .map(Map.Entry::getKey)
          .orElse("");
    }
  }

  private static final class SpeakerTally {
    final String name;
    final List<QuoteRef> quotes = new ArrayList<>();
    int articles;
    int lastArticle = -1;

    SpeakerTally(String name) {
      this.name = name;
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<Outcome.Failed> failures = new ArrayList<>();
  private final Map<String, int[]> outlets = new HashMap<>();
  private final Map<String, int[]> languages = new HashMap<>();
  private final Map<String, EntityTally> entities = new HashMap<>();
  private final Map<String, SpeakerTally> speakers = new HashMap<>();
  private int unattributedQuotes;
  private int mentionTotal;
  private int quoteTotal;
  private int boilerplateTotal;

  private final CorpusIndex corpus;

  Overview(List<Outcome.Failed> failures, CorpusIndex corpus) {
    this.failures.addAll(failures);
    this.corpus = corpus;
  }

  void failed(Outcome.Failed failure) {
    failures.add(failure);
  }

  /** Adds one article whose page is at {@code href}, relative to the overview. */
  void add(ArticleView view, String href) {
    int article = rows.size();
    Document document = view.document();
    String outlet = document.metadata().outlet();
    rows.add(
        new Row(
            href,
            view.title(),
            outlet,
            document.metadata().published(),
            view.language(),
            view.entities().size(),
            view.quotes().size(),
            view.boilerplate().size()));
    outlets
        .computeIfAbsent(outlet == null || outlet.isBlank() ? "" : outlet.strip(), k -> new int[1])[
        0]++;
    languages.computeIfAbsent(view.language() == null ? "" : view.language(), k -> new int[1])[0]++;
    for (Entity entity : view.entities()) {
      EntityTally tally = entities.computeIfAbsent(view.entityName(entity), EntityTally::new);
      tally.mentions++;
      tally.types.merge(entity.type() == null ? "" : entity.type(), 1, Integer::sum);
      if (tally.lastArticle != article) {
        tally.lastArticle = article;
        tally.articles++;
      }
    }
    List<Quote> quotes = view.quotes();
    for (int i = 0; i < quotes.size(); i++) {
      Quote quote = quotes.get(i);
      if (quote.speaker() == null || quote.speaker().isBlank()) {
        unattributedQuotes++;
        continue;
      }
      SpeakerTally tally = speakers.computeIfAbsent(quote.speaker().strip(), SpeakerTally::new);
      String text = document.text(quote.span()).strip().replaceAll("\\s+", " ");
      tally.quotes.add(
          new QuoteRef(
              href + "#q" + (i + 1),
              view.title(),
              quote.kind(),
              quote.cue(),
              Html.shorten(text, QUOTE_PREVIEW)));
      if (tally.lastArticle != article) {
        tally.lastArticle = article;
        tally.articles++;
      }
    }
    mentionTotal += view.entities().size();
    quoteTotal += quotes.size();
    boilerplateTotal += view.boilerplate().size();
  }

  /** Writes index.html to {@code out}. */
  void write(Writer out, String css) throws IOException {
    StringBuilder page = new StringBuilder(FLUSH_AT * 2);
    Html.pageStart(page, "Parallax report", "en", css, true);
    Html.navigation(page, "", corpus);
    page.append("<main class=\"overview\">\n<header class=\"report-head\"><h1>Parallax report</h1>")
        .append("<p class=\"lead\">")
        .append(rows.size())
        .append(rows.size() == 1 ? " article" : " articles")
        .append(" from ")
        .append(named(outlets))
        .append(named(outlets) == 1 ? " outlet" : " outlets")
        .append(" in ")
        .append(named(languages))
        .append(named(languages) == 1 ? " language" : " languages")
        .append("</p></header>\n");
    stats(page);
    page.append("<div class=\"columns\">\n");
    countTable(page, "outlets", "Outlets", "Outlet", outlets, "(unknown outlet)", corpus);
    countTable(page, "languages", "Languages", "Language", languages, "(undetermined)", null);
    page.append("</div>\n");
    storyTable(page);
    corpusLinks(page);
    profileTable(page);
    entityTable(page);
    flush(out, page, 0);
    speakerSection(out, page);
    articleTable(out, page);
    failureTable(out, page);
    page.append("</main>\n").append(FILTER_SCRIPT).append("</body>\n</html>\n");
    flush(out, page, 0);
  }

  private void stats(StringBuilder page) {
    page.append("<section class=\"stats\" aria-label=\"Summary\">\n");
    stat(page, rows.size(), "articles", "#articles");
    stat(page, named(outlets), "outlets", "#outlets");
    stat(page, named(languages), "languages", "#languages");
    stat(page, entities.size(), "distinct entities", "#entities");
    stat(page, mentionTotal, "entity mentions", "#entities");
    stat(page, quoteTotal, "quotes", "#speakers");
    stat(page, speakers.size(), "named speakers", "#speakers");
    stat(page, boilerplateTotal, "removed regions", "#articles");
    stat(page, failures.size(), "failed inputs", "#failures");
    if (!corpus.stories().isEmpty()) {
      stat(page, corpus.stories().size(), "stories", "#stories");
    }
    if (corpus.hasDuplicates()) {
      stat(page, corpus.groups().size(), "duplicate groups", "duplicates.html");
    }
    if (corpus.hasTalkingPoints()) {
      stat(page, corpus.talkingPoints().size(), "talking points", "talking-points.html");
    }
    page.append("</section>\n");
  }

  /** How many keys are real names, not the blank key that stands for "unknown". */
  private static int named(Map<String, int[]> counts) {
    return counts.containsKey("") ? counts.size() - 1 : counts.size();
  }

  private static void stat(StringBuilder page, int value, String label, String href) {
    page.append("<a class=\"stat\" href=\"")
        .append(href)
        .append("\"><span class=\"value\">")
        .append(value)
        .append("</span><span class=\"label\">")
        .append(label)
        .append("</span></a>\n");
  }

  private static void countTable(
      StringBuilder page,
      String id,
      String heading,
      String column,
      Map<String, int[]> counts,
      String blank,
      CorpusIndex pages) {
    List<Map.Entry<String, int[]>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(
        Comparator.<Map.Entry<String, int[]>, Boolean>comparing(e -> e.getKey().isEmpty())
            .thenComparingInt(e -> -e.getValue()[0])
            .thenComparing(Map.Entry::getKey));
    page.append("<section id=\"")
        .append(id)
        .append("\">\n<h2>")
        .append(heading)
        .append("</h2>\n<table class=\"data\"><thead><tr><th>")
        .append(column)
        .append("</th><th class=\"num\">Articles</th></tr></thead><tbody>\n");
    for (Map.Entry<String, int[]> entry : sorted) {
      String name = entry.getKey().isEmpty() ? blank : entry.getKey();
      String outletPage = pages == null ? null : pages.outletPage(name);
      page.append("<tr><td dir=\"auto\">");
      if (outletPage != null) {
        page.append("<a href=\"outlets/")
            .append(Html.escape(outletPage))
            .append("\">")
            .append(Html.escape(name))
            .append("</a>");
      } else {
        page.append(Html.escape(name));
      }
      page.append("</td><td class=\"num\">").append(entry.getValue()[0]).append("</td></tr>\n");
    }
    page.append("</tbody></table>\n</section>\n");
  }

  private void storyTable(StringBuilder page) {
    if (corpus.stories().isEmpty()) {
      return;
    }
    List<JsonNode> sorted = new ArrayList<>(corpus.stories());
    sorted.sort(Comparator.comparingInt(story -> -story.path("members").size()));
    page.append("<section id=\"stories\">\n<h2>Stories</h2>\n<p class=\"note\">Articles")
        .append(" about the same event, across outlets and languages. A story's page compares")
        .append(" its outlets side by side.</p>\n<table class=\"data\" id=\"story-table\">")
        .append("<thead><tr><th>Story</th><th>Outlets</th><th>Languages</th><th>Published</th>")
        .append("<th class=\"num\">Articles</th></tr></thead><tbody>\n");
    for (JsonNode story : sorted.subList(0, Math.min(TOP_STORIES, sorted.size()))) {
      String id = CorpusIndex.text(story, "id");
      String label = CorpusIndex.text(story, "label");
      List<String> storyOutlets = CorpusIndex.texts(story, "outlets");
      page.append("<tr><td dir=\"auto\"><a href=\"stories/")
          .append(Html.escape(corpus.storyPage(id)))
          .append("\">")
          .append(Html.escape(label == null || label.isBlank() ? id : label))
          .append("</a></td><td dir=\"auto\">")
          .append(Html.escape(Html.shorten(String.join(", ", storyOutlets), 160)))
          .append(" <span class=\"count\">(")
          .append(storyOutlets.size())
          .append(")</span></td><td>")
          .append(Html.escape(String.join(", ", CorpusIndex.texts(story, "languages"))))
          .append("</td><td class=\"date\">")
          .append(OutletPage.dates(story))
          .append("</td><td class=\"num\">")
          .append(story.path("members").size())
          .append("</td></tr>\n");
    }
    page.append("</tbody></table>\n");
    if (sorted.size() > TOP_STORIES) {
      page.append("<p class=\"note\">")
          .append(sorted.size() - TOP_STORIES)
          .append(" smaller stories are linked from their articles' pages.</p>\n");
    }
    page.append("</section>\n");
  }

  private void corpusLinks(StringBuilder page) {
    if (!corpus.hasDuplicates() && !corpus.hasTalkingPoints()) {
      return;
    }
    page.append("<section id=\"corpus\">\n<h2>Across outlets</h2>\n<ul>\n");
    if (corpus.hasDuplicates()) {
      page.append("<li><a href=\"duplicates.html\">Duplicate groups</a>: ")
          .append(corpus.groups().size())
          .append(corpus.groups().size() == 1 ? " group" : " groups")
          .append(" of articles that copy one another, with what each copy changed.</li>\n");
    }
    if (corpus.hasTalkingPoints()) {
      page.append("<li><a href=\"talking-points.html\">Talking points</a>: ")
          .append(corpus.talkingPoints().size())
          .append(" claims that recur in at least two outlets, and ")
          .append(corpus.recurringQuotes().size())
          .append(" speakers whose quotes recur.</li>\n");
    }
    page.append("</ul>\n</section>\n");
  }

  private void profileTable(StringBuilder page) {
    if (corpus.profiles().isEmpty()) {
      return;
    }
    page.append("<section id=\"outlet-profiles\">\n<h2>Outlet profiles</h2>\n")
        .append("<table class=\"data\"><thead><tr><th>Outlet</th><th class=\"num\">Articles</th>")
        .append("<th>Languages</th><th>Rating</th><th>Distinctive words</th></tr></thead>")
        .append("<tbody>\n");
    for (JsonNode profile : corpus.profiles()) {
      String outlet = CorpusIndex.text(profile, "outlet");
      String outletPage = corpus.outletPage(outlet);
      if (outletPage == null || corpus.profileOf(outlet) != profile) {
        continue;
      }
      page.append("<tr><td dir=\"auto\"><a href=\"outlets/")
          .append(Html.escape(outletPage))
          .append("\">")
          .append(Html.escape(outlet))
          .append("</a></td><td class=\"num\">")
          .append(profile.path("articles").asInt())
          .append("</td><td>")
          .append(OutletPage.counts(profile.path("languages")))
          .append("</td><td>")
          .append(ratingSummary(profile.path("ratings")))
          .append("</td><td>");
      OutletPage.wordChips(page, profile.path("distinctiveWords"), 5);
      page.append("</td></tr>\n");
    }
    page.append("</tbody></table>\n</section>\n");
  }

  /** One short phrase: the best-known rating of the outlet's domains, with its source. */
  private static String ratingSummary(JsonNode ratings) {
    for (JsonNode rating : ratings) {
      double pc1 = CorpusIndex.number(rating, "linPc1");
      String category = CorpusIndex.text(rating, "cred1Category");
      if (!Double.isNaN(pc1)) {
        return "Lin pc1 " + CorpusIndex.decimal(pc1);
      }
      if (category != null) {
        return "CRED-1 " + Html.escape(category);
      }
    }
    return "<span class=\"note\">unrated</span>";
  }

  private void entityTable(StringBuilder page) {
    List<EntityTally> sorted = new ArrayList<>(entities.values());
    sorted.sort(
        Comparator.<EntityTally>comparingInt(t -> -t.articles)
            .thenComparingInt(t -> -t.mentions)
            .thenComparing(t -> t.name));
    page.append("<section id=\"entities\">\n<h2>Top entities</h2>\n");
    if (sorted.isEmpty()) {
      page.append("<p class=\"note\">No entity layer in these documents.</p>\n</section>\n");
      return;
    }
    page.append("<p class=\"note\">By canonical name: all spellings and short forms of a name")
        .append(" count together.</p>\n<table class=\"data\"><thead><tr><th>Name</th>")
        .append("<th>Type</th><th class=\"num\">Articles</th><th class=\"num\">Mentions</th>")
        .append("</tr></thead><tbody>\n");
    for (EntityTally tally : sorted.subList(0, Math.min(TOP_ENTITIES, sorted.size()))) {
      String type = tally.type();
      page.append("<tr><td dir=\"auto\"><span class=\"swatch ent-")
          .append(Html.classSuffix(type))
          .append("\"></span>")
          .append(Html.escape(tally.name))
          .append("</td><td>")
          .append(Html.escape(type))
          .append("</td><td class=\"num\">")
          .append(tally.articles)
          .append("</td><td class=\"num\">")
          .append(tally.mentions)
          .append("</td></tr>\n");
    }
    page.append("</tbody></table>\n");
    if (sorted.size() > TOP_ENTITIES) {
      page.append("<p class=\"note\">")
          .append(sorted.size() - TOP_ENTITIES)
          .append(" more entities are named less often.</p>\n");
    }
    page.append("</section>\n");
  }

  private void speakerSection(Writer out, StringBuilder page) throws IOException {
    List<SpeakerTally> sorted = new ArrayList<>(speakers.values());
    sorted.sort(
        Comparator.<SpeakerTally>comparingInt(t -> -t.quotes.size())
            .thenComparingInt(t -> -t.articles)
            .thenComparing(t -> t.name));
    page.append("<section id=\"speakers\">\n<h2>Quotes by speaker</h2>\n");
    if (sorted.isEmpty()) {
      page.append("<p class=\"note\">No attributed quotes in these documents.</p>\n");
    }
    for (SpeakerTally tally : sorted.subList(0, Math.min(TOP_SPEAKERS, sorted.size()))) {
      page.append("<details class=\"speaker-group\"><summary><span class=\"speaker-name\"")
          .append(" dir=\"auto\">")
          .append(Html.escape(tally.name))
          .append("</span> <span class=\"count\">")
          .append(tally.quotes.size())
          .append(tally.quotes.size() == 1 ? " quote" : " quotes")
          .append(" in ")
          .append(tally.articles)
          .append(tally.articles == 1 ? " article" : " articles")
          .append("</span></summary>\n<ul class=\"speaker-quotes\">\n");
      for (QuoteRef quote : tally.quotes) {
        page.append("<li><q dir=\"auto\">")
            .append(Html.escape(quote.text()))
            .append("</q> <span class=\"quote-source\">");
        if (quote.cue() != null) {
          page.append("<span class=\"cue-word\" dir=\"auto\">")
              .append(Html.escape(quote.cue()))
              .append("</span> · ");
        }
        if (quote.kind() != null) {
          page.append("<span class=\"kind kind-")
              .append(Html.classSuffix(quote.kind()))
              .append("\">")
              .append(Html.escape(quote.kind()))
              .append("</span> · ");
        }
        page.append("<a href=\"")
            .append(Html.escape(quote.href()))
            .append("\" dir=\"auto\">")
            .append(Html.escape(quote.articleTitle()))
            .append("</a></span></li>\n");
      }
      page.append("</ul></details>\n");
      flush(out, page, FLUSH_AT);
    }
    if (sorted.size() > TOP_SPEAKERS) {
      page.append("<p class=\"note\">")
          .append(sorted.size() - TOP_SPEAKERS)
          .append(" more speakers are quoted less often.</p>\n");
    }
    if (unattributedQuotes > 0) {
      page.append("<p class=\"note\">")
          .append(unattributedQuotes)
          .append(" quotes have no named speaker; they are listed on their article pages.</p>\n");
    }
    page.append("</section>\n");
  }

  private void articleTable(Writer out, StringBuilder page) throws IOException {
    List<Row> sorted = new ArrayList<>(rows);
    // ISO-8601 dates sort as text; undated articles go last.
    sorted.sort(
        Comparator.comparing(Row::published, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Row::title));
    page.append("<section id=\"articles\">\n<h2>Articles</h2>\n")
        .append("<input type=\"search\" class=\"filter\" data-table=\"article-table\"")
        .append(" placeholder=\"Filter by title, outlet, date or language\"")
        .append(" aria-label=\"Filter articles\">\n")
        .append("<table class=\"data\" id=\"article-table\"><thead><tr><th>Title</th>")
        .append("<th>Outlet</th><th>Published</th><th>Language</th>")
        .append("<th class=\"num\">Entities</th><th class=\"num\">Quotes</th>")
        .append("<th class=\"num\">Removed</th></tr></thead><tbody>\n");
    for (Row row : sorted) {
      page.append("<tr><td dir=\"auto\"><a href=\"")
          .append(Html.escape(row.href()))
          .append("\">")
          .append(Html.escape(row.title()))
          .append("</a></td><td dir=\"auto\">")
          .append(Html.escape(row.outlet()))
          .append("</td><td class=\"date\">")
          .append(Html.escape(row.published()))
          .append("</td><td>")
          .append(Html.escape(row.language()))
          .append("</td><td class=\"num\">")
          .append(row.entities())
          .append("</td><td class=\"num\">")
          .append(row.quotes())
          .append("</td><td class=\"num\">")
          .append(row.boilerplate())
          .append("</td></tr>\n");
      flush(out, page, FLUSH_AT);
    }
    page.append("</tbody></table>\n</section>\n");
  }

  private void failureTable(Writer out, StringBuilder page) throws IOException {
    page.append("<section id=\"failures\">\n<h2>Failed inputs</h2>\n");
    if (failures.isEmpty()) {
      page.append("<p class=\"note\">Every input was read and analysed.</p>\n</section>\n");
      return;
    }
    page.append("<table class=\"data\"><thead><tr><th>Input</th><th>Where</th><th>Stage</th>")
        .append("<th>Reason</th></tr></thead><tbody>\n");
    for (Outcome.Failed failure : failures) {
      page.append("<tr><td dir=\"auto\">")
          .append(Html.escape(failure.inputId()))
          .append("</td><td dir=\"auto\">")
          .append(Html.escape(failure.origin()))
          .append("</td><td>")
          .append(Html.escape(failure.stage()))
          .append("</td><td dir=\"auto\">")
          .append(Html.escape(failure.reason()))
          .append("</td></tr>\n");
      flush(out, page, FLUSH_AT);
    }
    page.append("</tbody></table>\n</section>\n");
  }

  private static void flush(Writer out, StringBuilder page, int threshold) throws IOException {
    if (page.length() >= threshold) {
      out.append(page);
      page.setLength(0);
    }
  }

  /** Hides the table rows that do not contain the typed text; works offline, no library. */
  private static final String FILTER_SCRIPT =
      """
      <script>
      document.querySelectorAll('input.filter').forEach(function (box) {
        var rows = document.getElementById(box.dataset.table).tBodies[0].rows;
        box.addEventListener('input', function () {
          var wanted = box.value.trim().toLowerCase();
          for (var i = 0; i < rows.length; i++) {
            rows[i].hidden = wanted !== '' && rows[i].textContent.toLowerCase().indexOf(wanted) < 0;
          }
        });
      });
      </script>
      """;
}
