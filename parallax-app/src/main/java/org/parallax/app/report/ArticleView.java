package org.parallax.app.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Span;
import org.parallax.ingest.extract.Boilerplate;
import org.parallax.nlp.entities.Entity;
import org.parallax.nlp.lang.Language;
import org.parallax.nlp.quotes.Quote;
import org.parallax.nlp.segment.Paragraph;
import org.parallax.persuasion.annotate.ParagraphTechniques;
import org.parallax.persuasion.annotate.TechniqueSpan;

/**
 * The layers of one document as the report needs them: absent layers are empty lists, and
 * annotations whose spans do not fit the text are counted instead of failing the page.
 *
 * @param quotes the quotes whose span lies in the text, in reading order
 * @param paragraphs the paragraph layer, or blank-line blocks of the text when it is absent
 * @param techniques the persuasion technique spans that lie in the text, in reading order
 * @param paragraphTechniques the paragraphs' SemEval-2023 techniques
 * @param skipped how many annotations were left out because their spans did not fit the text
 */
record ArticleView(
    Document document,
    String title,
    String language,
    List<Entity> entities,
    List<Quote> quotes,
    List<Boilerplate> boilerplate,
    List<Span> paragraphs,
    Map<Span, String> paragraphLanguages,
    List<Diagnostic> diagnostics,
    List<TechniqueSpan> techniques,
    List<ParagraphTechniques> paragraphTechniques,
    int skipped) {

  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");

  static ArticleView of(Document document) {
    String text = document.text();
    int[] skipped = {0};
    List<Entity> entities =
        fitting(document.find(Entity.LAYER), e -> e.span(), text.length(), skipped);
    List<Quote> quotes = fitting(document.find(Quote.LAYER), Quote::span, text.length(), skipped);
    quotes.sort(Comparator.comparing(Quote::span));
    List<Boilerplate> boilerplate = present(document.find(Boilerplate.LAYER));
    List<TechniqueSpan> techniques =
        fitting(document.find(TechniqueSpan.LAYER), TechniqueSpan::span, text.length(), skipped);
    techniques.sort(Comparator.comparing(TechniqueSpan::span));
    List<ParagraphTechniques> paragraphTechniques =
        fitting(
            document.find(ParagraphTechniques.LAYER),
            ParagraphTechniques::span,
            text.length(),
            skipped);
    List<Span> paragraphs;
    if (document.has(Paragraph.LAYER)) {
      paragraphs = new ArrayList<>();
      for (Paragraph p :
          fitting(document.find(Paragraph.LAYER), Paragraph::span, text.length(), skipped)) {
        paragraphs.add(p.span());
      }
    } else {
      paragraphs = blankLineBlocks(text);
    }
    Map<Span, String> paragraphLanguages = new HashMap<>();
    for (Language l : present(document.find(Language.PARAGRAPHS))) {
      if (l.span() != null && l.code() != null) {
        paragraphLanguages.put(l.span(), l.code());
      }
    }
    String language =
        document
            .find(Language.DOCUMENT)
            .map(Language::code)
            .filter(code -> !code.equals(Language.UNDETERMINED))
            .orElse(document.metadata().languageHint());
    return new ArticleView(
        document,
        titleOf(document),
        language,
        List.copyOf(entities),
        List.copyOf(quotes),
        List.copyOf(boilerplate),
        List.copyOf(paragraphs),
        Map.copyOf(paragraphLanguages),
        present(document.find(Diagnostic.LAYER)),
        List.copyOf(techniques),
        List.copyOf(paragraphTechniques),
        skipped[0]);
  }

  /** The title to show: the metadata title, else the input id, so no link is ever blank. */
  static String titleOf(Document document) {
    String title = document.metadata().title();
    if (title != null && !title.isBlank()) {
      return title.strip();
    }
    String inputId = document.source().inputId();
    return inputId != null && !inputId.isBlank() ? inputId : document.id();
  }

  /** The name an entity is grouped under: its canonical name, else the words as written. */
  String entityName(Entity entity) {
    String canonical = entity.canonical();
    if (canonical != null && !canonical.isBlank()) {
      return canonical.strip();
    }
    return document.text(entity.span()).strip().replaceAll("\\s+", " ");
  }

  private static <T> List<T> present(Optional<List<T>> layer) {
    return layer.map(list -> list.stream().filter(Objects::nonNull).toList()).orElse(List.of());
  }

  private static <T> List<T> fitting(
      Optional<List<T>> layer, Function<T, Span> span, int length, int[] skipped) {
    List<T> kept = new ArrayList<>();
    for (T value : present(layer)) {
      Span s = span.apply(value);
      if (s != null && s.end() <= length) {
        kept.add(value);
      } else {
        skipped[0]++;
      }
    }
    return kept;
  }

  /** Blocks separated by blank lines, the same rule the paragraph segmenter follows. */
  private static List<Span> blankLineBlocks(String text) {
    List<Span> blocks = new ArrayList<>();
    Matcher gap = BLANK_LINE.matcher(text);
    int start = 0;
    while (gap.find()) {
      addBlock(blocks, text, start, gap.start());
      start = gap.end();
    }
    addBlock(blocks, text, start, text.length());
    return blocks;
  }

  private static void addBlock(List<Span> blocks, String text, int begin, int end) {
    while (begin < end && Character.isWhitespace(text.charAt(begin))) {
      begin++;
    }
    while (end > begin && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > begin) {
      blocks.add(new Span(begin, end));
    }
  }
}
