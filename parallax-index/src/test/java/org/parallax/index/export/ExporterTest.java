package org.parallax.index.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;
import org.parallax.index.workspace.TestArticles;
import org.parallax.index.workspace.TestArticles.Entity;
import org.parallax.index.workspace.TestArticles.Quote;
import org.parallax.index.workspace.TestArticles.Technique;
import org.parallax.index.workspace.Workspace;

class ExporterTest {

  @TempDir Path dir;

  @Test
  void recordHasTheDocumentedFieldsInOrder() {
    ObjectNode record = Exporter.standard().record(TestArticles.annotated());
    assertThat(fieldNames(record))
        .containsExactly(
            "id",
            "inputId",
            "url",
            "outlet",
            "title",
            "authors",
            "published",
            "language",
            "text",
            "boilerplate",
            "paragraphs",
            "sentences",
            "entities",
            "quotes",
            "techniques",
            "paragraphTechniques",
            "diagnostics",
            "fields");
    assertThat(record.get("inputId").asText()).isEqualTo("in-1");
    assertThat(record.get("outlet").asText()).isEqualTo("The Ledger");
    assertThat(record.get("authors").toString()).isEqualTo("[\"Ana Ruiz\",\"Li Wen\"]");
    assertThat(record.get("published").asText()).isEqualTo("2024-03-04");
    assertThat(record.get("language").asText()).isEqualTo("en");
    assertThat(record.get("fields").toString()).isEqualTo("{\"section\":\"local\"}");
    assertThat(record.get("diagnostics").toString())
        .isEqualTo("[{\"stage\":\"ingest\",\"message\":\"guessed encoding\"}]");
  }

  @Test
  void corpusFieldsFollowTheLanguageAndAreNullWhenAbsent() throws Exception {
    Document annotated = TestArticles.annotated();
    Document other = plain("Second.");
    Exporter exporter =
        Exporter.standard()
            .withCorpusFields(
                List.of("story", "duplicateGroup"),
                id -> id.equals(annotated.id()) ? Map.of("story", "story-1") : Map.of());
    ObjectNode record = exporter.record(annotated);
    List<String> names = fieldNames(record);
    assertThat(names.subList(names.indexOf("language"), names.indexOf("text") + 1))
        .containsExactly("language", "story", "duplicateGroup", "text");
    assertThat(record.get("story").asText()).isEqualTo("story-1");
    assertThat(record.get("duplicateGroup").isNull()).isTrue();
    assertThat(exporter.record(other).get("story").isNull()).isTrue();
    StringWriter out = new StringWriter();
    exporter.write(Stream.of(annotated), Format.CSV, out);
    List<List<String>> rows = parseCsv(out.toString());
    int story = rows.get(0).indexOf("story");
    assertThat(story).isEqualTo(rows.get(0).indexOf("language") + 1);
    assertThat(rows.get(1).get(story)).isEqualTo("story-1");
  }

  @Test
  void layerElementsAreFlattenedWithTheirText() {
    Document article = TestArticles.annotated();
    String text = article.text();
    int second = text.indexOf("Der");
    ObjectNode record = Exporter.standard().record(article);

    JsonNode boilerplate = record.get("boilerplate").get(0);
    assertThat(fieldNames(boilerplate))
        .containsExactly("begin", "end", "kind", "text", "confidence");
    assertThat(boilerplate.get("begin").asInt())
        .isEqualTo(second - 2)
        .isEqualTo(boilerplate.get("end").asInt());
    assertThat(boilerplate.get("text").asText()).isEqualTo("Share this");

    assertThat(record.get("paragraphs").toString())
        .isEqualTo(
            "[{\"begin\":0,\"end\":"
                + (second - 2)
                + ",\"language\":\"en\"},{\"begin\":"
                + second
                + ",\"end\":"
                + text.length()
                + ",\"language\":\"de\"}]");
    assertThat(fieldNames(record.get("sentences").get(0))).containsExactly("begin", "end");

    JsonNode entities = record.get("entities");
    assertThat(entities.get(0).toString())
        .isEqualTo(
            "{\"begin\":6,\"end\":15,\"text\":\"Ada Brant\",\"type\":\"PERSON\",\"canonical\":\"Ada Brant\"}");
    assertThat(entities.get(1).get("text").asText()).isEqualTo("Rat");
    assertThat(entities.get(1).get("canonical").isNull()).isTrue();

    JsonNode quote = record.get("quotes").get(0);
    assertThat(fieldNames(quote))
        .containsExactly(
            "begin",
            "end",
            "text",
            "kind",
            "speaker",
            "cue",
            "speakerBegin",
            "speakerEnd",
            "cueBegin",
            "cueEnd");
    assertThat(quote.get("text").asText()).isEqualTo("the bridge will open in May");
    assertThat(quote.get("cueBegin").asInt()).isEqualTo(16);
    assertThat(quote.get("cueEnd").asInt()).isEqualTo(20);
  }

  @Test
  void missingOptionalQuoteFieldsAreExplicitNulls() {
    String text = "It will rain, the office said.";
    Document article =
        plain(text)
            .with(
                TestArticles.QUOTES,
                List.of(new Quote(new Span(0, 12), "reported", null, null, null, null)));
    JsonNode quote = Exporter.standard().record(article).get("quotes").get(0);
    assertThat(quote.toString())
        .isEqualTo(
            "{\"begin\":0,\"end\":12,\"text\":\"It will rain\",\"kind\":\"reported\",\"speaker\":null,"
                + "\"cue\":null,\"speakerBegin\":null,\"speakerEnd\":null,\"cueBegin\":null,"
                + "\"cueEnd\":null}");
  }

  @Test
  void offsetsCountCodePointsOutsideTheBasicPlane() {
    // A flag is two code points in four chars, the emoji one code point in two chars.
    String text =
        "\uD83C\uDDE9\uD83C\uDDEA \uD83D\uDE00 Ana Ruiz said \"\uD835\uDD25\uD835\uDD26\" twice.";
    int ana = text.indexOf("Ana");
    int quoteBegin = text.indexOf('"') + 1;
    int quoteEnd = text.lastIndexOf('"');
    Document article =
        plain(text)
            .with(
                TestArticles.ENTITIES, List.of(new Entity(new Span(ana, ana + 8), "PERSON", null)))
            .with(
                TestArticles.QUOTES,
                List.of(
                    new Quote(
                        new Span(quoteBegin, quoteEnd),
                        "direct",
                        "Ana Ruiz",
                        new Span(ana, ana + 8),
                        "said",
                        new Span(ana + 9, ana + 13))));
    ObjectNode record = Exporter.standard().record(article);
    JsonNode entity = record.get("entities").get(0);
    assertThat(ana).isEqualTo(8);
    assertThat(entity.get("begin").asInt()).isEqualTo(5);
    assertThat(entity.get("end").asInt()).isEqualTo(13);
    assertThat(entity.get("text").asText()).isEqualTo("Ana Ruiz");
    JsonNode quote = record.get("quotes").get(0);
    assertThat(codePoints(text, quote.get("begin").asInt(), quote.get("end").asInt()))
        .isEqualTo("\uD835\uDD25\uD835\uDD26")
        .isEqualTo(quote.get("text").asText());
    assertThat(quote.get("end").asInt() - quote.get("begin").asInt()).isEqualTo(2);
    assertThat(codePoints(text, quote.get("cueBegin").asInt(), quote.get("cueEnd").asInt()))
        .isEqualTo("said");
  }

  @Test
  void randomSpansMapToTheSameTextInCodePoints() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      StringBuilder builder = new StringBuilder();
      int length = random.nextInt(80);
      for (int i = 0; i < length; i++) {
        int kind = random.nextInt(6);
        builder.appendCodePoint(
            kind == 0
                ? 0x1F300 + random.nextInt(200)
                : kind == 1 ? 0x4E00 + random.nextInt(50) : 'a' + random.nextInt(26));
      }
      String text = builder.toString();
      int cps = text.codePointCount(0, text.length());
      List<Entity> entities = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        int a = random.nextInt(cps + 1);
        int b = a + random.nextInt(cps - a + 1);
        entities.add(
            new Entity(
                new Span(text.offsetByCodePoints(0, a), text.offsetByCodePoints(0, b)),
                "MISC",
                null));
      }
      Document article = plain(text).with(TestArticles.ENTITIES, entities);
      JsonNode exported = Exporter.standard().record(article).get("entities");
      for (int i = 0; i < entities.size(); i++) {
        JsonNode entity = exported.get(i);
        String expected = article.text(entities.get(i).span());
        assertThat(entity.get("text").asText()).isEqualTo(expected);
        assertThat(codePoints(text, entity.get("begin").asInt(), entity.get("end").asInt()))
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void newListLayersAreExportedWithoutCodeChangesAndExclusionsApply() {
    String text = "They are traitors, the speaker shouted.";
    Document article =
        plain(text)
            .with(
                TestArticles.TECHNIQUES,
                List.of(new Technique(new Span(9, 17), "Name_Calling", 0.91, "speaker")));
    ObjectNode record = Exporter.standard().record(article);
    assertThat(fieldNames(record)).containsSubsequence("diagnostics", "claims", "fields");
    assertThat(record.get("claims").toString())
        .isEqualTo(
            "[{\"begin\":9,\"end\":17,\"text\":\"traitors\",\"technique\":\"Name_Calling\","
                + "\"score\":0.91,\"voice\":\"speaker\"}]");
    assertThat(record.get("entities").isArray()).isTrue();
    assertThat(record.get("entities")).isEmpty();

    ObjectNode without = new Exporter(Set.of("claims", "boilerplate")).record(article);
    assertThat(fieldNames(without)).doesNotContain("claims", "boilerplate");
    ObjectNode everything = new Exporter(Set.of()).record(TestArticles.annotated());
    assertThat(fieldNames(everything)).contains("tokens", "embeddings", "paragraphLanguages");
  }

  @Test
  void damagedLayersAreExportedAsFarAsTheyMakeSense() {
    String stored =
        "{\"id\":\"x1\",\"source\":{\"inputId\":\"i\"},\"metadata\":{},\"text\":\"short\","
            + "\"layers\":{\"entities\":[{\"span\":{\"begin\":2,\"end\":99},\"type\":\"ORG\"},"
            + "\"not an object\",{\"span\":\"nonsense\"}],\"paragraphs\":{\"oops\":1}}}";
    ObjectNode record = Exporter.standard().record(Json.read(stored));
    JsonNode entities = record.get("entities");
    assertThat(entities.get(0).get("end").asInt()).isEqualTo(5);
    assertThat(entities.get(0).get("text").asText()).isEqualTo("ort");
    assertThat(entities.get(1).asText()).isEqualTo("not an object");
    assertThat(entities.get(2).get("span").asText()).isEqualTo("nonsense");
    // A list layer stored as a single object still exports as a list.
    assertThat(record.get("paragraphs").toString()).isEqualTo("[{\"oops\":1}]");
  }

  @Test
  void jsonlHasOneCompactRecordPerArticleInIdOrder() throws Exception {
    try (Workspace workspace = Workspace.open(dir)) {
      for (int i = 0; i < 3; i++) {
        workspace.put(TestArticles.numbered(i));
      }
      workspace.put(TestArticles.annotated());
      StringWriter out = new StringWriter();
      assertThat(Exporter.export(workspace, Format.JSONL, out)).isEqualTo(4);
      List<String> lines = out.toString().lines().toList();
      assertThat(out.toString()).endsWith("}\n");
      assertThat(lines).hasSize(4);
      List<String> ids = new ArrayList<>();
      for (String line : lines) {
        JsonNode record = Json.MAPPER.readTree(line);
        ids.add(record.get("id").asText());
        assertThat(line).doesNotContain("\n").isEqualTo(Json.MAPPER.writeValueAsString(record));
      }
      assertThat(ids).isSorted().hasSize(4);
    }
  }

  @Test
  void csvQuotesCellsAndKeepsLayersAsJson() throws Exception {
    String text = "Line one, with \"quotes\".\nLine two \uD83D\uDE00 Ana.";
    int ana = text.indexOf("Ana");
    Document article =
        Document.of(
                new Source("in,1", "x", "https://news.example/q", "jsonl", Map.of("desk", "a,b")),
                new Metadata(
                    "A \"quoted\", title", List.of("Ana Ruiz", "Li Wen"), null, null, null),
                text)
            .with(
                TestArticles.ENTITIES, List.of(new Entity(new Span(ana, ana + 3), "PERSON", "Ana")))
            .with(
                TestArticles.TECHNIQUES,
                List.of(new Technique(new Span(0, 4), "Loaded_Language", 0.5, null)));
    StringWriter out = new StringWriter();
    assertThat(Exporter.standard().write(Stream.of(article, plain("Second.")), Format.CSV, out))
        .isEqualTo(2);
    assertThat(out.toString()).contains("\r\n").endsWith("\r\n");
    List<List<String>> rows = parseCsv(out.toString());
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0))
        .containsExactly(
            "id",
            "inputId",
            "url",
            "outlet",
            "title",
            "authors",
            "published",
            "language",
            "text",
            "boilerplate",
            "paragraphs",
            "sentences",
            "entities",
            "quotes",
            "techniques",
            "paragraphTechniques",
            "diagnostics",
            "otherLayers",
            "fields");
    List<String> row = rows.get(1);
    assertThat(row).hasSize(19);
    assertThat(row.get(1)).isEqualTo("in,1");
    assertThat(row.get(4)).isEqualTo("A \"quoted\", title");
    assertThat(row.get(5)).isEqualTo("Ana Ruiz; Li Wen");
    assertThat(row.get(6)).isEmpty();
    assertThat(row.get(8)).isEqualTo(text);
    JsonNode entities = Json.MAPPER.readTree(row.get(12));
    assertThat(entities.get(0).get("begin").asInt()).isEqualTo(ana - 1);
    assertThat(entities.get(0).get("text").asText()).isEqualTo("Ana");
    assertThat(Json.MAPPER.readTree(row.get(17)).get("claims").get(0).get("text").asText())
        .isEqualTo("Line");
    assertThat(row.get(18)).isEqualTo("{\"desk\":\"a,b\"}");
    assertThat(rows.get(2).get(9)).isEqualTo("[]");
    assertThat(rows.get(2).get(14)).isEqualTo("[]");
    assertThat(rows.get(2).get(17)).isEqualTo("{}");
  }

  @Test
  void formatNamesAreParsedAndUnknownOnesExplained() {
    assertThat(Format.parse("JSONL")).isEqualTo(Format.JSONL);
    assertThat(Format.parse(" csv ")).isEqualTo(Format.CSV);
    assertThatThrownBy(() -> Format.parse("xlsx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown export format 'xlsx'; use one of jsonl, csv");
  }

  private static Document plain(String text) {
    return Document.of(Source.of("t", "test", null, "txt"), Metadata.EMPTY, text);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String codePoints(String text, int begin, int end) {
    int[] cps = text.codePoints().toArray();
    return new String(cps, begin, end - begin);
  }

  /** A strict RFC 4180 reader, so the test does not trust the writer's own quoting code. */
  private static List<List<String>> parseCsv(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    while (i < csv.length()) {
      char c = csv.charAt(i);
      if (c == '"' && cell.isEmpty()) {
        i++;
        while (true) {
          char q = csv.charAt(i++);
          if (q == '"') {
            if (i < csv.length() && csv.charAt(i) == '"') {
              cell.append('"');
              i++;
            } else {
              break;
            }
          } else {
            cell.append(q);
          }
        }
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
        i++;
      } else if (c == '\r' && csv.startsWith("\r\n", i)) {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i += 2;
      } else {
        assertThat(c).as("bare quote or line break at %d", i).isNotIn('"', '\r', '\n');
        cell.append(c);
        i++;
      }
    }
    assertThat(row).as("no partial last row").isEmpty();
    return rows;
  }
}
