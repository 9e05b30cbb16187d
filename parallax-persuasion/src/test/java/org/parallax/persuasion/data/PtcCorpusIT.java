package org.parallax.persuasion.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.persuasion.Technique;
import org.parallax.persuasion.Techniques;
import org.parallax.persuasion.score.SiScorer;
import org.parallax.persuasion.score.TcScore;
import org.parallax.persuasion.score.TcScorer;

/** The Propaganda Techniques Corpus as released, read from {@code <parallax.shared>}. */
class PtcCorpusIT {

  private static Path ptc;
  private static List<PtcArticle> train;
  private static List<PtcArticle> dev;

  @BeforeAll
  static void setUp() {
    String shared = System.getProperty("parallax.shared");
    ptc = shared == null ? null : Path.of(shared, "data", "semeval2020-task11-ptc");
    assumeTrue(
        ptc != null && Files.isDirectory(ptc),
        "skipped: no PTC at <parallax.shared>/data/semeval2020-task11-ptc");
    train = PtcCorpus.read(ptc, "train");
    dev = PtcCorpus.read(ptc, "dev");
  }

  @Test
  void splitSizesAsReleased() {
    assertThat(train).hasSize(371);
    assertThat(dev).hasSize(75);
    List<PtcArticle> test = PtcCorpus.read(ptc, "test");
    assertThat(test).hasSize(90).allSatisfy(a -> assertThat(a.spans()).isEmpty());
    assertThat(train.stream().mapToInt(a -> a.spans().size()).sum()).isEqualTo(6128);
    assertThat(dev.stream().mapToInt(a -> a.spans().size()).sum()).isEqualTo(1063);
  }

  @Test
  void spanTextIsTheSameHoweverItIsSliced() {
    int bom = 0;
    int beyondBmp = 0;
    for (PtcArticle article : concat(train, dev)) {
      String text = article.text();
      bom += text.startsWith("\uFEFF") ? 1 : 0;
      beyondBmp += text.length() != text.codePointCount(0, text.length()) ? 1 : 0;
      int[] codePoints = text.codePoints().toArray();
      List<LabelledSpan> chars = article.charSpans();
      for (int i = 0; i < article.spans().size(); i++) {
        GoldSpan span = article.spans().get(i);
        String independent = new String(codePoints, span.begin(), span.length());
        assertThat(article.textOf(span)).isEqualTo(independent);
        assertThat(chars.get(i).span().of(text)).isEqualTo(independent);
        assertThat(chars.get(i).technique()).isEqualTo(span.technique());
        // Release v2 trimmed every span of leading and trailing " \n.,:;": with offsets off by
        // even one code point (a BOM or an emoji counted wrong) this would fail.
        assertThat(independent).as("span %s of article %s", span, article.id()).isNotEmpty();
        assertThat(" \n.,:;".indexOf(independent.charAt(0)))
            .as("first char of span %s of article %s", span, article.id())
            .isNegative();
        assertThat(" \n.,:;".indexOf(independent.charAt(independent.length() - 1)))
            .as("last char of span %s of article %s", span, article.id())
            .isNegative();
      }
    }
    assertThat(bom).as("articles starting with a BOM").isPositive();
    assertThat(beyondBmp).as("articles with characters outside the BMP").isPositive();
  }

  @Test
  void techniqueNamesAreTheCatalogueOnes() throws IOException {
    List<String> names =
        Files.readAllLines(
                ptc.resolve("propaganda-techniques-names-semeval2020task11.txt"),
                StandardCharsets.UTF_8)
            .stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    assertThat(Techniques.ptc2020()).extracting(Technique::id).containsExactlyElementsOf(names);
    for (PtcArticle article : concat(train, dev)) {
      for (GoldSpan span : article.spans()) {
        assertThat(names).contains(span.technique());
      }
    }
  }

  @Test
  void goldScoresPerfectlyAgainstItself() {
    Map<String, List<int[]>> spans = PtcCorpus.siSpans(dev);
    assertThat(SiScorer.score(spans, spans).f1()).isEqualTo(1.0);
    assertThat(SiScorer.score(spans, spans).precision()).isEqualTo(1.0);
    List<String> labels =
        dev.stream().flatMap(a -> a.spans().stream()).map(GoldSpan::technique).toList();
    assertThat(TcScorer.score(labels, labels).microF1()).isEqualTo(1.0);
    Map<SpanKey, List<String>> bySpan = PtcCorpus.tcLabels(dev);
    TcScore score = TcScorer.scoreBySpan(bySpan, bySpan);
    assertThat(score.microF1()).isEqualTo(1.0);
    assertThat(score.gold()).isEqualTo(labels.size());
  }

  @Test
  void testTemplateFitsTheTestArticles() {
    List<TcTemplateLine> template =
        PtcCorpus.readTemplate(ptc.resolve("test-task-tc-template.out"));
    Map<String, Integer> lengths = new HashMap<>();
    for (PtcArticle article : PtcCorpus.read(ptc, "test")) {
      lengths.put(article.id(), article.text().codePointCount(0, article.text().length()));
    }
    assertThat(template).isNotEmpty();
    for (TcTemplateLine line : template) {
      assertThat(lengths).containsKey(line.articleId());
      assertThat(line.begin()).isLessThan(line.end());
      assertThat(line.end()).isLessThanOrEqualTo(lengths.get(line.articleId()));
    }
    Map<String, Long> perArticle =
        template.stream()
            .collect(Collectors.groupingBy(TcTemplateLine::articleId, Collectors.counting()));
    assertThat(perArticle.keySet()).isSubsetOf(lengths.keySet());
  }

  private static List<PtcArticle> concat(List<PtcArticle> a, List<PtcArticle> b) {
    List<PtcArticle> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
