package org.parallax.persuasion.data;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parallax.core.model.Span;

/**
 * Reads and writes SemEval-2023 Task 3 subtask 3 data (paragraph-level persuasion techniques) for
 * one language folder: {@code <split>-articles-subtask-3/article<id>.txt}, the label file {@code
 * train-labels-subtask-3.txt} ({@code <id>\t<line>\t<label,label,...>}), the templates {@code
 * <split>-labels-subtask-3.template} ({@code <id>\t<line>\t<text>}) and the span files in {@code
 * train-labels-subtask-3-spans/} ({@code <id>\t<technique>\t<begin>\t<end>}).
 *
 * <p>Lines are numbered the way the official baseline read them: Python's {@code str.splitlines()}
 * numbered from 1, keeping only lines that are not empty after {@code strip()}. The label files and
 * templates of every language agree with that numbering. Span offsets count code points of the raw
 * file, so in the CRLF files of the non-English languages {@code \r\n} counts as two; {@link
 * #readSpans} turns them into char offsets of {@link SemEval2023Article#text()}.
 */
public final class SemEval2023Corpus {

  /** Splits that may have an articles folder. */
  public static final List<String> SPLITS = List.of("train", "dev", "test");

  private SemEval2023Corpus() {}

  /**
   * The articles of one split of one language, sorted by id.
   *
   * @param langDir the language folder, e.g. {@code .../semeval2023-task3/en}; its name becomes
   *     {@link SemEval2023Article#lang()}
   * @param split {@code train} or {@code dev} ({@code test} where a release has test articles)
   * @throws UncheckedIOException when the split's articles folder is missing or unreadable
   */
  public static List<SemEval2023Article> read(Path langDir, String split) {
    if (!SPLITS.contains(split)) {
      throw new IllegalArgumentException(
          "unknown SemEval-2023 split '" + split + "'; expected one of " + SPLITS);
    }
    Path name = langDir.toAbsolutePath().normalize().getFileName();
    String lang = name == null ? "" : name.toString();
    return readDirectory(langDir.resolve(split + "-articles-subtask-3"), lang);
  }

  /**
   * The articles ({@code article<ID>.txt}) of any folder, read raw, sorted by id: what {@code
   * parallax predict semeval2023 --articles DIR} reads.
   */
  public static List<SemEval2023Article> readDirectory(Path articlesDir, String lang) {
    List<SemEval2023Article> articles = new ArrayList<>();
    for (Path file : RawFiles.list(articlesDir)) {
      String id = articleId(file.getFileName().toString(), ".txt");
      if (id != null) {
        String text = RawFiles.read(file);
        articles.add(new SemEval2023Article(id, lang, text, lines(text)));
      }
    }
    articles.sort(Comparator.comparing(SemEval2023Article::id, ArticleIds.ORDER));
    return List.copyOf(articles);
  }

  /**
   * The scored lines of a text: Python's {@code splitlines()} ({@code \n}, {@code \r}, {@code \r\n}
   * and the other Unicode line breaks), numbered from 1, blank lines counted but left out.
   */
  public static List<ParagraphLine> lines(String text) {
    List<ParagraphLine> lines = new ArrayList<>();
    int number = 1;
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!RawFiles.isLineBreak(c)) {
        i++;
        continue;
      }
      addLine(lines, text, number++, start, i);
      i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
      start = i;
    }
    addLine(lines, text, number, start, text.length());
    return List.copyOf(lines);
  }

  private static void addLine(List<ParagraphLine> lines, String text, int number, int b, int e) {
    if (!RawFiles.isPythonBlank(text, b, e)) {
      lines.add(new ParagraphLine(number, b, e, text.substring(b, e)));
    }
  }

  /**
   * The gold labels of a label file: article id, then line number, then the techniques in file
   * order (an empty list for a line without techniques). Articles keep file order, lines are
   * sorted; the maps and lists are unmodifiable.
   *
   * @throws IllegalArgumentException on a malformed record or a line given twice
   */
  public static Map<String, Map<Integer, List<String>>> readLabels(Path file) {
    Map<String, Map<Integer, List<String>>> labels = new LinkedHashMap<>();
    List<String> records = RawFiles.records(file);
    for (int i = 0; i < records.size(); i++) {
      String record = stripTrailing(records.get(i));
      if (record.isEmpty()) {
        continue;
      }
      String[] fields = record.split("\t", -1);
      if (fields.length < 2 || fields.length > 3) {
        throw RawFiles.malformed(file, i + 1, "expected <id>\\t<line>\\t<label,...>");
      }
      LineKey key = lineKey(fields, file, i + 1);
      List<String> techniques = new ArrayList<>();
      if (fields.length == 3) {
        for (String label : fields[2].split(",")) {
          if (!label.isBlank()) {
            techniques.add(label.strip());
          }
        }
      }
      Map<Integer, List<String>> article =
          labels.computeIfAbsent(key.articleId(), k -> new TreeMap<>());
      if (article.put(key.line(), List.copyOf(techniques)) != null) {
        throw RawFiles.malformed(
            file, i + 1, "line " + key.line() + " of article " + key.articleId() + " given twice");
      }
    }
    labels.replaceAll((id, lines) -> Collections.unmodifiableMap(lines));
    return Collections.unmodifiableMap(labels);
  }

  /**
   * The same labels keyed by {@link LineKey}, the input of {@link
   * org.parallax.persuasion.score.MultiLabelScorer}.
   */
  public static Map<LineKey, Set<String>> byLine(Map<String, Map<Integer, List<String>>> labels) {
    Map<LineKey, Set<String>> byLine = new TreeMap<>();
    labels.forEach(
        (id, lines) ->
            lines.forEach(
                (line, techniques) ->
                    byLine.put(
                        new LineKey(id, line),
                        Collections.unmodifiableSet(new LinkedHashSet<>(techniques)))));
    return Collections.unmodifiableMap(byLine);
  }

  /**
   * The lines to predict from a template file ({@code <id>\t<line>\t<text>}), in file order.
   *
   * @throws IllegalArgumentException on a malformed record, including records run together on one
   *     line, a known defect of the non-English {@code train-labels-subtask-3.template} files (use
   *     {@link #readLabels} on {@code train-labels-subtask-3.txt} for train instead)
   */
  public static List<LineKey> readTemplate(Path file) {
    List<LineKey> keys = new ArrayList<>();
    List<String> records = RawFiles.records(file);
    for (int i = 0; i < records.size(); i++) {
      String record = records.get(i);
      if (record.isBlank()) {
        continue;
      }
      String[] fields = record.split("\t", 3);
      if (fields.length < 2) {
        throw RawFiles.malformed(file, i + 1, "expected <id>\\t<line>\\t<text>");
      }
      if (fields.length == 3 && runsOn(fields[2])) {
        throw RawFiles.malformed(
            file,
            i + 1,
            "two template records run together on one line; this template is damaged, read the"
                + " lines from the label file or the articles instead");
      }
      keys.add(lineKey(fields, file, i + 1));
    }
    return List.copyOf(keys);
  }

  /** Whether a template's text field holds the tail of another record ({@code \t<line>\t}). */
  private static boolean runsOn(String text) {
    String[] parts = text.split("\t", 3);
    return parts.length == 3
        && !parts[1].isEmpty()
        && parts[1].chars().allMatch(Character::isDigit);
  }

  /**
   * Writes predictions in the official subtask 3 format, {@code <id>\t<line>\t<label,...>} (an
   * empty label list leaves the third field empty), sorted by article and line.
   *
   * @throws IllegalArgumentException when a label is empty or holds a comma, tab or line break
   */
  public static void writePredictions(Path out, Map<LineKey, List<String>> predictions) {
    StringBuilder content = new StringBuilder();
    for (Map.Entry<LineKey, List<String>> entry : new TreeMap<>(predictions).entrySet()) {
      LineKey key = entry.getKey();
      content.append(key.articleId()).append('\t').append(key.line()).append('\t');
      List<String> techniques = entry.getValue() == null ? List.of() : entry.getValue();
      for (int i = 0; i < techniques.size(); i++) {
        String technique = techniques.get(i);
        if (technique == null || technique.isEmpty() || technique.matches("(?s).*[,\\t\\r\\n].*")) {
          throw new IllegalArgumentException(
              "not a technique name for " + key + ": '" + technique + "'");
        }
        content.append(i == 0 ? "" : ",").append(technique);
      }
      content.append('\n');
    }
    RawFiles.write(out, content.toString());
  }

  /**
   * The gold technique spans of {@code train-labels-subtask-3-spans/}, in char offsets of the
   * articles' raw text, per article id, sorted by position. Articles without a span file are
   * absent.
   *
   * @param articles the articles the offsets refer to (usually {@code read(langDir, "train")})
   * @throws IllegalArgumentException on a malformed record, a record for an article not in {@code
   *     articles}, or an offset past the end of its article
   */
  public static Map<String, List<LabelledSpan>> readSpans(
      Path spansDir, List<SemEval2023Article> articles) {
    Map<String, SemEval2023Article> byId = new HashMap<>();
    articles.forEach(a -> byId.put(a.id(), a));
    Map<String, int[]> offsetsById = new HashMap<>();
    Map<String, List<LabelledSpan>> spans = new TreeMap<>(ArticleIds.ORDER);
    for (Path file : RawFiles.list(spansDir)) {
      if (articleId(file.getFileName().toString(), ".txt") == null) {
        continue;
      }
      List<String> records = RawFiles.records(file);
      for (int i = 0; i < records.size(); i++) {
        String record = records.get(i);
        if (record.isBlank()) {
          continue;
        }
        String[] fields = record.split("\t", -1);
        if (fields.length != 4 || fields[1].isBlank()) {
          throw RawFiles.malformed(file, i + 1, "expected <id>\\t<technique>\\t<begin>\\t<end>");
        }
        String id = fields[0].strip();
        SemEval2023Article article = byId.get(id);
        if (article == null) {
          throw RawFiles.malformed(file, i + 1, "span for article " + id + ", which was not read");
        }
        int[] offsets =
            offsetsById.computeIfAbsent(id, k -> CodePoints.charOffsets(article.text()));
        int begin = RawFiles.parseOffset(fields[2], "begin", file, i + 1);
        int end = RawFiles.parseOffset(fields[3], "end", file, i + 1);
        if (begin > end || end >= offsets.length) {
          throw RawFiles.malformed(
              file,
              i + 1,
              "span ["
                  + begin
                  + ", "
                  + end
                  + ") outside the article's "
                  + (offsets.length - 1)
                  + " code points");
        }
        spans
            .computeIfAbsent(id, k -> new ArrayList<>())
            .add(new LabelledSpan(fields[1].strip(), new Span(offsets[begin], offsets[end])));
      }
    }
    Comparator<LabelledSpan> order =
        Comparator.comparing(LabelledSpan::span).thenComparing(LabelledSpan::technique);
    spans.replaceAll((id, list) -> list.stream().sorted(order).toList());
    return Collections.unmodifiableMap(spans);
  }

  /** The id in {@code article<id><suffix>...}, as the official tools take it, or null. */
  private static String articleId(String fileName, String extension) {
    if (!fileName.startsWith("article") || !fileName.endsWith(extension)) {
      return null;
    }
    int dot = fileName.indexOf('.', "article".length());
    String id = fileName.substring("article".length(), dot);
    int dash = id.indexOf('-');
    id = dash < 0 ? id : id.substring(0, dash);
    return id.isEmpty() ? null : id;
  }

  private static LineKey lineKey(String[] fields, Path file, int lineNumber) {
    String id = fields[0].strip();
    if (id.isEmpty()) {
      throw RawFiles.malformed(file, lineNumber, "empty article id");
    }
    int line = RawFiles.parseOffset(fields[1], "line number", file, lineNumber);
    if (line < 1) {
      throw RawFiles.malformed(file, lineNumber, "line numbers start at 1");
    }
    return new LineKey(id, line);
  }

  /** Python's {@code rstrip()}: the official readers strip each record before splitting it. */
  private static String stripTrailing(String record) {
    int end = record.length();
    while (end > 0 && RawFiles.isPythonSpace(record.charAt(end - 1))) {
      end--;
    }
    return record.substring(0, end);
  }
}
