package org.parallax.app.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;

/**
 * Names in scripts no NER model reads are looked up among the names the workspace knows, and looked
 * up again when it learns more: reports in Cyrillic, Greek and Arabic analysed first get their
 * names once the Latin-script reports arrive in a later run.
 */
class NameLookupIT {

  private static final Set<String> OTHER_SCRIPTS = Set.of("ru", "uk", "ar", "el");

  @TempDir Path tmp;

  @Test
  void reportsReadFirstGetTheirNamesWhenTheCorpusLearnsThem() throws Exception {
    Path corpus = Path.of(System.getProperty("parallax.root", ".."), "examples/multilingual");
    assumeTrue(Files.isDirectory(corpus), "skipped: no fixture at " + corpus);
    JsonNode languages = Json.MAPPER.readTree(corpus.resolve("labels.json").toFile());
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (String line : Files.readAllLines(corpus.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
      String id = Json.MAPPER.readTree(line).path("id").asText();
      String language = languages.path("languages").path(id).asText();
      (OTHER_SCRIPTS.contains(language) ? first : second).add(line);
    }
    assertThat(first).hasSize(9);
    Path ws = tmp.resolve("ws");

    Map<String, Set<String>> names = analyse(first, "first", ws);
    assertThat(names.get("dam-ru")).as("nothing known yet").isEmpty();

    names = analyse(second, "second", ws);
    assertThat(names.get("dam-ru")).contains("Samir Nadeem", "Irina Volkova");
    assertThat(names.get("port-el")).contains("Yusuf Karimov", "Tarsk");
    assertThat(names.get("court-uk")).contains("Ilona Varga", "Tomasz Brenner");

    // a run that adds nothing new (every record already analysed) keeps what was found
    Map<String, Set<String>> again = analyse(second, "third", ws);
    assertThat(again).isEqualTo(names);
  }

  @Test
  void aNameChosenInOneRunChangesWhenLaterDocumentsOutweighIt() throws Exception {
    Path ws = tmp.resolve("ws-reiner");
    // run 1: one report writes the name without the accent
    analyse(List.of(report("r1", "Tomas Reiner", 1)), "reiner-1", ws);
    // run 2: two reports write it with the accent, so the corpus name becomes "Tomás Reiner"
    Map<String, Set<String>> names =
        analyse(
            List.of(report("r2", "Tomás Reiner", 2), report("r3", "Tomás Reiner", 2)),
            "reiner-2",
            ws);
    assertThat(names.get("r1")).contains("Tomás Reiner").doesNotContain("Tomas Reiner");
    // run 3: three more without it; four documents now write "Tomas Reiner", two "Tomás"; the
    // first report counts under the name it writes, not the one run 2 stored for it
    names =
        analyse(
            List.of(
                report("r4", "Tomas Reiner", 1),
                report("r5", "Tomas Reiner", 1),
                report("r6", "Tomas Reiner", 1)),
            "reiner-3",
            ws);
    for (String id : List.of("r1", "r2", "r3", "r4", "r5", "r6")) {
      assertThat(names.get(id)).as(id).contains("Tomas Reiner").doesNotContain("Tomás Reiner");
    }
  }

  /** A JSONL record of a short report we wrote naming {@code name} {@code times} times. */
  private static String report(String id, String name, int times) throws Exception {
    // the id makes each text, and so each document id, distinct
    StringBuilder text =
        new StringBuilder("The harbour of Velmora reopened on Monday (report " + id + "). ");
    for (int i = 0; i < times; i++) {
      text.append("Defence minister ")
          .append(name)
          .append(" said the ships would return within ")
          .append(i + 2)
          .append(" days. ");
    }
    return Json.MAPPER.writeValueAsString(
        Json.MAPPER
            .createObjectNode()
            .put("id", id)
            .put("outlet", "Outlet " + id)
            .put("text", text.toString().strip()));
  }

  /** Analyses {@code lines} into {@code ws}; the canonical entity names per record id after it. */
  private Map<String, Set<String>> analyse(List<String> lines, String name, Path ws)
      throws Exception {
    Path input = tmp.resolve(name + ".jsonl");
    Files.write(input, lines, StandardCharsets.UTF_8);
    assertThat(
            Main.run(
                "analyze",
                input.toString(),
                "--workspace",
                ws.toString(),
                "--annotators",
                "segment,language,entities",
                "--no-progress"))
        .isZero();
    Path exported = tmp.resolve(name + "-documents.jsonl");
    assertThat(Main.run("export", "--workspace", ws.toString(), "--out", exported.toString()))
        .isZero();
    Map<String, Set<String>> names = new HashMap<>();
    for (String line : Files.readAllLines(exported, StandardCharsets.UTF_8)) {
      JsonNode record = Json.MAPPER.readTree(line);
      String id = record.path("inputId").asText();
      Set<String> canonical = new TreeSet<>();
      record.path("entities").forEach(e -> canonical.add(e.path("canonical").asText()));
      names.put(id.substring(id.lastIndexOf('#') + 1), canonical);
    }
    return names;
  }
}
