package org.parallax.persuasion.data;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Propaganda Techniques Corpus (SemEval-2020 Task 11, v2) as distributed: {@code
 * <split>-articles/article<id>.txt} and, for train and dev, {@code
 * <split>-labels-task-flc-tc/article<id>.task-flc-tc.labels} with records {@code
 * <id>\t<technique>\t<begin>\t<end>} in code points of the raw file.
 *
 * <p>A malformed record or an offset past the end of its article is an error naming the file and
 * line, not a silently dropped span: every figure computed from these spans must be comparable with
 * the official scorer's.
 */
public final class PtcCorpus {

  /** The three splits of the release. */
  public static final List<String> SPLITS = List.of("train", "dev", "test");

  private static final Pattern ARTICLE_FILE = Pattern.compile("article(\\d+)\\.txt");

  private PtcCorpus() {}

  /**
   * The articles of one split, sorted by id, each with its gold TC spans (empty when the split has
   * no labels folder, i.e. for test, or when an article has no label file).
   *
   * @param ptcDir the corpus folder, holding {@code train-articles/} etc.
   * @param split {@code train}, {@code dev} or {@code test}
   * @throws IllegalArgumentException on an unknown split or a malformed label record
   * @throws UncheckedIOException when the articles folder is missing or unreadable
   */
  public static List<PtcArticle> read(Path ptcDir, String split) {
    if (!SPLITS.contains(split)) {
      throw new IllegalArgumentException(
          "unknown PTC split '" + split + "'; expected one of " + SPLITS);
    }
    Path labelsDir = ptcDir.resolve(split + "-labels-task-flc-tc");
    boolean labelled = Files.isDirectory(labelsDir);
    List<PtcArticle> articles = new ArrayList<>();
    for (PtcArticle article : readDirectory(ptcDir.resolve(split + "-articles"))) {
      Path labels = labelsDir.resolve("article" + article.id() + ".task-flc-tc.labels");
      List<GoldSpan> spans =
          labelled && Files.isRegularFile(labels)
              ? readSpans(labels, article.id(), article.text())
              : List.of();
      articles.add(new PtcArticle(article.id(), article.text(), spans));
    }
    return List.copyOf(articles);
  }

  /**
   * The articles ({@code article<ID>.txt}) of any folder, without labels, sorted by id: what {@code
   * parallax predict ptc --articles DIR} reads.
   *
   * @throws UncheckedIOException when the folder is missing or unreadable
   */
  public static List<PtcArticle> readDirectory(Path articlesDir) {
    List<PtcArticle> articles = new ArrayList<>();
    for (Path file : RawFiles.list(articlesDir)) {
      Matcher name = ARTICLE_FILE.matcher(file.getFileName().toString());
      if (name.matches()) {
        articles.add(new PtcArticle(name.group(1), RawFiles.read(file), List.of()));
      }
    }
    articles.sort(Comparator.comparing(PtcArticle::id, ArticleIds.ORDER));
    return List.copyOf(articles);
  }

  /**
   * The fragments of a TC template file ({@code <id>\t?\t<begin>\t<end>}), in file order.
   *
   * @throws IllegalArgumentException on a record that is not four tab-separated fields
   */
  public static List<TcTemplateLine> readTemplate(Path file) {
    List<TcTemplateLine> lines = new ArrayList<>();
    List<String> records = RawFiles.records(file);
    for (int i = 0; i < records.size(); i++) {
      String record = records.get(i);
      if (record.isBlank()) {
        continue;
      }
      String[] fields = record.split("\t", -1);
      if (fields.length != 4) {
        throw RawFiles.malformed(file, i + 1, "expected <id>\\t?\\t<begin>\\t<end>");
      }
      lines.add(
          new TcTemplateLine(
              fields[0].strip(),
              RawFiles.parseOffset(fields[2], "begin", file, i + 1),
              RawFiles.parseOffset(fields[3], "end", file, i + 1)));
    }
    return List.copyOf(lines);
  }

  /**
   * Writes TC predictions in the official format, the template with each {@code ?} replaced by the
   * predicted technique: {@code <id>\t<technique>\t<begin>\t<end>}, one line per template line, in
   * template order.
   *
   * @param techniques one technique per template line, aligned with {@code template}
   */
  public static void writeTcPredictions(
      Path out, List<TcTemplateLine> template, List<String> techniques) {
    if (template.size() != techniques.size()) {
      throw new IllegalArgumentException(
          template.size() + " template lines but " + techniques.size() + " predictions");
    }
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < template.size(); i++) {
      TcTemplateLine line = template.get(i);
      String technique = techniques.get(i);
      if (technique == null || technique.isEmpty() || technique.matches("(?s).*[\\t\\r\\n].*")) {
        throw new IllegalArgumentException(
            "prediction " + (i + 1) + " is not a technique name: '" + technique + "'");
      }
      content
          .append(line.articleId())
          .append('\t')
          .append(technique)
          .append('\t')
          .append(line.begin())
          .append('\t')
          .append(line.end())
          .append('\n');
    }
    RawFiles.write(out, content.toString());
  }

  /**
   * The gold spans of each article as {@code [begin, end]} code-point pairs, the input of {@link
   * org.parallax.persuasion.score.SiScorer}; every article is present, with an empty list when it
   * has no spans.
   */
  public static Map<String, List<int[]>> siSpans(List<PtcArticle> articles) {
    Map<String, List<int[]>> spans = new LinkedHashMap<>();
    for (PtcArticle article : articles) {
      List<int[]> pairs = new ArrayList<>();
      for (GoldSpan span : article.spans()) {
        pairs.add(new int[] {span.begin(), span.end()});
      }
      spans.put(article.id(), List.copyOf(pairs));
    }
    return spans;
  }

  /**
   * The gold techniques of each distinct fragment, the input of {@link
   * org.parallax.persuasion.score.TcScorer#scoreBySpan}.
   */
  public static Map<SpanKey, List<String>> tcLabels(List<PtcArticle> articles) {
    Map<SpanKey, List<String>> labels = new TreeMap<>();
    for (PtcArticle article : articles) {
      for (GoldSpan span : article.spans()) {
        labels
            .computeIfAbsent(
                new SpanKey(article.id(), span.begin(), span.end()), k -> new ArrayList<>())
            .add(span.technique());
      }
    }
    return labels;
  }

  private static List<GoldSpan> readSpans(Path file, String id, String text) {
    int length = text.codePointCount(0, text.length());
    List<GoldSpan> spans = new ArrayList<>();
    List<String> records = RawFiles.records(file);
    for (int i = 0; i < records.size(); i++) {
      String record = records.get(i);
      if (record.isBlank()) {
        continue;
      }
      String[] fields = record.split("\t", -1);
      if (fields.length != 4) {
        throw RawFiles.malformed(file, i + 1, "expected <id>\\t<technique>\\t<begin>\\t<end>");
      }
      if (!fields[0].strip().equals(id)) {
        throw RawFiles.malformed(
            file, i + 1, "record for article " + fields[0] + " in the file of article " + id);
      }
      int begin = RawFiles.parseOffset(fields[2], "begin", file, i + 1);
      int end = RawFiles.parseOffset(fields[3], "end", file, i + 1);
      if (begin > end || end > length) {
        throw RawFiles.malformed(
            file,
            i + 1,
            "span [" + begin + ", " + end + ") outside the article's " + length + " code points");
      }
      String technique = fields[1].strip();
      if (technique.isEmpty()) {
        throw RawFiles.malformed(file, i + 1, "empty technique");
      }
      spans.add(new GoldSpan(technique, begin, end));
    }
    spans.sort(
        Comparator.comparingInt(GoldSpan::begin)
            .thenComparingInt(GoldSpan::end)
            .thenComparing(GoldSpan::technique));
    return spans;
  }
}
