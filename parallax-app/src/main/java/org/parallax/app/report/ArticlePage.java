package org.parallax.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Span;
import org.parallax.ingest.extract.Boilerplate;
import org.parallax.nlp.entities.Entity;
import org.parallax.nlp.quotes.Quote;
import org.parallax.persuasion.annotate.ArticleFrame;
import org.parallax.persuasion.annotate.ArticleGenre;
import org.parallax.persuasion.annotate.TechniqueSpan;

/** The page of one article: its metadata, its highlighted text and what was removed from it. */
final class ArticlePage {

  /**
   * Nesting ranks: a paragraph encloses a talking-point sentence, which encloses a quote, which
   * encloses an entity, which encloses a cue.
   */
  private static final int PARAGRAPH = 0;

  private static final int TALKING_POINT = 1;
  private static final int TECHNIQUE = 2;
  private static final int QUOTE = 3;
  private static final int ENTITY = 4;
  private static final int QUOTE_PART = 5;

  /** Entity types with their own colour; others share a neutral one. */
  private static final List<String> KNOWN_TYPES =
      List.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");

  /** Article pages sit in {@code articles/}, one level below the report folder. */
  private static final String ROOT = "../";

  private ArticlePage() {}

  /** The complete page, at {@code articles/<name>.html}, with what the corpus results say of it. */
  static String render(ArticleView view, String css, CorpusIndex corpus) {
    Document document = view.document();
    Metadata metadata = document.metadata();
    String lang = Html.languageTag(view.language());
    String langAttribute = lang == null ? "" : " lang=\"" + lang + "\"";
    StringBuilder out = new StringBuilder(document.text().length() * 3 + 8192);
    Html.pageStart(out, view.title(), "en", css, false);
    Html.navigation(out, ROOT, corpus);
    out.append("<main class=\"article-page\">\n<article>\n");

    out.append("<header class=\"article-head\">\n");
    if (metadata.outlet() != null && !metadata.outlet().isBlank()) {
      String outletPage = corpus.outletPage(metadata.outlet().trim());
      out.append("<p class=\"outlet\" dir=\"auto\">");
      if (outletPage != null) {
        out.append("<a href=\"")
            .append(ROOT)
            .append("outlets/")
            .append(Html.escape(outletPage))
            .append("\">")
            .append(Html.escape(metadata.outlet()))
            .append("</a>");
      } else {
        out.append(Html.escape(metadata.outlet()));
      }
      out.append("</p>\n");
    }
    out.append("<h1 dir=\"auto\"")
        .append(langAttribute)
        .append('>')
        .append(Html.escape(view.title()))
        .append("</h1>\n");
    metadataList(out, view);
    corpusNotes(out, document.id(), corpus);
    out.append("</header>\n");

    legend(out, !corpus.sentencesOf(document.id()).isEmpty(), view.techniques());
    out.append("<div class=\"article-text\" id=\"text\"")
        .append(langAttribute)
        .append(">")
        .append(articleText(view, corpus.sentencesOf(document.id())))
        .append("</div>\n</article>\n");

    TechniquesSection.render(out, view);
    quoteList(out, view);
    entityTable(out, view);
    boilerplateList(out, view);
    diagnostics(out, view);
    out.append("</main>\n</body>\n</html>\n");
    return out.toString();
  }

  /** Where the article stands in the corpus: its story, its copies, its talking points. */
  private static void corpusNotes(StringBuilder out, String id, CorpusIndex corpus) {
    StringBuilder notes = new StringBuilder();
    JsonNode story = corpus.storyOf(id);
    String storyPage = story == null ? null : corpus.storyPage(CorpusIndex.text(story, "id"));
    if (storyPage != null) {
      int size = story.path("members").size();
      notes
          .append("<li>Story: <a href=\"")
          .append(ROOT)
          .append("stories/")
          .append(Html.escape(storyPage))
          .append("\" dir=\"auto\">")
          .append(Html.escape(CorpusIndex.text(story, "label")))
          .append("</a> <span class=\"note\">(")
          .append(size)
          .append(size == 1 ? " article" : " articles")
          .append(", ")
          .append(story.path("outlets").size())
          .append(" outlets)</span></li>\n");
    }
    JsonNode group = corpus.groupOf(id);
    if (group != null) {
      String original = CorpusIndex.text(group, "original");
      String diffLink =
          " <a href=\""
              + ROOT
              + "duplicates.html#"
              + Html.escape(CorpusIndex.groupAnchor(group))
              + "\">what changed</a>";
      if (id.equals(original)) {
        notes.append("<li class=\"dup-note\">Copied by ");
        boolean first = true;
        for (JsonNode member : group.path("members")) {
          String memberId = CorpusIndex.text(member, "id");
          if (memberId == null || memberId.equals(id)) {
            continue;
          }
          notes.append(first ? "" : "; ");
          first = false;
          memberLink(notes, member);
        }
        notes.append(" ·").append(diffLink).append("</li>\n");
      } else {
        for (JsonNode member : group.path("members")) {
          String memberId = CorpusIndex.text(member, "id");
          if (memberId != null && memberId.equals(original)) {
            notes.append("<li class=\"dup-note\">Copy of ");
            memberLink(notes, member);
          }
        }
        for (JsonNode member : group.path("members")) {
          if (id.equals(CorpusIndex.text(member, "id"))) {
            notes
                .append(" (similarity ")
                .append(CorpusIndex.percent(CorpusIndex.number(member, "similarity")))
                .append(")");
          }
        }
        notes.append(" ·").append(diffLink).append("</li>\n");
      }
    }
    List<CorpusIndex.CarriedSentence> carried = corpus.sentencesOf(id);
    if (!carried.isEmpty()) {
      Set<String> points = new HashSet<>();
      Set<String> quotes = new HashSet<>();
      for (CorpusIndex.CarriedSentence sentence : carried) {
        (sentence.quote() ? quotes : points).add(sentence.pointAnchor());
      }
      notes
          .append("<li>Repeats <a href=\"#")
          .append(Html.escape(carried.get(0).anchor()))
          .append("\">")
          .append(
              String.join(
                  " and ",
                  java.util.stream.Stream.of(
                          count(points.size(), "talking point"),
                          count(quotes.size(), "recurring quote"))
                      .filter(phrase -> !phrase.isEmpty())
                      .toList()))
          .append("</a>, marked in the text · <a href=\"")
          .append(ROOT)
          .append("talking-points.html\">who else carries them</a></li>\n");
    }
    if (notes.length() > 0) {
      out.append("<ul class=\"corpus-notes\">\n").append(notes).append("</ul>\n");
    }
  }

  private static String count(int n, String noun) {
    return n == 0 ? "" : n + " " + noun + (n == 1 ? "" : "s");
  }

  /** "outlet's article (date)" linking to the member's page. */
  private static void memberLink(StringBuilder out, JsonNode member) {
    String outlet = CorpusIndex.text(member, "outlet");
    String published = CorpusIndex.text(member, "published");
    out.append("<a href=\"")
        .append(Html.escape(ReportWriter.fileName(CorpusIndex.text(member, "id"), new HashSet<>())))
        .append("\" dir=\"auto\">")
        .append(Html.escape(outlet == null ? "an article" : outlet + "'s article"))
        .append("</a>")
        .append(published == null ? "" : " of <time>" + Html.escape(published) + "</time>");
  }

  private static void metadataList(StringBuilder out, ArticleView view) {
    Document document = view.document();
    Metadata metadata = document.metadata();
    out.append("<dl class=\"meta\">\n");
    if (!metadata.authors().isEmpty()) {
      String authors =
          String.join(", ", metadata.authors().stream().filter(Objects::nonNull).toList());
      term(out, "Authors", "<span dir=\"auto\">" + Html.escape(authors) + "</span>");
    }
    if (metadata.published() != null) {
      term(out, "Published", "<time>" + Html.escape(metadata.published()) + "</time>");
    }
    if (view.language() != null) {
      term(out, "Language", Html.escape(view.language()));
    }
    document.find(ArticleGenre.LAYER).ifPresent(genre -> term(out, "Genre", genreHtml(genre)));
    document
        .find(ArticleFrame.LAYER)
        .ifPresent(
            frames -> term(out, "Frames", frames.isEmpty() ? "none found" : framesHtml(frames)));
    String url = document.source().url();
    if (url != null && !url.isBlank()) {
      String shown =
          Html.isWebLink(url)
              ? "<a href=\""
                  + Html.escape(url.strip())
                  + "\" rel=\"noreferrer noopener\">"
                  + Html.escape(url)
                  + "</a>"
              : Html.escape(url);
      term(out, "URL", "<span class=\"url\">" + shown + "</span>");
    }
    String origin = document.source().origin();
    if (origin != null) {
      String format = document.source().format();
      term(
          out,
          "Source",
          Html.escape(origin) + (format == null ? "" : " (" + Html.escape(format) + ")"));
    }
    term(out, "Document id", "<code>" + Html.escape(document.id()) + "</code>");
    out.append("</dl>\n");
  }

  /** "opinion (0.87)" with the definition and the deciding words as its tooltip and aside. */
  static String genreHtml(ArticleGenre genre) {
    StringBuilder html = new StringBuilder();
    html.append("<span title=\"")
        .append(Html.escape(genre.definition()))
        .append("\">")
        .append(Html.escape(genre.genre()))
        .append("</span> (")
        .append(String.format(java.util.Locale.ROOT, "%.2f", genre.score()))
        .append(")");
    if (!genre.evidence().isEmpty()) {
      html.append(" <small>— decided most by: <span dir=\"auto\">")
          .append(Html.escape(String.join(", ", genre.evidence())))
          .append("</span></small>");
    }
    return html.toString();
  }

  /** Each frame with its probability, its definition and deciding words as a tooltip. */
  static String framesHtml(List<ArticleFrame> frames) {
    List<String> parts = new ArrayList<>();
    for (ArticleFrame frame : frames) {
      parts.add(
          "<span title=\""
              + Html.escape(
                  frame.definition()
                      + (frame.evidence().isEmpty()
                          ? ""
                          : " — decided most by: " + String.join(", ", frame.evidence())))
              + "\">"
              + Html.escape(frame.frame().replace('_', ' '))
              + "</span> ("
              + String.format(java.util.Locale.ROOT, "%.2f", frame.score())
              + ")");
    }
    return String.join(", ", parts);
  }

  private static void term(StringBuilder out, String name, String valueHtml) {
    out.append("<div><dt>")
        .append(name)
        .append("</dt><dd>")
        .append(valueHtml)
        .append("</dd></div>\n");
  }

  private static void legend(StringBuilder out, boolean carries, List<TechniqueSpan> techniques) {
    out.append(
        "<aside class=\"legend\" aria-label=\"Legend\"><span class=\"legend-title\">Legend</span>");
    for (String type : KNOWN_TYPES) {
      out.append("<span class=\"ent ent-")
          .append(Html.classSuffix(type))
          .append("\">")
          .append(type.charAt(0))
          .append(type.substring(1).toLowerCase(Locale.ROOT))
          .append("</span>");
    }
    out.append("<span class=\"ent ent-other\">Other entity</span>")
        .append("<span class=\"quote quote-direct\">direct quote</span>")
        .append("<span class=\"quote quote-reported\">reported speech</span>")
        .append("<span class=\"speaker\">speaker</span>")
        .append("<span class=\"cue\">cue</span>")
        .append("<span class=\"legend-removed\">▸ removed boilerplate</span>");
    if (carries) {
      out.append("<span class=\"carried\">talking point</span>");
    }
    TechniquesSection.legend(out, techniques);
    out.append("</aside>\n");
  }

  /**
   * The clean text with paragraphs, highlights and the removed regions where they stood; each
   * sentence that carries a talking point gets an anchor the talking-points page links to.
   */
  static String articleText(ArticleView view, List<CorpusIndex.CarriedSentence> carried) {
    Document document = view.document();
    TextMarkup markup = new TextMarkup(document.text());
    String documentLanguage = Html.languageTag(view.language());
    for (Span paragraph : view.paragraphs()) {
      String lang = Html.languageTag(view.paragraphLanguages().get(paragraph));
      String attributes =
          " class=\"para\" dir=\"auto\""
              + (lang != null && !lang.equals(documentLanguage) ? " lang=\"" + lang + "\"" : "");
      markup.add(
          new TextMarkup.Mark(
              paragraph.begin(), paragraph.end(), PARAGRAPH, "div", attributes, null));
    }
    Set<String> anchored = new HashSet<>();
    for (CorpusIndex.CarriedSentence sentence : carried) {
      String kind = sentence.quote() ? "recurring quote" : "talking point";
      markup.add(
          new TextMarkup.Mark(
              sentence.begin(),
              sentence.end(),
              TALKING_POINT,
              "span",
              " class=\"carried carried-"
                  + Html.classSuffix(kind)
                  + "\" title=\""
                  + Html.escape(kind + ": " + sentence.representative())
                  + "\"",
              anchored.add(sentence.anchor()) ? sentence.anchor() : null));
    }
    List<TechniqueSpan> techniques = view.techniques();
    for (int i = 0; i < techniques.size(); i++) {
      TechniqueSpan technique = techniques.get(i);
      markup.add(
          new TextMarkup.Mark(
              technique.span().begin(),
              technique.span().end(),
              TECHNIQUE,
              "span",
              TechniquesSection.markAttributes(technique, i + 1),
              "t" + (i + 1)));
    }
    List<Quote> quotes = view.quotes();
    for (int i = 0; i < quotes.size(); i++) {
      Quote quote = quotes.get(i);
      int number = i + 1;
      String kind = quote.kind() == null ? "quote" : quote.kind();
      String tooltip =
          speakerName(quote)
              + (quote.cue() == null ? "" : " — " + quote.cue())
              + " ("
              + kind
              + ", quote "
              + number
              + ")";
      markup.add(
          new TextMarkup.Mark(
              quote.span().begin(),
              quote.span().end(),
              QUOTE,
              "span",
              " class=\"quote quote-"
                  + Html.classSuffix(kind)
                  + "\" title=\""
                  + Html.escape(tooltip)
                  + "\"",
              "q" + number));
      addPart(markup, quote.speakerSpan(), "speaker", "speaker of quote " + number);
      addPart(markup, quote.cueSpan(), "cue", "cue of quote " + number);
    }
    for (Entity entity : view.entities()) {
      String type = entity.type() == null ? "entity" : entity.type();
      String typeClass =
          KNOWN_TYPES.contains(type.toUpperCase(Locale.ROOT)) ? Html.classSuffix(type) : "other";
      String tooltip = view.entityName(entity) + " · " + type;
      markup.add(
          new TextMarkup.Mark(
              entity.span().begin(),
              entity.span().end(),
              ENTITY,
              "span",
              " class=\"ent ent-" + typeClass + "\" title=\"" + Html.escape(tooltip) + "\"",
              null));
    }
    for (Boilerplate removed : view.boilerplate()) {
      if (removed.at() != null) {
        markup.insert(removed.at().begin(), removedRegion(removed));
      }
    }
    return markup.render();
  }

  private static void addPart(TextMarkup markup, Span span, String cssClass, String tooltip) {
    if (span != null) {
      markup.add(
          new TextMarkup.Mark(
              span.begin(),
              span.end(),
              QUOTE_PART,
              "span",
              " class=\"" + cssClass + "\" title=\"" + Html.escape(tooltip) + "\"",
              null));
    }
  }

  private static String removedRegion(Boilerplate removed) {
    String kind = removed.kind() == null ? "other" : removed.kind();
    return "<details class=\"boilerplate bp-"
        + Html.classSuffix(kind)
        + "\" data-kind=\""
        + Html.escape(kind)
        + "\"><summary>removed "
        + Html.escape(kind.replace('_', ' '))
        + " <span class=\"confidence\">"
        + percent(removed.confidence())
        + "</span></summary><div class=\"removed\" dir=\"auto\">"
        + Html.escape(removed.text())
        + "</div></details>";
  }

  private static void quoteList(StringBuilder out, ArticleView view) {
    List<Quote> quotes = view.quotes();
    if (quotes.isEmpty()) {
      return;
    }
    Document document = view.document();
    out.append("<section id=\"quotes\">\n<h2>Quotes <span class=\"count\">")
        .append(quotes.size())
        .append("</span></h2>\n<ol class=\"quote-list\">\n");
    for (int i = 0; i < quotes.size(); i++) {
      Quote quote = quotes.get(i);
      String kind = quote.kind() == null ? "quote" : quote.kind();
      out.append("<li><div class=\"quote-head\"><a class=\"jump\" href=\"#q")
          .append(i + 1)
          .append("\">")
          .append(i + 1)
          .append("</a> <span class=\"speaker-name\" dir=\"auto\">")
          .append(Html.escape(speakerName(quote)))
          .append("</span>");
      if (quote.cue() != null) {
        out.append(" <span class=\"cue-word\" dir=\"auto\">")
            .append(Html.escape(quote.cue()))
            .append("</span>");
      }
      out.append(" <span class=\"kind kind-")
          .append(Html.classSuffix(kind))
          .append("\">")
          .append(Html.escape(kind))
          .append("</span></div><blockquote dir=\"auto\">")
          .append(Html.escape(document.text(quote.span())))
          .append("</blockquote></li>\n");
    }
    out.append("</ol>\n</section>\n");
  }

  private static void entityTable(StringBuilder out, ArticleView view) {
    if (view.entities().isEmpty()) {
      return;
    }
    record Tally(String name, String type, int mentions) {}
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (Entity entity : view.entities()) {
      String name = view.entityName(entity);
      String type = entity.type() == null ? "" : entity.type();
      tallies.merge(
          name + '\u0000' + type,
          new Tally(name, type, 1),
          (a, b) -> new Tally(a.name(), a.type(), a.mentions() + 1));
    }
    List<Tally> sorted = new ArrayList<>(tallies.values());
    sorted.sort(Comparator.comparingInt(Tally::mentions).reversed().thenComparing(Tally::name));
    out.append("<section id=\"entities\">\n<h2>Entities <span class=\"count\">")
        .append(sorted.size())
        .append("</span></h2>\n<table class=\"data\"><thead><tr><th>Name</th><th>Type</th>")
        .append("<th class=\"num\">Mentions</th></tr></thead><tbody>\n");
    for (Tally tally : sorted) {
      out.append("<tr><td dir=\"auto\">")
          .append(Html.escape(tally.name()))
          .append("</td><td>")
          .append(Html.escape(tally.type()))
          .append("</td><td class=\"num\">")
          .append(tally.mentions())
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n</section>\n");
  }

  private static void boilerplateList(StringBuilder out, ArticleView view) {
    if (view.boilerplate().isEmpty()) {
      return;
    }
    Map<String, List<Boilerplate>> byKind = new LinkedHashMap<>();
    for (Boilerplate removed : view.boilerplate()) {
      String kind = removed.kind() == null ? "other" : removed.kind();
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(removed);
    }
    out.append("<section id=\"removed\">\n<h2>Removed boilerplate <span class=\"count\">")
        .append(view.boilerplate().size())
        .append("</span></h2>\n<p class=\"note\">Regions the extractor took out of the clean text,")
        .append(" by kind, with its confidence that each is boilerplate.</p>\n");
    for (Map.Entry<String, List<Boilerplate>> group : byKind.entrySet()) {
      out.append("<h3>")
          .append(Html.escape(group.getKey().replace('_', ' ')))
          .append(" <span class=\"count\">")
          .append(group.getValue().size())
          .append("</span></h3>\n<ol class=\"removed-list\">\n");
      for (Boilerplate removed : group.getValue()) {
        out.append("<li><span class=\"confidence\">")
            .append(percent(removed.confidence()))
            .append("</span><div class=\"removed\" dir=\"auto\">")
            .append(Html.escape(removed.text()))
            .append("</div></li>\n");
      }
      out.append("</ol>\n");
    }
    out.append("</section>\n");
  }

  private static void diagnostics(StringBuilder out, ArticleView view) {
    List<Diagnostic> diagnostics = view.diagnostics();
    if (diagnostics.isEmpty() && view.skipped() == 0) {
      return;
    }
    out.append("<section id=\"diagnostics\">\n<h2>Diagnostics</h2>\n<ul class=\"diagnostics\">\n");
    for (Diagnostic diagnostic : diagnostics) {
      out.append("<li><span class=\"stage\">")
          .append(Html.escape(diagnostic.stage()))
          .append("</span> ")
          .append(Html.escape(diagnostic.message()))
          .append("</li>\n");
    }
    if (view.skipped() > 0) {
      out.append("<li><span class=\"stage\">report</span> ")
          .append(view.skipped())
          .append(" annotation(s) point outside the text and are not shown</li>\n");
    }
    out.append("</ul>\n</section>\n");
  }

  static String speakerName(Quote quote) {
    return quote.speaker() == null || quote.speaker().isBlank()
        ? "unattributed"
        : quote.speaker().strip();
  }

  private static String percent(double confidence) {
    return Math.round(Math.max(0, Math.min(1, confidence)) * 100) + "%";
  }
}
