package org.parallax.index.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.codecs.lucene90.Lucene90StoredFieldsFormat;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.json.Json;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Outcome;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;

class WorkspaceTest {

  @TempDir Path dir;

  @Test
  void putIsIdempotentAcrossCommitsAndReopening() {
    Document article = TestArticles.numbered(1);
    try (Workspace workspace = Workspace.open(dir)) {
      workspace.put(article);
      workspace.put(article);
      assertThat(workspace.size()).isEqualTo(1);
      workspace.commit();
      workspace.put(article);
      assertThat(workspace.size()).isEqualTo(1);
    }
    try (Workspace workspace = Workspace.open(dir)) {
      workspace.put(article);
      assertThat(workspace.size()).isEqualTo(1);
      assertThat(workspace.documents().map(Document::id).toList()).containsExactly(article.id());
    }
  }

  @Test
  void documentsInSeenOrderFollowTheOrderArticlesWereFirstStored() {
    List<Document> given = IntStream.of(7, 2, 9, 4, 1).mapToObj(TestArticles::numbered).toList();
    List<String> ids = given.stream().map(Document::id).toList();
    try (Workspace workspace = Workspace.open(dir, 2)) {
      given.subList(0, 3).forEach(workspace::put);
      workspace.commit();
      // stored again (a forced re-analysis): it keeps its place
      workspace.put(given.get(0));
      assertThat(workspace.documentsInSeenOrder().map(Document::id).toList())
          .containsExactlyElementsOf(ids.subList(0, 3));
    }
    try (Workspace workspace = Workspace.open(dir, 2)) {
      given.subList(3, 5).forEach(workspace::put);
      workspace.put(given.get(1));
      assertThat(workspace.documentsInSeenOrder().map(Document::id).toList())
          .containsExactlyElementsOf(ids);
      // id order is another order, so the test can fail
      assertThat(workspace.documents().map(Document::id).toList())
          .containsExactlyElementsOf(ids.stream().sorted().toList())
          .isNotEqualTo(ids);
    }
  }

  @Test
  void documentsInSeenOrderPagesThroughManyArticles() {
    List<Document> given =
        IntStream.range(0, 600).map(i -> 600 - i).mapToObj(TestArticles::numbered).toList();
    try (Workspace workspace = Workspace.open(dir)) {
      given.forEach(workspace::put);
      assertThat(workspace.documentsInSeenOrder().map(Document::id).toList())
          .containsExactlyElementsOf(given.stream().map(Document::id).toList());
    }
  }

  @Test
  void containsSeesUncommittedAndCommittedArticles() {
    try (Workspace workspace = Workspace.open(dir, 1000)) {
      Document first = TestArticles.numbered(1);
      Document second = TestArticles.numbered(2);
      assertThat(workspace.contains(first.id())).isFalse();
      workspace.put(first);
      assertThat(workspace.contains(first.id())).isTrue();
      workspace.commit();
      assertThat(workspace.contains(first.id())).isTrue();
      workspace.put(second);
      assertThat(workspace.contains(second.id())).isTrue();
      assertThat(workspace.contains("no-such-id")).isFalse();
    }
    try (Workspace workspace = Workspace.open(dir)) {
      assertThat(workspace.contains(TestArticles.numbered(2).id())).isTrue();
    }
  }

  /**
   * Simulates a killed run with a real kill: a child JVM stores 105 articles with a commit every 10
   * and is killed before it closes the workspace. The 100 committed articles must survive, and
   * re-running must store each of the 105 exactly once.
   */
  @Test
  void killedRunKeepsCommittedWorkAndResumesWithoutDuplicates() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KilledWriter.class.getName(),
                dir.toString(),
                "10",
                "105")
            .redirectErrorStream(true)
            .start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && !line.equals("ready")) {
        output.append(line).append('\n');
      }
      assertThat(line).as("child output:\n%s", output).isEqualTo("ready");
      child.destroyForcibly();
      child.waitFor();
    }

    try (Workspace workspace = Workspace.open(dir, 10)) {
      assertThat(workspace.size()).isEqualTo(100);
      for (int i = 0; i < 105; i++) {
        Document article = TestArticles.numbered(i);
        if (!workspace.contains(article.id())) {
          workspace.put(article);
        }
      }
      for (int i = 0; i < 105; i++) {
        workspace.put(TestArticles.numbered(i));
      }
      List<String> ids = workspace.documents().map(Document::id).toList();
      List<String> expected =
          IntStream.range(0, 105).mapToObj(i -> TestArticles.numbered(i).id()).sorted().toList();
      assertThat(ids).isEqualTo(expected);
      assertThat(workspace.size()).isEqualTo(105);
    }
  }

  @Test
  void secondWriterIsToldTheWorkspaceIsInUse() {
    try (Workspace workspace = Workspace.open(dir)) {
      assertThatThrownBy(() -> Workspace.open(dir))
          .isInstanceOf(WorkspaceException.class)
          .hasMessage(
              "workspace "
                  + dir
                  + " is in use by another Parallax process; wait until it has"
                  + " finished");
      assertThat(workspace.size()).isZero();
    }
    // Released on close: the next run can open it.
    try (Workspace again = Workspace.open(dir)) {
      assertThat(again.size()).isZero();
    }
  }

  @Test
  void failuresAreRecordedReplacedOnRetryAndClearedOnSuccess() {
    Document article = TestArticles.numbered(7);
    try (Workspace workspace = Workspace.open(dir)) {
      workspace.recordFailure(
          new Outcome.Failed("input-7", "batch.jsonl#7", "ingest", "empty page"));
      workspace.recordFailure(new Outcome.Failed("input-8", "batch.jsonl#8", "quotes", "boom"));
      workspace.recordFailure(
          new Outcome.Failed("input-7", "batch.jsonl#7", "entities", "model missing"));
      assertThat(workspace.failures())
          .containsExactly(
              new Outcome.Failed("input-7", "batch.jsonl#7", "entities", "model missing"),
              new Outcome.Failed("input-8", "batch.jsonl#8", "quotes", "boom"));
      workspace.put(article);
      assertThat(workspace.failures())
          .containsExactly(new Outcome.Failed("input-8", "batch.jsonl#8", "quotes", "boom"));
      assertThat(workspace.size()).isEqualTo(1);
    }
    try (Workspace workspace = Workspace.open(dir)) {
      assertThat(workspace.failures())
          .extracting(Outcome.Failed::inputId)
          .containsExactly("input-8");
      assertThat(workspace.get(article.id())).isPresent();
    }
  }

  @Test
  void facetsCountOutletsLanguagesEntitiesAndMonths() {
    try (Workspace workspace = Workspace.open(dir)) {
      assertThat(workspace.facets(5))
          .containsOnlyKeys(Workspace.FACET_DIMENSIONS)
          .allSatisfy((dimension, counts) -> assertThat(counts).isEmpty());
      for (int i = 0; i < 7; i++) {
        workspace.put(TestArticles.numbered(i));
      }
      workspace.put(TestArticles.annotated());
      Map<String, List<Count>> facets = workspace.facets(10);
      assertThat(facets.get("outlet"))
          .containsExactly(
              new Count("The Ledger", 4),
              new Count("Harbour Post", 2),
              new Count("Valley Courier", 2));
      assertThat(facets.get("language"))
          .containsExactly(new Count("en", 4), new Count("de", 2), new Count("fr", 2));
      // The entity without a canonical name counts under its text in the article.
      assertThat(facets.get("entity"))
          .containsExactlyInAnyOrder(new Count("Ada Brant", 1), new Count("Rat", 1));
      assertThat(facets.get("published"))
          .containsExactlyInAnyOrder(
              new Count("2024-01", 3), new Count("2024-02", 2), new Count("2024-03", 3));
      assertThat(workspace.facets(1).get("outlet")).containsExactly(new Count("The Ledger", 4));
    }
  }

  @Test
  void searchFoldsAccentsAndIndexesAgainAWorkspaceWrittenWithoutFolding() throws Exception {
    String text = "La présidente est arrivée à Taïwan ; Pékin a répondu. Erdoğan s'est tu.";
    Document article =
        Document.of(
            Source.of("fr-1", "fr.jsonl#1", null, "jsonl"),
            new Metadata("Visite à Taïwan", List.of(), "2024-03-04", "Le Veilleur", null),
            text);
    // an index as an older version wrote it: the standard analysis, no record of it
    try (Directory directory = FSDirectory.open(dir.resolve("index"));
        org.apache.lucene.index.IndexWriter writer =
            new org.apache.lucene.index.IndexWriter(
                directory,
                new org.apache.lucene.index.IndexWriterConfig(
                    new org.apache.lucene.analysis.standard.StandardAnalyzer()))) {
      org.apache.lucene.facet.FacetsConfig facets = new org.apache.lucene.facet.FacetsConfig();
      for (String dimension : Workspace.FACET_DIMENSIONS) {
        facets.setMultiValued(dimension, true);
      }
      writer.addDocument(facets.build(ArticleFields.of(article)));
      writer.commit();
    }
    try (Workspace workspace = Workspace.open(dir)) {
      assertThat(workspace.size()).isEqualTo(1);
      for (String query :
          List.of("taiwan", "Taïwan", "pekin", "erdogan", "title:taiw*", "\"a taiwan\"")) {
        assertThat(workspace.search(query, 5))
            .as(query)
            .extracting(Hit::id)
            .containsExactly(article.id());
      }
      assertThat(workspace.text(article.id())).hasValue(text);
      assertThat(workspace.text("no-such-id")).isEmpty();
      List<Passage> passages = workspace.passages("taiwan OR pek*", text, 2);
      assertThat(passages).isNotEmpty();
      Passage best = passages.get(0);
      assertThat(best.matches())
          .extracting(m -> best.text().substring(m[0], m[1]))
          .containsExactly("Taïwan", "Pékin");
      assertThat(workspace.passages("\"a répondu\"", text, 1).get(0).matches())
          .extracting(m -> best.text().substring(m[0], m[1]))
          .containsExactly("a", "répondu");
      assertThat(workspace.passages("council", text, 2)).isEmpty();
      workspace.put(TestArticles.numbered(1));
    }
    // opened again: nothing to do, the new article is found too
    try (Workspace workspace = Workspace.open(dir)) {
      assertThat(workspace.search("taiwan OR eastvale", 5)).hasSize(2);
    }
  }

  @Test
  void searchAndFacetsNarrowToExactFacetValues() {
    try (Workspace workspace = Workspace.open(dir)) {
      for (int i = 0; i < 7; i++) {
        workspace.put(TestArticles.numbered(i));
      }
      workspace.put(TestArticles.annotated());
      List<Workspace.Filter> ledger = List.of(new Workspace.Filter("outlet", "The Ledger"));
      // numbered 0, 3, 6 and the bridge article; without a query in id order
      assertThat(workspace.search("", ledger, 10)).hasSize(4);
      assertThat(workspace.count("council", ledger)).isEqualTo(3);
      assertThat(workspace.search("council", ledger, 10))
          .extracting(Hit::title)
          .containsExactlyInAnyOrder("Council meeting 0", "Council meeting 3", "Council meeting 6");
      assertThat(
              workspace.search(
                  null,
                  List.of(
                      new Workspace.Filter("entity", "Ada Brant"),
                      new Workspace.Filter("published", "2024-03")),
                  10))
          .extracting(Hit::title)
          .containsExactly("Bridge opening");
      assertThat(workspace.count(null, List.of(new Workspace.Filter("published", "2024-02"))))
          .isEqualTo(2);
      // facets among the matches only
      assertThat(workspace.facets("council", ledger, 10).get("language"))
          .containsExactly(new Count("en", 3));
      assertThatThrownBy(() -> new Workspace.Filter("author", "Ana Ruiz"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot filter on 'author'");
      assertThatThrownBy(
              () -> workspace.count(null, List.of(new Workspace.Filter("published", "March"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("yyyy-MM");
    }
  }

  @Test
  void searchFindsTitleAndTextWordsAndExplainsBadQueries() {
    try (Workspace workspace = Workspace.open(dir)) {
      for (int i = 0; i < 5; i++) {
        workspace.put(TestArticles.numbered(i));
      }
      Document bridge = TestArticles.annotated();
      workspace.put(bridge);
      assertThat(workspace.search("bridge", 10))
          .singleElement()
          .satisfies(
              hit -> {
                assertThat(hit.id()).isEqualTo(bridge.id());
                assertThat(hit.title()).isEqualTo("Bridge opening");
                assertThat(hit.outlet()).isEqualTo("The Ledger");
                assertThat(hit.score()).isPositive();
              });
      assertThat(workspace.search("widersprach", 10))
          .extracting(Hit::id)
          .containsExactly(bridge.id());
      assertThat(workspace.search("council eastvale", 10)).hasSize(5);
      assertThat(workspace.search("council eastvale", 2)).hasSize(2);
      assertThat(workspace.search("council bridge", 10)).isEmpty();
      assertThat(workspace.search("\"number 3\"", 10))
          .extracting(Hit::title)
          .containsExactly("Council meeting 3");
      assertThatThrownBy(() -> workspace.search("title:(bridge", 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cannot understand the search query 'title:(bridge'")
          .hasMessageContaining("double quotes");
      assertThatThrownBy(() -> workspace.search("  ", 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("empty");
    }
  }

  @Test
  void layersSurviveTheStoreAsStoredJson() {
    Document original = TestArticles.annotated();
    try (Workspace workspace = Workspace.open(dir)) {
      workspace.put(original);
      assertThat(workspace.get(original.id())).map(Json::write).contains(Json.write(original));
    }
    try (Workspace workspace = Workspace.open(dir)) {
      Document back = workspace.get(original.id()).orElseThrow();
      assertThat(Json.write(back)).isEqualTo(Json.write(original));
      assertThat(back.source()).isEqualTo(original.source());
      assertThat(back.metadata()).isEqualTo(original.metadata());
      assertThat(back.get(TestArticles.QUOTES)).isEqualTo(original.get(TestArticles.QUOTES));
      assertThat(back.get(TestArticles.ENTITIES)).isEqualTo(original.get(TestArticles.ENTITIES));
      assertThat(back.get(TestArticles.BOILERPLATE))
          .isEqualTo(original.get(TestArticles.BOILERPLATE));
      assertThat(back.get(TestArticles.EMBEDDINGS))
          .isEqualTo(original.get(TestArticles.EMBEDDINGS));
      assertThat(back.get(Diagnostic.LAYER)).isEqualTo(original.get(Diagnostic.LAYER));
      assertThat(workspace.get("missing")).isEmpty();
    }
  }

  @Test
  void documentsComeInIdOrderAcrossPages() {
    try (Workspace workspace = Workspace.open(dir, 100)) {
      for (int i = 0; i < 600; i++) {
        workspace.put(TestArticles.numbered(i));
      }
      List<String> ids = workspace.documents().map(Document::id).toList();
      assertThat(ids).hasSize(600).isSorted().doesNotHaveDuplicates();
      assertThat(workspace.documents().limit(3).map(d -> d.source().inputId()).toList()).hasSize(3);
    }
  }

  @Test
  void articlesWithoutOptionalMetadataAreStored() {
    Document bare =
        Document.of(Source.of("bare", "stdin", null, "txt"), Metadata.EMPTY, "Only some words.")
            .withMetadata(Metadata.EMPTY.withPublished("sometime in May"));
    try (Workspace workspace = Workspace.open(dir)) {
      workspace.put(bare);
      assertThat(workspace.search("words", 5))
          .extracting(Hit::title)
          .containsExactly((String) null);
      assertThat(workspace.facets(5).values()).allSatisfy(counts -> assertThat(counts).isEmpty());
    }
  }

  @Test
  void corpusResultsAreStoredByNameAndReplaced() throws Exception {
    JsonNode first = Json.MAPPER.readTree("{\"groups\":[[\"a\",\"b\"]]}");
    JsonNode second = Json.MAPPER.readTree("{\"groups\":[]}");
    try (Workspace workspace = Workspace.open(dir)) {
      workspace.putCorpusResult("dedup", first);
      assertThat(workspace.corpusResult("dedup")).contains(first);
      workspace.putCorpusResult("dedup", second);
      assertThat(workspace.corpusResult("dedup")).contains(second);
      assertThat(workspace.corpusResult("stories")).isEmpty();
      assertThat(workspace.size()).isZero();
    }
    try (Workspace workspace = Workspace.open(dir)) {
      assertThat(workspace.corpusResult("dedup")).contains(second);
    }
  }

  @Test
  void readsFromAnotherThreadSeeWrites() throws Exception {
    try (Workspace workspace = Workspace.open(dir, 1000)) {
      workspace.put(TestArticles.numbered(1));
      long[] seen = new long[1];
      Thread reader = new Thread(() -> seen[0] = workspace.size());
      reader.start();
      reader.join();
      assertThat(seen[0]).isEqualTo(1);
    }
  }

  @Test
  void storedJsonIsWrittenWithBestCompression() throws Exception {
    try (Workspace workspace = Workspace.open(dir)) {
      workspace.put(TestArticles.annotated());
    }
    try (Directory directory = FSDirectory.open(dir.resolve("index"))) {
      SegmentInfos segments = SegmentInfos.readLatestCommit(directory);
      assertThat(segments.asList())
          .isNotEmpty()
          .allSatisfy(
              segment ->
                  assertThat(segment.info.getAttribute(Lucene90StoredFieldsFormat.MODE_KEY))
                      .isEqualTo("BEST_COMPRESSION"));
    }
  }

  @Test
  void oversizedValuesAreLeftOutOfTheIndexButKeptInTheDocument() {
    String huge = "x".repeat(40_000);
    Document article =
        Document.of(
                Source.of("big", "big.html", "https://news.example/" + huge, "html"),
                Metadata.EMPTY.withOutlet(huge),
                "A short text about Eastvale.")
            .with(
                TestArticles.ENTITIES,
                List.of(new TestArticles.Entity(new Span(19, 27), "GPE", huge)));
    try (Workspace workspace = Workspace.open(dir)) {
      workspace.put(article);
      assertThat(workspace.search("eastvale", 5)).hasSize(1);
      assertThat(workspace.get(article.id()).orElseThrow().metadata().outlet()).isEqualTo(huge);
      assertThat(workspace.facets(5).get("entity")).isEmpty();
    }
  }
}
