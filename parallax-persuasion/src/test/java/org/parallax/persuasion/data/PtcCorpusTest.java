package org.parallax.persuasion.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.model.Span;

class PtcCorpusTest {

  // Our own text: a BOM, a title, an emoji (outside the BMP) and a loaded phrase after it.
  private static final String TEXT =
      "\uFEFFCity budget passes\n\nThe \uD83D\uDCB0 plan is a shameless giveaway, critics say.\n";

  @TempDir Path dir;

  private void write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Code-point offsets of {@code part} in {@link #TEXT}, computed independently. */
  private static int[] codePointsOf(String part) {
    int charBegin = TEXT.indexOf(part);
    int begin = TEXT.codePointCount(0, charBegin);
    return new int[] {begin, begin + part.codePointCount(0, part.length())};
  }

  @Test
  void readsRawTextAndCodePointSpans() throws IOException {
    int[] loaded = codePointsOf("shameless giveaway");
    int[] title = codePointsOf("City budget passes");
    write("train-articles/article20.txt", TEXT);
    write("train-articles/article3.txt", "Second article.\n");
    write("train-articles/notes.md", "not an article");
    write(
        "train-labels-task-flc-tc/article20.task-flc-tc.labels",
        "20\tLoaded_Language\t"
            + loaded[0]
            + "\t"
            + loaded[1]
            + "\n20\tSlogans\t"
            + title[0]
            + "\t"
            + title[1]
            + "\n");

    List<PtcArticle> articles = PtcCorpus.read(dir, "train");

    assertThat(articles).extracting(PtcArticle::id).containsExactly("3", "20");
    PtcArticle article = articles.get(1);
    assertThat(article.text()).isEqualTo(TEXT);
    assertThat(article.spans())
        .containsExactly(
            new GoldSpan("Slogans", 1, 19), new GoldSpan("Loaded_Language", loaded[0], loaded[1]));
    assertThat(article.textOf(article.spans().get(1))).isEqualTo("shameless giveaway");
    List<LabelledSpan> chars = article.charSpans();
    int charBegin = TEXT.indexOf("shameless");
    assertThat(chars.get(1).span()).isEqualTo(new Span(charBegin, charBegin + 18));
    assertThat(chars.get(0).span().of(TEXT)).isEqualTo("City budget passes");
    assertThat(articles.get(0).spans()).isEmpty();
  }

  @Test
  void aSplitWithoutLabelsHasNoSpans() throws IOException {
    write("test-articles/article5.txt", TEXT);
    assertThat(PtcCorpus.read(dir, "test"))
        .singleElement()
        .satisfies(a -> assertThat(a.spans()).isEmpty());
  }

  @Test
  void rejectsSpansPastTheEndAndUnknownSplits() throws IOException {
    write("dev-articles/article1.txt", "Short.");
    write("dev-labels-task-flc-tc/article1.task-flc-tc.labels", "1\tDoubt\t2\t7\n");
    assertThatThrownBy(() -> PtcCorpus.read(dir, "dev"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("article1.task-flc-tc.labels:1");
    assertThatThrownBy(() -> PtcCorpus.read(dir, "validation"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown PTC split");
  }

  @Test
  void templateRoundTrip() throws IOException {
    write("template.out", "20\t?\t3\t9\n20\t?\t3\t9\n4\t?\t0\t2\n");
    List<TcTemplateLine> template = PtcCorpus.readTemplate(dir.resolve("template.out"));
    assertThat(template)
        .containsExactly(
            new TcTemplateLine("20", 3, 9),
            new TcTemplateLine("20", 3, 9),
            new TcTemplateLine("4", 0, 2));
    Path out = dir.resolve("out/predictions.txt");
    PtcCorpus.writeTcPredictions(out, template, List.of("Doubt", "Slogans", "Repetition"));
    assertThat(Files.readString(out))
        .isEqualTo("20\tDoubt\t3\t9\n20\tSlogans\t3\t9\n4\tRepetition\t0\t2\n");
    assertThatThrownBy(() -> PtcCorpus.writeTcPredictions(out, template, List.of("Doubt")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scorerInputsFromArticles() {
    PtcArticle article =
        new PtcArticle(
            "9",
            "Some text here.",
            List.of(new GoldSpan("Doubt", 0, 4), new GoldSpan("Loaded_Language", 0, 4)));
    assertThat(PtcCorpus.siSpans(List.of(article)).get("9")).hasSize(2);
    assertThat(PtcCorpus.tcLabels(List.of(article)))
        .containsEntry(new SpanKey("9", 0, 4), List.of("Doubt", "Loaded_Language"));
  }
}
