package org.parallax.app.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parallax.core.model.Document;
import org.parallax.persuasion.Technique;
import org.parallax.persuasion.Techniques;
import org.parallax.persuasion.annotate.Density;
import org.parallax.persuasion.annotate.ParagraphTechniques;
import org.parallax.persuasion.annotate.TechniqueSpan;

/**
 * The persuasion part of an article page: highlight attributes for each technique span, its legend
 * entries, and a section listing every span with its evidence, the article's technique density in
 * the author's voice and in quotes, and the paragraphs' techniques.
 */
final class TechniquesSection {

  /** Technique families in the order the legend shows them (SemEval-2023's six groups). */
  static final List<String> FAMILIES =
      List.of(
          "Manipulative wording",
          "Attack on reputation",
          "Justification",
          "Simplification",
          "Distraction",
          "Call");

  private TechniquesSection() {}

  static String label(String id) {
    return Techniques.find(id).map(Technique::label).orElse(id.replace('_', ' '));
  }

  static String family(String id) {
    return Techniques.find(id).map(Technique::family).orElse("Other");
  }

  /** The attributes of a highlighted technique span: family colour, voice, tooltip. */
  static String markAttributes(TechniqueSpan span, int number) {
    String tooltip =
        label(span.technique())
            + " "
            + CorpusIndex.percent(span.score())
            + (TechniqueSpan.QUOTED.equals(span.voice())
                ? " · in a quote" + (span.speaker() == null ? "" : " by " + span.speaker())
                : " · author's voice")
            + " (technique "
            + number
            + ")";
    return " class=\"tech tech-"
        + Html.classSuffix(family(span.technique()))
        + " voice-"
        + Html.classSuffix(span.voice())
        + "\" data-technique=\""
        + Html.escape(span.technique())
        + "\" title=\""
        + Html.escape(tooltip)
        + "\"";
  }

  /** Legend entries for the families the article's spans use. */
  static void legend(StringBuilder out, List<TechniqueSpan> spans) {
    Set<String> used = new LinkedHashSet<>();
    for (TechniqueSpan span : spans) {
      used.add(family(span.technique()));
    }
    for (String family : FAMILIES) {
      if (used.contains(family)) {
        out.append("<span class=\"tech tech-")
            .append(Html.classSuffix(family))
            .append("\">")
            .append(Html.escape(family.toLowerCase(Locale.ROOT)))
            .append("</span>");
      }
    }
  }

  static void render(StringBuilder out, ArticleView view) {
    List<TechniqueSpan> spans = view.techniques();
    List<ParagraphTechniques> paragraphs = view.paragraphTechniques();
    boolean analysed =
        view.document().has(TechniqueSpan.LAYER) || view.document().has(ParagraphTechniques.LAYER);
    if (!analysed) {
      return;
    }
    Document document = view.document();
    long words = Density.words(document.text());
    int author = 0;
    int quoted = 0;
    Map<String, Integer> byTechnique = new LinkedHashMap<>();
    for (TechniqueSpan span : spans) {
      if (TechniqueSpan.QUOTED.equals(span.voice())) {
        quoted++;
      } else {
        author++;
      }
      byTechnique.merge(span.technique(), 1, Integer::sum);
    }
    out.append("<section id=\"techniques\">\n<h2>Persuasion techniques <span class=\"count\">")
        .append(spans.size())
        .append("</span></h2>\n");
    out.append("<p class=\"density\">")
        .append(String.format(Locale.ROOT, "%.1f", Density.perThousand(author, words)))
        .append(" per 1,000 words in the author's voice (")
        .append(author)
        .append("), ")
        .append(String.format(Locale.ROOT, "%.1f", Density.perThousand(quoted, words)))
        .append(" in quotes (")
        .append(quoted)
        .append("), ")
        .append(words)
        .append(
            " words. Scores are the model's calibrated probability; the model and its known"
                + " failures are described in docs/MODEL-CARD-persuasion.md.</p>\n");
    if (!byTechnique.isEmpty()) {
      out.append("<p class=\"technique-counts\">");
      byTechnique.entrySet().stream()
          .sorted((a, b) -> b.getValue() - a.getValue())
          .forEach(
              e ->
                  out.append("<span class=\"tech tech-")
                      .append(Html.classSuffix(family(e.getKey())))
                      .append("\">")
                      .append(Html.escape(label(e.getKey())))
                      .append(" ×")
                      .append(e.getValue())
                      .append("</span> "));
      out.append("</p>\n");
    }
    out.append("<ol class=\"technique-list\">\n");
    for (int i = 0; i < spans.size(); i++) {
      item(out, document, spans.get(i), i + 1);
    }
    out.append("</ol>\n");
    paragraphTable(out, document, paragraphs);
    out.append("</section>\n");
  }

  private static void item(StringBuilder out, Document document, TechniqueSpan span, int number) {
    TechniqueSpan.Evidence evidence = span.evidence();
    out.append("<li><div class=\"technique-head\"><a class=\"jump\" href=\"#t")
        .append(number)
        .append("\">")
        .append(number)
        .append("</a> <span class=\"tech tech-")
        .append(Html.classSuffix(family(span.technique())))
        .append("\">")
        .append(Html.escape(label(span.technique())))
        .append("</span> <span class=\"score\">")
        .append(CorpusIndex.percent(span.score()))
        .append("</span> <span class=\"voice\">")
        .append(
            TechniqueSpan.QUOTED.equals(span.voice())
                ? "quoted" + (span.speaker() == null ? "" : ": " + Html.escape(span.speaker()))
                : "author's voice")
        .append("</span></div>\n<blockquote dir=\"auto\">")
        .append(Html.escape(document.text(span.span())))
        .append("</blockquote>\n");
    if (evidence != null) {
      out.append("<dl class=\"evidence\">");
      if (evidence.definition() != null) {
        out.append("<div><dt>What it is</dt><dd>")
            .append(Html.escape(evidence.definition()))
            .append("</dd></div>");
      }
      out.append("<div><dt>Why</dt><dd>span ")
          .append(CorpusIndex.percent(evidence.spanScore()))
          .append(" likely to carry a technique; this technique ")
          .append(CorpusIndex.percent(evidence.techniqueScore()))
          .append(" given that");
      if (evidence.cues() != null && !evidence.cues().isEmpty()) {
        out.append("; words weighed most: ");
        for (int i = 0; i < evidence.cues().size(); i++) {
          out.append(i == 0 ? "" : ", ")
              .append("<q>")
              .append(Html.escape(evidence.cues().get(i)))
              .append("</q>");
        }
      }
      out.append("</dd></div>");
      if (evidence.neighbours() != null && !evidence.neighbours().isEmpty()) {
        int total = evidence.neighbours().values().stream().mapToInt(Integer::intValue).sum();
        out.append("<div><dt>Similar annotated spans</dt><dd>");
        boolean first = true;
        for (Map.Entry<String, Integer> e : evidence.neighbours().entrySet()) {
          out.append(first ? "" : ", ")
              .append(e.getValue())
              .append(" of ")
              .append(total)
              .append(' ')
              .append(Html.escape(label(e.getKey())));
          first = false;
        }
        out.append("</dd></div>");
      }
      if (evidence.alternatives() != null && !evidence.alternatives().isEmpty()) {
        out.append("<div><dt>Otherwise</dt><dd>");
        boolean first = true;
        for (Map.Entry<String, Double> e : evidence.alternatives().entrySet()) {
          out.append(first ? "" : ", ")
              .append(Html.escape(label(e.getKey())))
              .append(' ')
              .append(CorpusIndex.percent(e.getValue()));
          first = false;
        }
        out.append("</dd></div>");
      }
      out.append("</dl>");
    }
    out.append("</li>\n");
  }

  private static void paragraphTable(
      StringBuilder out, Document document, List<ParagraphTechniques> paragraphs) {
    List<ParagraphTechniques> labelled =
        paragraphs.stream().filter(p -> !p.techniques().isEmpty()).toList();
    if (labelled.isEmpty()) {
      return;
    }
    out.append("<h3>Paragraph techniques (SemEval-2023 labels)</h3>\n")
        .append("<table class=\"paragraph-techniques\"><thead><tr><th>Paragraph</th>")
        .append("<th>Techniques</th></tr></thead><tbody>\n");
    for (ParagraphTechniques paragraph : labelled) {
      String text = document.text(paragraph.span()).strip();
      out.append("<tr><td dir=\"auto\">")
          .append(Html.escape(text.length() > 160 ? text.substring(0, 157) + "…" : text))
          .append("</td><td>");
      boolean first = true;
      for (ParagraphTechniques.Scored scored : paragraph.techniques()) {
        out.append(first ? "" : ", ")
            .append(Html.escape(label(scored.technique())))
            .append(' ')
            .append(CorpusIndex.percent(scored.score()));
        first = false;
      }
      out.append("</td></tr>\n");
    }
    out.append("</tbody></table>\n");
  }
}
