package org.parallax.persuasion.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parallax.persuasion.Technique;
import org.parallax.persuasion.Techniques;
import org.parallax.persuasion.score.MultiLabelScore;
import org.parallax.persuasion.score.MultiLabelScorer;

/** SemEval-2023 Task 3 subtask 3 as released, read from {@code <parallax.shared>}. */
class SemEval2023CorpusIT {

  private static Path root;

  @BeforeAll
  static void setUp() {
    String shared = System.getProperty("parallax.shared");
    root = shared == null ? null : Path.of(shared, "data", "semeval2023-task3");
    assumeTrue(
        root != null && Files.isDirectory(root),
        "skipped: no SemEval-2023 Task 3 data at <parallax.shared>/data/semeval2023-task3");
  }

  private static Path lang(String lang) {
    Path dir = root.resolve(lang);
    assumeTrue(Files.isDirectory(dir), "skipped: no folder " + dir);
    return dir;
  }

  private static Set<LineKey> keysOf(List<SemEval2023Article> articles) {
    Set<LineKey> keys = new HashSet<>();
    articles.forEach(a -> keys.addAll(a.keys()));
    return keys;
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ge", "it", "po", "ru"})
  void labelledLinesAreExactlyTheNonBlankLines(String lang) {
    List<SemEval2023Article> train = SemEval2023Corpus.read(lang(lang), "train");
    assertThat(train).isNotEmpty();
    Map<LineKey, Set<String>> gold =
        SemEval2023Corpus.byLine(
            SemEval2023Corpus.readLabels(lang(lang).resolve("train-labels-subtask-3.txt")));
    assertThat(gold.keySet()).isEqualTo(keysOf(train));
    Set<String> catalogue = new HashSet<>();
    Techniques.semeval2023().forEach(t -> catalogue.add(t.id()));
    gold.values().forEach(labels -> assertThat(catalogue).containsAll(labels));
    MultiLabelScore self =
        MultiLabelScorer.score(
            gold, gold, Techniques.semeval2023().stream().map(Technique::id).toList());
    assertThat(self.microF1()).isEqualTo(1.0);
    assertThat(self.macroF1()).isEqualTo(1.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ge", "it", "po", "ru"})
  void devTemplateLinesAreExactlyTheNonBlankLines(String lang) {
    List<SemEval2023Article> dev = SemEval2023Corpus.read(lang(lang), "dev");
    List<LineKey> template =
        SemEval2023Corpus.readTemplate(lang(lang).resolve("dev-labels-subtask-3.template"));
    assertThat(template).doesNotHaveDuplicates();
    assertThat(new HashSet<>(template)).isEqualTo(keysOf(dev));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ge", "it", "po", "ru"})
  void everySpanFallsOnALineLabelledWithItsTechnique(String lang) {
    List<SemEval2023Article> train = SemEval2023Corpus.read(lang(lang), "train");
    Map<String, Map<Integer, List<String>>> labels =
        SemEval2023Corpus.readLabels(lang(lang).resolve("train-labels-subtask-3.txt"));
    Map<String, List<LabelledSpan>> spans =
        SemEval2023Corpus.readSpans(lang(lang).resolve("train-labels-subtask-3-spans"), train);
    Map<String, SemEval2023Article> byId = new HashMap<>();
    train.forEach(a -> byId.put(a.id(), a));
    int count = 0;
    for (Map.Entry<String, List<LabelledSpan>> article : spans.entrySet()) {
      SemEval2023Article a = byId.get(article.getKey());
      for (LabelledSpan span : article.getValue()) {
        count++;
        // The line holding the span's first char must carry the span's technique: with \r\n
        // counted as one, or an emoji as two, spans would drift onto neighbouring lines.
        ParagraphLine line =
            a.lines().stream()
                .filter(l -> l.begin() <= span.span().begin() && span.span().begin() < l.end())
                .findFirst()
                .orElseThrow(() -> new AssertionError("span " + span + " starts on no line"));
        assertThat(labels.get(a.id()).get(line.line()))
            .as("labels of line %d of article %s", line.line(), a.id())
            .contains(span.technique());
        String covered = span.span().of(a.text());
        assertThat(covered).isNotBlank();
      }
    }
    assertThat(count).isPositive();
  }

  @Test
  void crlfFilesAreReadRaw() throws IOException {
    List<SemEval2023Article> fr = SemEval2023Corpus.read(lang("fr"), "train");
    assertThat(fr).anySatisfy(a -> assertThat(a.text()).contains("\r\n"));
    assertThat(fr)
        .allSatisfy(
            a -> a.lines().forEach(l -> assertThat(l.content()).doesNotContain("\r", "\n")));
  }

  @Test
  void damagedTrainTemplatesAreRefused() {
    assertThatThrownBy(
            () ->
                SemEval2023Corpus.readTemplate(
                    lang("ru").resolve("train-labels-subtask-3.template")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run together");
  }

  @Test
  void techniqueListIsTheCatalogueOne() throws IOException {
    List<String> names =
        Files.readAllLines(root.resolve("techniques_subtask3.txt"), StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    assertThat(Techniques.semeval2023()).extracting(Technique::id).containsExactlyElementsOf(names);
  }

  @Test
  void predictionsRoundTripThroughTheOfficialFormat(@TempDir Path tmp) {
    Map<String, Map<Integer, List<String>>> labels =
        SemEval2023Corpus.readLabels(lang("it").resolve("train-labels-subtask-3.txt"));
    Map<LineKey, List<String>> asPredictions = new HashMap<>();
    labels.forEach(
        (id, lines) -> lines.forEach((n, l) -> asPredictions.put(new LineKey(id, n), l)));
    Path out = tmp.resolve("it.txt");
    SemEval2023Corpus.writePredictions(out, asPredictions);
    assertThat(SemEval2023Corpus.readLabels(out)).isEqualTo(labels);
  }
}
