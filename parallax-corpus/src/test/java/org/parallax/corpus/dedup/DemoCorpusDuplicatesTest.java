package org.parallax.corpus.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.corpus.article.Article;

/**
 * Pairwise quality on our own demo corpus (examples/corpus): the one cross-post pair must be found
 * and nothing else grouped. Texts are read raw (HTML tags stripped crudely), so boilerplate such as
 * bylines and footers is still in them, which makes this harder than on cleaned articles.
 */
class DemoCorpusDuplicatesTest {

  @Test
  void findsTheCrossPostAndNothingElse() throws IOException {
    Path examples = Path.of(System.getProperty("parallax.root", "."), "examples");
    assumeTrue(Files.isDirectory(examples.resolve("corpus")), "examples/corpus not found");
    List<Article> articles = demoArticles(examples);
    assertThat(articles).hasSize(12);

    DuplicateReport report = DuplicateFinder.find(articles, DedupConfig.DEFAULTS);

    assertThat(report.pairs())
        .extracting(DuplicatePair::a, DuplicatePair::b)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "civic-review-half-truths.txt", "coastline-daily-half-truths.txt"));
    assertThat(report.groups())
        .singleElement()
        .satisfies(
            group -> {
              assertThat(group.original()).isEqualTo("civic-review-half-truths.txt");
              assertThat(group.originalBy()).isEqualTo("published");
              DuplicateMember copy = group.members().get(1);
              assertThat(copy.id()).isEqualTo("coastline-daily-half-truths.txt");
              assertThat(copy.edits())
                  .extracting(WordEdit::originalText, WordEdit::copyText)
                  .contains(
                      org.assertj.core.groups.Tuple.tuple("flood", "wave"),
                      org.assertj.core.groups.Tuple.tuple("now", "the moment"));
              assertThat(copy.edits())
                  .anySatisfy(edit -> assertThat(edit.originalText()).contains("a pattern here"));
            });
  }

  /** The demo articles with the publication dates recorded in expected.json. */
  static List<Article> demoArticles(Path examples) throws IOException {
    JsonNode expected = Json.MAPPER.readTree(examples.resolve("expected.json").toFile());
    List<Article> articles = new ArrayList<>();
    for (Map.Entry<String, JsonNode> document : expected.get("documents").properties()) {
      String key = document.getKey();
      String text;
      if (key.startsWith("wire.jsonl#")) {
        text =
            wireText(examples.resolve("corpus/wire.jsonl"), key.substring("wire.jsonl#".length()));
      } else {
        text = Files.readString(examples.resolve("corpus").resolve(key));
        if (key.endsWith(".html")) {
          text = stripTags(text);
        }
      }
      JsonNode published = document.getValue().get("published");
      JsonNode outlet = document.getValue().get("outlet");
      articles.add(
          Texts.article(
              key,
              outlet.isNull() ? null : outlet.asText(),
              published.isNull() ? null : published.asText(),
              text));
    }
    return articles;
  }

  private static String wireText(Path jsonl, String id) throws IOException {
    for (String line : Files.readAllLines(jsonl)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode record = Json.MAPPER.readTree(line);
      if (id.equals(record.path("id").asText())) {
        return record.has("text")
            ? record.get("text").asText()
            : stripTags(record.get("html").asText());
      }
    }
    throw new IllegalStateException("no record " + id + " in " + jsonl);
  }

  private static String stripTags(String html) {
    return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ");
  }
}
