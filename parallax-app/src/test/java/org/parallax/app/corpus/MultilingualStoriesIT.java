package org.parallax.app.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;

/**
 * The issue's "done when" on real news in 13 languages: articles of the hand-labelled events in
 * {@code eval/stories-multilingual.tsv} (French, Italian, Polish, English, German, Russian, Greek;
 * Pelosi's Taiwan visit, a French LGBT+ ambassador, one essay and its translation, the five seeds,
 * two Kaliningrad events, Nord Stream's maintenance stop) among unrelated articles in those
 * languages and in Spanish, Georgian, Japanese, Korean, Indonesian and Portuguese, plus five copies
 * made here. Runs the real {@code analyze} and {@code export} commands and checks the exported
 * {@code story} and {@code duplicateGroup} fields.
 */
class MultilingualStoriesIT {

  /** Events that have nothing to do with each other: no story may hold two of them. */
  private static final Set<String> UNRELATED =
      Set.of(
          "pelosi-taiwan",
          "lgbt-ambassador",
          "ukraine-germany-essay",
          "soleimani",
          "nm-compound",
          "acosta-press-pass",
          "kaliningrad-transit",
          "nord-stream-maintenance");

  private static final String INSERTED_LINE = "Republished with permission from a partner site.";

  @TempDir Path tmp;

  @Test
  void eventsStayTogetherAcrossLanguagesCopiesGroupAndUnrelatedEventsNeverMix() throws Exception {
    Path shared = Path.of(System.getProperty("parallax.shared", "../shared"));
    Path labels =
        Path.of(System.getProperty("parallax.root", ".."), "eval/stories-multilingual.tsv");
    assumeTrue(
        Files.isDirectory(shared.resolve("data/semeval2023-task3")),
        "skipped: no SemEval-2023 articles under " + shared + " (../shared absent)");
    Map<String, String> gold = new LinkedHashMap<>();
    Map<String, String> copyOf = new HashMap<>();
    Path input = tmp.resolve("multilingual.jsonl");
    Map<String, String> texts = new HashMap<>();
    int outlet = 0;
    int copier = 0;
    try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      for (String line : Files.readAllLines(labels, StandardCharsets.UTF_8)) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] cols = line.split("\t");
        String id = cols[0];
        gold.put(id, cols[2]);
        ObjectNode record = Json.MAPPER.createObjectNode().put("id", id);
        if (cols[1].startsWith("copy:")) {
          String original = cols[1].substring("copy:".length());
          copyOf.put(id, original);
          List<String> lines = new ArrayList<>(List.of(texts.get(original).split("\n", -1)));
          lines.add(1, INSERTED_LINE);
          record.put("outlet", "copier" + copier++).put("text", String.join("\n", lines));
        } else {
          String text = sourceText(shared, cols[1]);
          texts.put(id, text);
          record.put("outlet", "outlet" + (outlet++ % 23)).put("text", text);
        }
        out.write(Json.MAPPER.writeValueAsString(record));
        out.write('\n');
      }
    }
    Map<String, String> story = new HashMap<>();
    Map<String, String> duplicateGroup = new HashMap<>();
    Map<String, String> language = new HashMap<>();
    analyseAndExport(input, "real", story, duplicateGroup, language, new HashMap<>());
    assertThat(story.keySet()).containsExactlyInAnyOrderElementsOf(gold.keySet());
    // the pile is in 13 languages (Lingua may take the short Indonesian page for Malay)
    Set<String> languages = new TreeSet<>(language.values());
    System.out.println("Languages detected in the real set: " + languages);
    assertThat(languages)
        .contains("en", "fr", "de", "it", "pl", "ru", "es", "el", "ka", "ja", "ko", "pt")
        .hasSizeGreaterThanOrEqualTo(13);

    Map<String, Set<String>> labelsByStory = new TreeMap<>();
    gold.forEach(
        (id, label) ->
            labelsByStory.computeIfAbsent(story.get(id), k -> new TreeSet<>()).add(label));
    System.out.println("Multilingual stories (labels per story with more than one article):");
    labelsByStory.forEach(
        (id, labelsOfStory) -> {
          long members = story.values().stream().filter(id::equals).count();
          if (members > 1) {
            System.out.println("  " + members + " " + labelsOfStory);
          }
        });
    double[] score = bCubed(story, gold);
    System.out.printf(
        "Multilingual stories B-cubed: P=%.3f R=%.3f F1=%.3f (%d articles)%n",
        score[0], score[1], score[2], gold.size());

    assertCopiesAndNothingElseGrouped(copyOf, duplicateGroup);
    // a copy tells its original's story, in any script (the Georgian copy had no names to go by
    // until Georgian words were looked up)
    copyOf.forEach(
        (copy, original) -> assertThat(story.get(copy)).as(copy).isEqualTo(story.get(original)));

    // no story holds two unrelated events
    labelsByStory.forEach(
        (id, labelsOfStory) ->
            assertThat(labelsOfStory.stream().filter(UNRELATED::contains).count())
                .as("unrelated events in %s: %s", id, labelsOfStory)
                .isLessThanOrEqualTo(1));
    // nothing else is mixed either: the one known error is the Biden-Xi call joining the Pelosi
    // story (a neighbouring event of the same week, sharing its names)
    labelsByStory.forEach(
        (id, labelsOfStory) ->
            assertThat(
                    labelsOfStory.size() == 1
                        || labelsOfStory.equals(Set.of("pelosi-taiwan", "biden-xi-call")))
                .as("labels mixed in %s: %s", id, labelsOfStory)
                .isTrue());
    // the essay and its translation, the two Greek Nord Stream reports and the two Russian
    // write-ups of one interview, and the seeds, are one story each; the Spanish report on Poland
    // fencing its Kaliningrad border is not the story of either Kaliningrad event
    assertThat(story.get("fr-train-2342")).isEqualTo(story.get("it-dev-2641"));
    assertThat(story.get("gr-test-3822")).isEqualTo(story.get("gr-test-3824"));
    assertThat(story.get("ru-train-2462")).isEqualTo(story.get("ru-dev-2464"));
    assertThat(story.get("es-test-3710"))
        .isNotIn(
            story.get("ru-train-2462"), story.get("ge-train-22183"), story.get("po-train-2562"));
    Set<String> seedStories = new TreeSet<>();
    gold.forEach(
        (id, label) -> {
          if (label.equals("soleimani")) {
            seedStories.add(story.get(id));
          }
        });
    assertThat(seedStories).hasSize(1);
    assertTalkingPointsStayWithinEvents(gold);
    // floors just under the figures measured (P 0.973, R 0.954 on the 13-language set; the
    // six-language set it grew from gave P 0.954, R 0.953)
    assertThat(score[0]).as("B-cubed precision").isGreaterThanOrEqualTo(0.97);
    assertThat(score[1]).as("B-cubed recall").isGreaterThanOrEqualTo(0.95);
  }

  /**
   * Talking points of the real set, against its events: a point whose carriers are articles of
   * different labelled events (every unlabelled article is an event of its own) is, in a pile of
   * unrelated news, a topic shared and no claim. Until sentence embeddings counted only in the
   * encoder's language, 279 points were found here and 44 (0.158) kept to one event; Greek,
   * Italian, Polish and Georgian sentences that had nothing in common but their language made most
   * of the rest. Now 42, 35 of them (0.833) within one event; the seven across events are English
   * (shared site furniture and two near topics) and none has a carrier in another language.
   */
  private void assertTalkingPointsStayWithinEvents(Map<String, String> gold) throws Exception {
    Map<String, JsonNode> documents = documentRecords("real");
    int total = 0;
    int withinOneEvent = 0;
    for (String line : talkingPoints("real")) {
      Set<String> events = new TreeSet<>();
      Set<String> languages = new TreeSet<>();
      Json.MAPPER
          .readTree(line)
          .path("documents")
          .forEach(
              d -> {
                JsonNode record = documents.get(d.asText());
                events.add(gold.get(inputId(record)));
                languages.add(record.path("language").asText());
              });
      total++;
      if (events.size() == 1) {
        withinOneEvent++;
      } else {
        assertThat(languages).as("a talking point across events: %s", line).containsOnly("en");
      }
    }
    double share = total == 0 ? 0 : (double) withinOneEvent / total;
    System.out.printf(
        "Multilingual talking points: %d, %d within one event (%.3f)%n",
        total, withinOneEvent, share);
    assertThat(total).isGreaterThan(0);
    assertThat(share).as("talking points within one event").isGreaterThanOrEqualTo(0.8);
  }

  /** The talking points of workspace {@code name}, exported as JSONL lines. */
  private List<String> talkingPoints(String name) throws Exception {
    Path points = tmp.resolve(name + "-talking-points.jsonl");
    assertThat(
            Main.run(
                "export",
                "--workspace",
                tmp.resolve("ws-" + name).toString(),
                "--what",
                "talking-points",
                "--out",
                points.toString()))
        .isZero();
    return Files.readAllLines(points);
  }

  /** The exported document records of workspace {@code name}, by document id. */
  private Map<String, JsonNode> documentRecords(String name) throws Exception {
    Map<String, JsonNode> records = new HashMap<>();
    for (String line : Files.readAllLines(tmp.resolve(name + "-documents.jsonl"))) {
      JsonNode record = Json.MAPPER.readTree(line);
      records.put(record.path("id").asText(), record);
    }
    return records;
  }

  /** The id of a record's input line: its input id after the last '#'. */
  private static String inputId(JsonNode record) {
    String input = record.path("inputId").asText();
    return input.substring(input.lastIndexOf('#') + 1);
  }

  /**
   * The text of a source column: a file under ../shared (SemEval files with CRLF line ends made
   * LF); {@code template:FILE#ID}, the paragraph lines of article ID in a SemEval-2023 labels
   * template put back at their line numbers; {@code truth:FILE#ID}, the article body of page ID in
   * the extraction benchmark's ground truth.
   */
  private static String sourceText(Path shared, String source) throws Exception {
    if (source.startsWith("template:") || source.startsWith("truth:")) {
      String spec = source.substring(source.indexOf(':') + 1);
      Path file = shared.resolve(spec.substring(0, spec.indexOf('#')));
      String id = spec.substring(spec.indexOf('#') + 1);
      if (source.startsWith("truth:")) {
        String body = Json.MAPPER.readTree(file.toFile()).path(id).path("articleBody").asText();
        assertThat(body).as(source).isNotBlank();
        return body.strip();
      }
      TreeMap<Integer, String> lines = new TreeMap<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] cols = line.split("\t", 3);
        if (cols.length == 3 && cols[0].equals(id)) {
          lines.put(Integer.parseInt(cols[1].strip()), cols[2].strip());
        }
      }
      assertThat(lines).as(source).isNotEmpty();
      StringBuilder text = new StringBuilder();
      for (int n = 1; n <= lines.lastKey(); n++) {
        text.append(lines.getOrDefault(n, "")).append('\n');
      }
      return text.toString().strip();
    }
    String text = Files.readString(shared.resolve(source), StandardCharsets.UTF_8);
    return source.startsWith("corpora/") ? text : text.replace("\r\n", "\n").strip();
  }

  /**
   * Runs {@code analyze} and {@code export} on {@code input}; fills, per input record id, the
   * exported story ("alone:ID" when null), duplicate group (when not null), language and the
   * canonical names of its entities.
   */
  private void analyseAndExport(
      Path input,
      String name,
      Map<String, String> story,
      Map<String, String> duplicateGroup,
      Map<String, String> language,
      Map<String, Set<String>> names)
      throws Exception {
    Path ws = tmp.resolve("ws-" + name);
    assertThat(Main.run("analyze", input.toString(), "--workspace", ws.toString(), "--no-progress"))
        .isZero();
    Path exported = tmp.resolve(name + "-documents.jsonl");
    assertThat(Main.run("export", "--workspace", ws.toString(), "--out", exported.toString()))
        .isZero();
    for (String line : Files.readAllLines(exported, StandardCharsets.UTF_8)) {
      JsonNode record = Json.MAPPER.readTree(line);
      String id = inputId(record);
      story.put(id, record.path("story").isNull() ? "alone:" + id : record.path("story").asText());
      if (!record.path("duplicateGroup").isNull()) {
        duplicateGroup.put(id, record.path("duplicateGroup").asText());
      }
      language.put(id, record.path("language").asText());
      Set<String> canonical = new TreeSet<>();
      record.path("entities").forEach(e -> canonical.add(e.path("canonical").asText()));
      names.put(id, canonical);
    }
  }

  @Test
  void ourThirteenLanguageFixtureGivesOneStoryPerEventAndOneGroupPerCopy() throws Exception {
    Path dir = Path.of(System.getProperty("parallax.root", ".."), "examples/multilingual");
    assumeTrue(Files.isDirectory(dir), "skipped: no fixture at " + dir);
    JsonNode labels = Json.MAPPER.readTree(dir.resolve("labels.json").toFile());
    Map<String, String> gold = new TreeMap<>();
    labels
        .path("stories")
        .fields()
        .forEachRemaining(e -> gold.put(e.getKey(), e.getValue().asText()));
    Map<String, String> story = new HashMap<>();
    Map<String, String> duplicateGroup = new HashMap<>();
    Map<String, String> language = new HashMap<>();
    Map<String, Set<String>> names = new HashMap<>();
    analyseAndExport(
        dir.resolve("corpus.jsonl"), "fixture", story, duplicateGroup, language, names);
    assertThat(story.keySet()).containsExactlyInAnyOrderElementsOf(gold.keySet());

    double[] score = bCubed(story, gold);
    System.out.printf(
        "Multilingual fixture B-cubed: P=%.3f R=%.3f F1=%.3f (%d articles, %d languages)%n",
        score[0], score[1], score[2], gold.size(), new TreeSet<>(language.values()).size());
    labels
        .path("languages")
        .fields()
        .forEachRemaining(
            e ->
                assertThat(language.get(e.getKey()))
                    .as(e.getKey())
                    .isEqualTo(e.getValue().asText()));
    assertThat(new TreeSet<>(language.values())).hasSizeGreaterThanOrEqualTo(13);
    Map<String, String> copies = new TreeMap<>();
    labels
        .path("copies")
        .fields()
        .forEachRemaining(e -> copies.put(e.getKey(), e.getValue().asText()));
    assertCopiesAndNothingElseGrouped(copies, duplicateGroup);
    // a talking point carried only by an article and its copies is left to the duplicate group
    Map<String, String> groupByDocumentId = new HashMap<>();
    documentRecords("fixture")
        .forEach(
            (id, record) ->
                groupByDocumentId.put(id, duplicateGroup.getOrDefault(inputId(record), id)));
    List<String> pointLines = talkingPoints("fixture");
    assertThat(pointLines).isNotEmpty();
    for (String line : pointLines) {
      Set<String> sources = new TreeSet<>();
      Json.MAPPER
          .readTree(line)
          .path("documents")
          .forEach(d -> sources.add(groupByDocumentId.get(d.asText())));
      assertThat(sources).as(line).hasSizeGreaterThanOrEqualTo(2);
    }
    assertNamesInOtherScripts(labels.path("otherScriptNames"), names);
    // another Karimov, in a football report, is not the harbour master of the port story
    assertThat(story.get("football-en")).isNotEqualTo(story.get("port-en"));
    assertThat(score[0]).as("B-cubed precision").isEqualTo(1.0);
    assertThat(score[1]).as("B-cubed recall").isGreaterThanOrEqualTo(0.95);
  }

  /**
   * The names found in the Cyrillic, Greek and Arabic reports, which no NER model reads, against
   * the names written in them: they are looked up among the names the Latin-script reports gave, so
   * none may be wrong, and most must be found (23 of 33 when written: "Кеш" has too few consonants
   * to stand alone, "أورلان" without vowels is a word like any other, the court and the football
   * clubs are no names the models found twice elsewhere).
   */
  private static void assertNamesInOtherScripts(JsonNode gold, Map<String, Set<String>> names) {
    int found = 0;
    int right = 0;
    int written = 0;
    for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) gold::fields) {
      Set<String> expected = new TreeSet<>();
      entry.getValue().forEach(n -> expected.add(n.asText()));
      Set<String> predicted = names.get(entry.getKey());
      assertThat(predicted).as(entry.getKey()).isNotNull();
      found += predicted.size();
      written += expected.size();
      for (String name : predicted) {
        if (expected.contains(name)) {
          right++;
        }
      }
      assertThat(expected).as("names in " + entry.getKey()).containsAll(predicted);
    }
    System.out.printf(
        "Names in other scripts: %d found, %d right, %d written: P=%.3f R=%.3f%n",
        found, right, written, (double) right / Math.max(1, found), (double) right / written);
    assertThat((double) right / written).as("recall of names in other scripts").isGreaterThan(0.65);
  }

  /** Every copy shares its original's duplicate group, and no other article is in a group. */
  private static void assertCopiesAndNothingElseGrouped(
      Map<String, String> copyOf, Map<String, String> duplicateGroup) {
    copyOf.forEach(
        (copy, original) -> {
          assertThat(duplicateGroup.get(copy)).as(copy).isNotNull();
          assertThat(duplicateGroup.get(copy)).as(copy).isEqualTo(duplicateGroup.get(original));
        });
    Set<String> grouped = new TreeSet<>(copyOf.keySet());
    grouped.addAll(copyOf.values());
    assertThat(duplicateGroup.keySet()).containsExactlyInAnyOrderElementsOf(grouped);
  }

  /** B-cubed precision, recall and F1 (Bagga & Baldwin 1998). */
  private static double[] bCubed(Map<String, String> predicted, Map<String, String> gold) {
    Map<String, Integer> clusterSize = new HashMap<>();
    Map<String, Integer> labelSize = new HashMap<>();
    Map<String, Integer> both = new HashMap<>();
    for (String item : gold.keySet()) {
      clusterSize.merge(predicted.get(item), 1, Integer::sum);
      labelSize.merge(gold.get(item), 1, Integer::sum);
      both.merge(predicted.get(item) + "\u0000" + gold.get(item), 1, Integer::sum);
    }
    double precision = 0;
    double recall = 0;
    for (String item : gold.keySet()) {
      int common = both.get(predicted.get(item) + "\u0000" + gold.get(item));
      precision += (double) common / clusterSize.get(predicted.get(item));
      recall += (double) common / labelSize.get(gold.get(item));
    }
    precision /= gold.size();
    recall /= gold.size();
    return new double[] {precision, recall, 2 * precision * recall / (precision + recall)};
  }
}
