package org.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;

/**
 * What an analyst checks by hand on the five seed pages, through the real command line: analyze
 * into a workspace, export as JSONL, read the records.
 */
class SeedsEndToEndIT {

  @TempDir static Path tmp;
  static Map<String, JsonNode> byFile = new HashMap<>();
  static List<JsonNode> records = new ArrayList<>();
  static int analyzeExit;
  static Path workspace;
  static Path seeds;

  @BeforeAll
  static void analyseSeeds() throws IOException {
    seeds = Path.of(System.getProperty("parallax.shared", "../shared"), "corpora", "seeds");
    assumeTrue(
        Files.isDirectory(seeds), "skipped: no seed corpus at " + seeds + " (../shared absent)");
    workspace = tmp.resolve("ws");
    Path out = tmp.resolve("seeds.jsonl");
    analyzeExit =
        Main.run("analyze", seeds.toString(), "--workspace", workspace.toString(), "--no-progress");
    assertThat(
            Main.run(
                "export",
                "--workspace",
                workspace.toString(),
                "--format",
                "jsonl",
                "--out",
                out.toString()))
        .isZero();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      JsonNode record = Json.MAPPER.readTree(line);
      records.add(record);
      String inputId = record.path("inputId").asText();
      byFile.put(inputId.substring(inputId.lastIndexOf('/') + 1, inputId.indexOf('_')), record);
    }
  }

  @Test
  void everySeedIsAnalysedOnceInEnglish() {
    assertThat(analyzeExit).isZero();
    assertThat(records).hasSize(5);
    assertThat(byFile).containsOnlyKeys("000", "001", "002", "003", "004");
    records.forEach(r -> assertThat(r.path("language").asText()).isEqualTo("en"));
  }

  @Test
  void runningAgainOnTheSameInputChangesNothing() throws IOException {
    Path again = tmp.resolve("again.jsonl");
    assertThat(
            Main.run(
                "analyze", seeds.toString(), "--workspace", workspace.toString(), "--no-progress"))
        .isZero();
    assertThat(Main.run("export", "--workspace", workspace.toString(), "--out", again.toString()))
        .isZero();
    List<String> lines = Files.readAllLines(again, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(5);
    Set<String> ids = new HashSet<>();
    for (String line : lines) {
      ids.add(Json.MAPPER.readTree(line).path("id").asText());
    }
    Set<String> before = new HashSet<>();
    records.forEach(r -> before.add(r.path("id").asText()));
    assertThat(ids).isEqualTo(before);
  }

  @Test
  void titlesAreRight() {
    assertThat(title("000")).isEqualTo("Higher Escalation for Faster Withdrawal!");
    assertThat(title("001"))
        .isEqualTo("Assassination Of Qassem Soleimani. What Is Behind The Scenes?");
    assertThat(title("002"))
        .isEqualTo("Why Escalation in the Region after the Assassination of Soleimani is Unlikely");
    assertThat(title("003"))
        .isEqualTo("US War of Terror Continues: Assassinating Iran's Top Anti-ISIS General");
    assertThat(title("004")).isEqualTo("Targeted Killing of Qasem Soleimani: A Step into War");
  }

  @Test
  void noBoilerplateIsLeftInAnyText() {
    for (JsonNode r : records) {
      String text = r.path("text").asText();
      assertThat(text)
          .doesNotContain("Do you like this content")
          .doesNotContain("Note to readers")
          .doesNotContain("Disclaimer")
          .doesNotContain("fair use")
          .doesNotContain("<u>")
          .doesNotContain("</u>")
          .doesNotContain("Read more:")
          .doesNotContain("Photos (M)")
          .doesNotContainPattern("(?m)^[0-9,]+ \\$$")
          .doesNotContainPattern("\\p{IsArabic}");
      assertThat(text).doesNotStartWith(r.path("title").asText());
      assertThat(r.path("boilerplate").size()).isPositive();
    }
    assertThat(kinds("001")).contains("donation_appeal");
    assertThat(kinds("003")).contains("disclaimer", "markup");
  }

  @Test
  void authorsAndDatesWhereThePageStatesThem() {
    assertThat(byFile.get("003").path("authors").get(0).asText()).isEqualTo("Tony Cartalucci");
    assertThat(byFile.get("000").path("published").asText()).isEqualTo("2020-01-06");
    assertThat(byFile.get("003").path("published").asText()).startsWith("2020-01-16");
    assertThat(byFile.get("004").path("published").asText()).startsWith("2020-01-03T20:32:10");
    assertThat(
            byFile.get("002").path("published").isNull()
                || byFile.get("002").path("published").isMissingNode())
        .as("002 states no publication date; Jan. 2 in the body is not one")
        .isTrue();
  }

  @Test
  void soleimaniHasOneCanonicalNameInAllFive() {
    Set<String> canonicals = new HashSet<>();
    for (JsonNode r : records) {
      Set<String> here = new HashSet<>();
      for (JsonNode e : r.path("entities")) {
        if (e.path("text").asText().matches("(?i).*(soleimani|suleimani).*")) {
          here.add(e.path("canonical").asText());
        }
      }
      assertThat(here).as("Soleimani in %s", r.path("inputId").asText()).hasSize(1);
      canonicals.addAll(here);
    }
    assertThat(canonicals).containsExactly("Qasem Soleimani");
  }

  @Test
  void zakharovaAndTrumpAreQuoted() {
    JsonNode quotes = byFile.get("002").path("quotes");
    assertThat(speakerQuote(quotes, "Maria Zakharova"))
        .contains("escalating tensions in the region");
    assertThat(speakerQuote(quotes, "Trump")).contains("We took action last night to stop a war");
    assertThat(speakerQuote(byFile.get("003").path("quotes"), "Trump")).contains("to stop a war");
  }

  @Test
  void everySeedHasTechniquesWithEvidenceAndVoice() {
    Set<String> known = new HashSet<>();
    org.parallax.persuasion.Techniques.ptc2020().forEach(t -> known.add(t.id()));
    int quoted = 0;
    for (JsonNode r : records) {
      JsonNode techniques = r.path("techniques");
      // every seed is an opinionated English piece: the model finds something in each
      assertThat(techniques.size()).as("techniques in %s", r.path("inputId")).isPositive();
      for (JsonNode t : techniques) {
        assertThat(known).contains(t.path("technique").asText());
        assertThat(t.path("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(t.path("text").asText()).isNotBlank();
        assertThat(t.path("voice").asText()).isIn("author", "quoted");
        assertThat(t.path("evidence").path("definition").asText()).isNotBlank();
        assertThat(t.path("evidence").path("neighbours").size()).isPositive();
        if (t.path("voice").asText().equals("quoted")) {
          quoted++;
          assertThat(insideSomeQuote(r, t)).as("quoted span %s", t.path("text")).isTrue();
        } else {
          assertThat(insideSomeQuote(r, t)).as("author span %s", t.path("text")).isFalse();
        }
      }
      assertThat(r.path("paragraphTechniques").size()).isPositive();
    }
    assertThat(quoted).as("technique spans inside quotes across the seeds").isPositive();
  }

  @Test
  void outletProfilesCountTechniquesPerThousandWordsByVoice() throws IOException {
    Path out = tmp.resolve("outlets.jsonl");
    assertThat(
            Main.run(
                "export",
                "--workspace",
                workspace.toString(),
                "--what",
                "outlets",
                "--out",
                out.toString()))
        .isZero();
    int withTechniques = 0;
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      JsonNode layers = Json.MAPPER.readTree(line).path("layers");
      JsonNode own = layers.path("techniques");
      if (own.isMissingNode()) {
        continue;
      }
      assertThat(layers.has("techniquesInQuotes")).isTrue();
      for (JsonNode density : own) {
        // a seed has a few hundred to a few thousand words and a few dozen spans at most
        assertThat(density.asDouble()).isGreaterThan(0).isLessThan(200);
      }
      withTechniques += own.isEmpty() ? 0 : 1;
    }
    assertThat(withTechniques).isPositive();
  }

  /** Whether at least half of a technique span lies in one quote (the annotator's rule). */
  private static boolean insideSomeQuote(JsonNode record, JsonNode technique) {
    int begin = technique.path("begin").asInt();
    int end = technique.path("end").asInt();
    for (JsonNode q : record.path("quotes")) {
      int overlap = Math.min(end, q.path("end").asInt()) - Math.max(begin, q.path("begin").asInt());
      if (overlap > 0 && overlap * 2 >= end - begin) {
        return true;
      }
    }
    return false;
  }

  @Test
  void offsetsAreCodePointsInsideTheText() {
    for (JsonNode r : records) {
      String text = r.path("text").asText();
      int length = text.codePointCount(0, text.length());
      for (String layer : List.of("sentences", "entities", "quotes", "techniques")) {
        for (JsonNode span : r.path(layer)) {
          assertThat(span.path("begin").asInt()).isBetween(0, span.path("end").asInt());
          assertThat(span.path("end").asInt()).isLessThanOrEqualTo(length);
        }
      }
      for (JsonNode e : r.path("entities")) {
        int b = text.offsetByCodePoints(0, e.path("begin").asInt());
        int en = text.offsetByCodePoints(0, e.path("end").asInt());
        assertThat(text.substring(b, en)).isEqualTo(e.path("text").asText());
      }
    }
  }

  private static String title(String file) {
    return byFile.get(file).path("title").asText();
  }

  private static Set<String> kinds(String file) {
    Set<String> kinds = new HashSet<>();
    byFile.get(file).path("boilerplate").forEach(b -> kinds.add(b.path("kind").asText()));
    return kinds;
  }

  /** All quoted text attributed to a speaker whose name contains {@code speaker}. */
  private static String speakerQuote(JsonNode quotes, String speaker) {
    StringBuilder all = new StringBuilder();
    for (JsonNode q : quotes) {
      if (q.path("speaker").asText().contains(speaker)) {
        all.append(q.path("text").asText()).append(" | ");
      }
    }
    return all.toString();
  }
}
