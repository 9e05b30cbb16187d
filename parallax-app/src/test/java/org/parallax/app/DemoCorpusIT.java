package org.parallax.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;

/**
 * The bundled demo corpus (our own fiction) against its hand-written truth in {@code
 * examples/expected.json}, through the real command line.
 */
class DemoCorpusIT {

  @TempDir static Path tmp;
  static JsonNode expected;
  static Map<String, JsonNode> byKey = new HashMap<>();
  static int analyzeExit;

  @BeforeAll
  static void analyseDemo() throws IOException {
    Path corpus = Path.of(System.getProperty("parallax.root", ".."), "examples", "corpus");
    expected = Json.MAPPER.readTree(corpus.resolveSibling("expected.json").toFile());
    Path workspace = tmp.resolve("ws");
    Path out = tmp.resolve("demo.jsonl");
    analyzeExit =
        Main.run(
            "analyze", corpus.toString(), "--workspace", workspace.toString(), "--no-progress");
    assertThat(Main.run("export", "-w", workspace.toString(), "--out", out.toString())).isZero();
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      records.add(Json.MAPPER.readTree(line));
    }
    expected
        .path("documents")
        .fieldNames()
        .forEachRemaining(
            key -> {
              String id = key.contains("#") ? key.substring(key.indexOf('#') + 1) : "/" + key;
              for (JsonNode r : records) {
                String inputId = r.path("inputId").asText();
                if (inputId.equals(id) || inputId.endsWith(id)) {
                  byKey.put(key, r);
                }
              }
            });
  }

  @Test
  void techniquesAreLookedForInEnglishOnlyAndTheOthersSaySo() {
    int english = 0;
    for (JsonNode r : byKey.values()) {
      boolean diagnosed = false;
      for (JsonNode d : r.path("diagnostics")) {
        diagnosed |= d.path("stage").asText().equals("techniques");
      }
      if (r.path("language").asText().equals("en")) {
        english++;
        assertThat(diagnosed).as("diagnostic on English %s", r.path("inputId")).isFalse();
      } else {
        assertThat(r.path("techniques").size()).isZero();
        assertThat(diagnosed).as("diagnostic on %s", r.path("inputId")).isTrue();
      }
    }
    assertThat(english).isPositive();
  }

  @Test
  void everyDocumentComesOutWithItsMetadata() {
    assertThat(analyzeExit).isZero();
    SoftAssertions soft = new SoftAssertions();
    expected
        .path("documents")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode truth = e.getValue();
              JsonNode r = byKey.get(e.getKey());
              soft.assertThat(r).as("record for %s", e.getKey()).isNotNull();
              if (r == null) {
                return;
              }
              soft.assertThat(r.path("title").asText())
                  .as("title of %s", e.getKey())
                  .isEqualTo(truth.path("title").asText());
              soft.assertThat(r.path("language").asText())
                  .as("language of %s", e.getKey())
                  .isEqualTo(truth.path("language").asText());
              if (!truth.path("published").isNull()) {
                soft.assertThat(r.path("published").asText())
                    .as("published of %s", e.getKey())
                    .startsWith(truth.path("published").asText());
              }
              if (!truth.path("outlet").isNull()) {
                soft.assertThat(r.path("outlet").asText())
                    .as("outlet of %s", e.getKey())
                    .isEqualTo(truth.path("outlet").asText());
              }
              List<String> authors = new ArrayList<>();
              r.path("authors").forEach(a -> authors.add(a.asText()));
              List<String> trueAuthors = new ArrayList<>();
              truth.path("authors").forEach(a -> trueAuthors.add(a.asText()));
              soft.assertThat(authors).as("authors of %s", e.getKey()).isEqualTo(trueAuthors);
              Set<String> lines = new HashSet<>();
              for (String line : r.path("text").asText().split("\n")) {
                lines.add(line.strip());
              }
              for (JsonNode b : truth.path("boilerplate")) {
                soft.assertThat(lines)
                    .as("boilerplate left in %s", e.getKey())
                    .doesNotContain(b.asText().strip());
              }
            });
    soft.assertAll();
  }

  @Test
  void mostQuotesAreFoundWithTheirSpeaker() {
    int total = 0;
    int found = 0;
    List<String> missed = new ArrayList<>();
    var docs = expected.path("documents").fields();
    while (docs.hasNext()) {
      var e = docs.next();
      JsonNode r = byKey.get(e.getKey());
      for (JsonNode q : e.getValue().path("quotes")) {
        total++;
        String[] words = q.path("speaker").asText().toLowerCase(Locale.ROOT).split(" ");
        String key = words[words.length - 1];
        boolean hit = false;
        for (JsonNode p : r == null ? List.<JsonNode>of() : toList(r.path("quotes"))) {
          if (p.path("speaker").asText().toLowerCase(Locale.ROOT).contains(key)) {
            hit = true;
          }
        }
        if (hit) {
          found++;
        } else {
          missed.add(e.getKey() + ": " + q.path("speaker").asText());
        }
      }
    }
    double recall = found / (double) total;
    System.out.printf(
        Locale.ROOT,
        "demo corpus speaker recall %.2f (%d/%d); missed %s%n",
        recall,
        found,
        total,
        missed);
    assertThat(recall).as("speakers found; missed: %s", missed).isGreaterThanOrEqualTo(0.8);
  }

  /**
   * Strict attribution: a labelled quote counts only when a found quote of its document has the
   * same speaker — its canonical name or the name as the article writes it, case, accents, a
   * leading article and possessive marks aside — and the same cue word; and a found speaker counts
   * only when it is one of its document's labelled speakers in either form. The lenient test above
   * asks only for the speaker's last word somewhere among the document's speakers.
   */
  @Test
  void quotesAreAttributedToTheirExactSpeakerWithTheirCue() {
    int labelled = 0;
    int attributed = 0;
    int found = 0;
    int foundRight = 0;
    List<String> missed = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    var docs = expected.path("documents").fields();
    while (docs.hasNext()) {
      var e = docs.next();
      JsonNode r = byKey.get(e.getKey());
      List<JsonNode> predicted = r == null ? List.of() : toList(r.path("quotes"));
      Set<String> speakers = new HashSet<>();
      for (JsonNode q : e.getValue().path("quotes")) {
        labelled++;
        // the canonical name, or the name as the article writes it ("the finance ministry" for
        // "Kestrany finance ministry"); a pronoun as written must be resolved to count
        Set<String> names = new HashSet<>();
        names.add(speakerKey(q.path("speaker").asText()));
        String asWritten = speakerKey(q.path("asWritten").asText(""));
        if (!asWritten.isEmpty() && !PRONOUNS.contains(asWritten)) {
          names.add(asWritten);
        }
        speakers.addAll(names);
        String cue = firstWord(q.path("cue").asText());
        boolean hit =
            predicted.stream()
                .anyMatch(
                    p ->
                        names.contains(speakerKey(p.path("speaker").asText()))
                            && firstWord(p.path("cue").asText()).equals(cue));
        if (hit) {
          attributed++;
        } else {
          missed.add(e.getKey() + ": " + q.path("speaker").asText() + " / " + cue);
        }
      }
      for (JsonNode p : predicted) {
        if (!p.path("speaker").isNull() && !p.path("speaker").asText().isEmpty()) {
          found++;
          if (speakers.contains(speakerKey(p.path("speaker").asText()))) {
            foundRight++;
          } else {
            wrong.add(e.getKey() + ": " + p.path("speaker").asText());
          }
        }
      }
    }
    double recall = attributed / (double) labelled;
    double precision = foundRight / (double) found;
    System.out.printf(
        Locale.ROOT,
        "demo corpus strict attribution: recall %.3f (%d/%d), speakers right %.3f (%d/%d);"
            + " missed %s; not labelled %s%n",
        recall,
        attributed,
        labelled,
        precision,
        foundRight,
        found,
        missed,
        wrong);
    // measured 2026-12-07 (canonical or as-written names): 0.750 (45/60) and 0.848 (56/66) at the
    // start of the day; 0.817 (49/60) and 0.908 (59/65) with the affiliation and apposition rules;
    // 0.933 (56/60) and 0.933 (70/75) with the rest of that day's rules (docs/EVALUATION.md)
    assertThat(recall)
        .as("strict attribution recall; missed: %s", missed)
        .isGreaterThanOrEqualTo(0.9);
    assertThat(precision).as("found speakers that are labelled ones").isGreaterThanOrEqualTo(0.9);
  }

  private static final Set<String> PRONOUNS =
      Set.of("he", "she", "they", "it", "il", "elle", "ils", "er", "sie", "él", "ella");

  private static String speakerKey(String speaker) {
    String key =
        java.text.Normalizer.normalize(
                speaker.strip().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceAll("['\u2019]s\\b", "");
    return key.replaceFirst("^(the|a|an|le|la|les|el|los|die|der|das)\\s+", "")
        .replaceAll("\\s+", " ");
  }

  private static String firstWord(String cue) {
    String[] words = cue.strip().toLowerCase(Locale.ROOT).split("\\s+");
    return words.length == 0 ? "" : words[0];
  }

  @Test
  void nameVariantsShareOneCanonicalNameAcrossTheCorpus() {
    var groups = expected.path("canonical").fields();
    while (groups.hasNext()) {
      var group = groups.next();
      String[] parts = group.getKey().split(" ");
      String surname = parts[parts.length - 1];
      Set<String> canonicals = new HashSet<>();
      for (JsonNode r : byKey.values()) {
        for (JsonNode entity : r.path("entities")) {
          if (entity.path("type").asText().equals("PERSON")
              && entity.path("text").asText().contains(surname)) {
            canonicals.add(entity.path("canonical").asText());
          }
        }
      }
      assertThat(canonicals).as("canonical names of %s", group.getKey()).hasSize(1);
    }
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }
}
