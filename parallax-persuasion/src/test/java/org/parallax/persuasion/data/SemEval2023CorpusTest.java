package org.parallax.persuasion.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemEval2023CorpusTest {

  // Our own text in CRLF with a blank line, a whitespace-only line (no-break space) and an emoji.
  private static final String CRLF =
      "Harbour reopens\r\n\r\nTraders call it a \uD83D\uDE80 triumph.\r\n \u00A0\r\nAll agree.\r\n";

  @TempDir Path dir;

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void linesAreNumberedAsPythonSplitlinesAndBlankOnesSkipped() {
    List<ParagraphLine> lines = SemEval2023Corpus.lines(CRLF);
    assertThat(lines).extracting(ParagraphLine::line).containsExactly(1, 3, 5);
    assertThat(lines)
        .extracting(ParagraphLine::content)
        .containsExactly(
            "Harbour reopens", "Traders call it a \uD83D\uDE80 triumph.", "All agree.");
    for (ParagraphLine line : lines) {
      assertThat(CRLF.substring(line.begin(), line.end())).isEqualTo(line.content());
    }
  }

  @Test
  void otherLineBreaksCountAsPythonCountsThem() {
    // \r alone, a form feed and U+2028 each end a line; a byte order mark is not blank.
    List<ParagraphLine> lines = SemEval2023Corpus.lines("\uFEFF\rone\ftwo\u2028\nthree");
    assertThat(lines).extracting(ParagraphLine::line).containsExactly(1, 2, 3, 5);
    assertThat(lines)
        .extracting(ParagraphLine::content)
        .containsExactly("\uFEFF", "one", "two", "three");
  }

  @Test
  void readsArticlesRaw() throws IOException {
    write("xx/train-articles-subtask-3/article12.txt", CRLF);
    write("xx/train-articles-subtask-3/article7.txt", "Only line");
    List<SemEval2023Article> articles = SemEval2023Corpus.read(dir.resolve("xx"), "train");
    assertThat(articles).extracting(SemEval2023Article::id).containsExactly("7", "12");
    SemEval2023Article article = articles.get(1);
    assertThat(article.lang()).isEqualTo("xx");
    assertThat(article.text()).isEqualTo(CRLF);
    assertThat(article.keys())
        .containsExactly(new LineKey("12", 1), new LineKey("12", 3), new LineKey("12", 5));
    assertThat(article.line(3)).isPresent();
    assertThat(article.line(2)).isEmpty();
  }

  @Test
  void readsLabelsWithEmptyLines() throws IOException {
    write("labels.txt", "12\t1\t\n12\t3\tLoaded_Language,Doubt\n12\t5\tSlogans\r\n");
    Map<String, Map<Integer, List<String>>> labels =
        SemEval2023Corpus.readLabels(dir.resolve("labels.txt"));
    assertThat(labels.get("12"))
        .containsEntry(1, List.of())
        .containsEntry(3, List.of("Loaded_Language", "Doubt"))
        .containsEntry(5, List.of("Slogans"));
    assertThat(SemEval2023Corpus.byLine(labels))
        .containsEntry(new LineKey("12", 3), Set.of("Doubt", "Loaded_Language"));
  }

  @Test
  void rejectsALineLabelledTwice() throws IOException {
    write("labels.txt", "12\t1\tDoubt\n12\t1\tSlogans\n");
    assertThatThrownBy(() -> SemEval2023Corpus.readLabels(dir.resolve("labels.txt")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labels.txt:2");
  }

  @Test
  void readsTemplatesAndRefusesRecordsRunTogether() throws IOException {
    write("ok.template", "12\t1\tHarbour reopens\r\n12\t3\tTraders call it a triumph.\r\n");
    assertThat(SemEval2023Corpus.readTemplate(dir.resolve("ok.template")))
        .containsExactly(new LineKey("12", 1), new LineKey("12", 3));
    write("bad.template", "12\t5\tAll agree.13\t1\tNext article title\n");
    assertThatThrownBy(() -> SemEval2023Corpus.readTemplate(dir.resolve("bad.template")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run together");
  }

  @Test
  void writesPredictionsInTheOfficialFormat() throws IOException {
    Map<LineKey, List<String>> predictions = new LinkedHashMap<>();
    predictions.put(new LineKey("12", 3), List.of("Loaded_Language", "Doubt"));
    predictions.put(new LineKey("7", 1), List.of());
    predictions.put(new LineKey("12", 1), List.of("Slogans"));
    Path out = dir.resolve("pred.txt");
    SemEval2023Corpus.writePredictions(out, predictions);
    assertThat(Files.readString(out))
        .isEqualTo("7\t1\t\n12\t1\tSlogans\n12\t3\tLoaded_Language,Doubt\n");
    assertThat(SemEval2023Corpus.readLabels(out).get("12").get(3))
        .containsExactly("Loaded_Language", "Doubt");
    assertThatThrownBy(
            () ->
                SemEval2023Corpus.writePredictions(
                    out, Map.of(new LineKey("7", 1), List.of("a,b"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void spanOffsetsCountCrlfAsTwoAndAnEmojiAsOne() throws IOException {
    write("xx/train-articles-subtask-3/article12.txt", CRLF);
    List<SemEval2023Article> articles = SemEval2023Corpus.read(dir.resolve("xx"), "train");
    // Code points: "Harbour reopens" 0-15, \r\n 15-17, \r\n 17-19, "Traders call it a " 19-37,
    // rocket 37, " " 38, "triumph" 39-46.
    write(
        "xx/spans/article12-labels-subtask-3.txt",
        "12\tLoaded_Language\t39\t46\r\n12\tSlogans\t0\t7\r\n");
    Map<String, List<LabelledSpan>> spans =
        SemEval2023Corpus.readSpans(dir.resolve("xx/spans"), articles);
    List<LabelledSpan> list = spans.get("12");
    assertThat(list)
        .extracting(LabelledSpan::technique)
        .containsExactly("Slogans", "Loaded_Language");
    assertThat(list.get(0).span().of(CRLF)).isEqualTo("Harbour");
    assertThat(list.get(1).span().of(CRLF)).isEqualTo("triumph");
    write("xx/spans/article12-labels-subtask-3.txt", "99\tDoubt\t0\t1\n");
    assertThatThrownBy(() -> SemEval2023Corpus.readSpans(dir.resolve("xx/spans"), articles))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("article 99");
  }
}
