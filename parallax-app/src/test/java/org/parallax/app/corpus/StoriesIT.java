package org.parallax.app.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.analyze.CorpusArticles;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.corpus.stories.Story;
import org.parallax.corpus.stories.StoryClusterer;
import org.parallax.corpus.stories.StoryConfig;
import org.parallax.corpus.stories.StoryState;
import org.parallax.index.workspace.Workspace;

/**
 * Stories on real annotations (MiniLM vectors, CoreNLP entities) through the real {@code analyze}
 * command: the demo corpus (en/de/fr/es on one event plus an unrelated story) and the five seed
 * pages mixed with PTC articles on other events, scored by B-cubed against hand labels.
 */
class StoriesIT {

  /** PTC train articles checked by hand: none is about Soleimani; the Las Vegas ones are one. */
  private static final List<String> PTC =
      List.of(
          "111111111",
          "111111112",
          "111111113",
          "111111114",
          "111111115",
          "111111117",
          "111111121",
          "111111122",
          "111111123",
          "111111124",
          "111111131",
          "111111132",
          "111111133",
          "111111134",
          "111111135",
          "111111136",
          "111111137",
          "694356862",
          "694811415",
          "695108099",
          "695833178",
          "696246189",
          "696264594",
          "696735702",
          "697063039",
          "697444415",
          "697472447");

  private static final Set<String> LAS_VEGAS =
      Set.of(
          "694811415",
          "695108099",
          "695833178",
          "696246189",
          "696735702",
          "697444415",
          "697472447");

  @TempDir Path tmp;

  private final Set<String> seedStories = new HashSet<>();

  /** Analyses {@code input}, clusters it, returns the B-cubed figures against gold labels. */
  private double[] clusterAndScore(Path input, String name, Map<String, String> goldByInput)
      throws Exception {
    Path ws = tmp.resolve("ws-" + name);
    assertThat(Main.run("analyze", input.toString(), "--workspace", ws.toString(), "--no-progress"))
        .isZero();
    try (Workspace workspace = Workspace.open(ws)) {
      Map<String, String> gold = new HashMap<>();
      workspace
          .documents()
          .forEach(
              (Document d) -> {
                String inputId = d.source().inputId();
                goldByInput.forEach(
                    (key, label) -> {
                      // a JSONL record's input id is its own id; a file's ends with its name
                      String id = key.contains("#") ? key.substring(key.indexOf('#') + 1) : key;
                      if (inputId.equals(id) || inputId.endsWith("/" + id)) {
                        gold.put(d.id(), label);
                      }
                    });
              });
      assertThat(gold).hasSize(goldByInput.size());
      long start = System.nanoTime();
      StoryClusterer clusterer = StoryClusterer.create(StoryConfig.DEFAULTS);
      assertThat(clusterer.add(CorpusArticles.of(workspace))).isEmpty();
      List<Story> stories = clusterer.stories();
      long millis = (System.nanoTime() - start) / 1_000_000;
      // what the app stores must come back unchanged
      JsonNode state = Json.MAPPER.valueToTree(clusterer.state());
      JsonNode again = Json.MAPPER.valueToTree(Json.MAPPER.treeToValue(state, StoryState.class));
      assertThat(again).isEqualTo(state);
      for (Story story : stories) {
        assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(story), Story.class))
            .isEqualTo(story);
      }
      Map<String, String> predicted = new HashMap<>();
      System.out.println("Stories, " + name + " (" + millis + " ms):");
      for (Story story : stories) {
        story.members().forEach(m -> predicted.put(m.articleId(), story.id()));
        StringBuilder line = new StringBuilder();
        story
            .members()
            .forEach(
                m ->
                    line.append(' ')
                        .append(gold.get(m.articleId()))
                        .append(String.format("(%.2f)", m.score())));
        System.out.println(
            "  "
                + story.label()
                + " | "
                + story.firstPublished()
                + ".."
                + story.lastPublished()
                + " "
                + story.languages()
                + " |"
                + line);
      }
      seedStories.clear();
      gold.forEach(
          (id, label) -> {
            if (label.equals("soleimani")) {
              seedStories.add(predicted.get(id));
            }
          });
      double[] score = bCubed(predicted, gold);
      System.out.printf(
          "Stories B-cubed, %s: P=%.3f R=%.3f F1=%.3f (%d articles, %d stories)%n",
          name, score[0], score[1], score[2], gold.size(), stories.size());
      return score;
    }
  }

  @Test
  void demoCorpusIsOneEventAcrossFourLanguagesAndOneUnrelatedStory() throws Exception {
    Path corpus = Path.of("..", "examples", "corpus");
    Path expected = Path.of("..", "examples", "expected.json");
    assumeTrue(Files.isDirectory(corpus), "skipped: no demo corpus at " + corpus);
    JsonNode files = Json.MAPPER.readTree(expected.toFile()).path("documents");
    Map<String, String> gold = new HashMap<>();
    files.fields().forEachRemaining(e -> gold.put(e.getKey(), e.getValue().path("story").asText()));
    double[] score = clusterAndScore(corpus, "demo corpus", gold);
    assertThat(score[0]).as("precision").isGreaterThanOrEqualTo(0.95);
    assertThat(score[1]).as("recall").isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void seedsAreOneStoryAmongPtcArticlesOnOtherEvents() throws Exception {
    Path shared = Path.of(System.getProperty("parallax.shared", "../shared"));
    Path seeds = shared.resolve("corpora/seeds");
    Path ptc = shared.resolve("data/semeval2020-task11-ptc/train-articles");
    assumeTrue(
        Files.isDirectory(seeds) && Files.isDirectory(ptc),
        "skipped: no seeds or PTC articles under " + shared + " (../shared absent)");
    Path input = tmp.resolve("mixed");
    Files.createDirectories(input);
    Map<String, String> gold = new HashMap<>();
    try (var listing = Files.list(seeds)) {
      for (Path seed : listing.filter(p -> p.toString().endsWith(".txt")).toList()) {
        Files.copy(seed, input.resolve(seed.getFileName()));
        gold.put(seed.getFileName().toString(), "soleimani");
      }
    }
    for (String id : PTC) {
      String file = "article" + id + ".txt";
      Files.copy(ptc.resolve(file), input.resolve(file));
      gold.put(file, LAS_VEGAS.contains(id) ? "las-vegas" : "ptc-" + id);
    }
    double[] score = clusterAndScore(input, "seeds + PTC", gold);
    assertThat(score[0]).as("precision").isGreaterThanOrEqualTo(0.9);
    assertThat(score[1]).as("recall").isGreaterThanOrEqualTo(0.9);
    assertThat(seedStories).as("stories holding the five seeds").hasSize(1);
  }

  /** B-cubed precision, recall and F1 (Bagga & Baldwin 1998). */
  private static double[] bCubed(Map<String, String> predicted, Map<String, String> gold) {
    Map<String, Integer> clusterSize = new HashMap<>();
    Map<String, Integer> labelSize = new HashMap<>();
    Map<String, Integer> both = new HashMap<>();
    for (String item : gold.keySet()) {
      String cluster = predicted.getOrDefault(item, "alone:" + item);
      clusterSize.merge(cluster, 1, Integer::sum);
      labelSize.merge(gold.get(item), 1, Integer::sum);
      both.merge(cluster + "\u0000" + gold.get(item), 1, Integer::sum);
    }
    double precision = 0;
    double recall = 0;
    for (String item : gold.keySet()) {
      String cluster = predicted.getOrDefault(item, "alone:" + item);
      int common = both.get(cluster + "\u0000" + gold.get(item));
      precision += (double) common / clusterSize.get(cluster);
      recall += (double) common / labelSize.get(gold.get(item));
    }
    precision /= gold.size();
    recall /= gold.size();
    return new double[] {precision, recall, 2 * precision * recall / (precision + recall)};
  }
}
