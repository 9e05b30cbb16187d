package org.parallax.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;

/**
 * The Spark job in local mode on the demo corpus (our own text) plus a broken file: it writes the
 * records {@code parallax analyze} + {@code export} write for the same annotators, lists the broken
 * input with its reason, and writes Parquet that reads back.
 */
class SparkAnalyzeIT {

  private static final List<String> ANNOTATORS = List.of("segment", "language", "entities");

  @TempDir static Path tmp;
  static SparkSession spark;
  static Path input;

  @BeforeAll
  static void start() throws IOException {
    Path corpus = Path.of(System.getProperty("parallax.root", ".."), "examples", "corpus");
    input = tmp.resolve("input");
    Files.createDirectories(input);
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path file : files.toList()) {
        Files.copy(file, input.resolve(file.getFileName()));
      }
    }
    // a gzip file cut short: one failed input, the batch goes on
    Files.write(input.resolve("broken.txt.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("parallax-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void recordsAreWhatAnalyzeAndExportWrite() throws Exception {
    Path out = tmp.resolve("out-jsonl");
    SparkAnalyze.Result result =
        SparkAnalyze.run(
            spark,
            new SparkAnalyze.Options(
                List.of(input.toString()),
                out.toString(),
                "jsonl",
                ANNOTATORS,
                3,
                Duration.ofMinutes(5),
                true));

    Path ws = tmp.resolve("ws");
    Path exported = tmp.resolve("export.jsonl");
    int exit =
        Main.run(
            "analyze",
            input.toString(),
            "-w",
            ws.toString(),
            "--annotators",
            String.join(",", ANNOTATORS),
            "--no-progress");
    assertThat(exit).as("analyze: one input fails").isEqualTo(1);
    assertThat(Main.run("export", "-w", ws.toString(), "--out", exported.toString())).isZero();
    Map<String, JsonNode> expected = new HashMap<>();
    for (String line : Files.readAllLines(exported, StandardCharsets.UTF_8)) {
      ObjectNode record = (ObjectNode) Json.MAPPER.readTree(line);
      // corpus results that analyze adds after the documents; the job makes documents only
      record.remove(List.of("story", "duplicateGroup", "entities"));
      expected.put(record.path("id").asText(), record);
    }

    Map<String, JsonNode> actual = new HashMap<>();
    for (String line : lines(out.resolve("documents"))) {
      ObjectNode record = (ObjectNode) Json.MAPPER.readTree(line);
      assertThat(record.path("entities").isArray()).isTrue();
      record.remove("entities");
      actual.put(record.path("id").asText(), record);
    }
    assertThat(result.documents()).isEqualTo(actual.size()).isEqualTo(expected.size());
    assertThat(actual).isEqualTo(expected);
    // names: the job's are each document's own, before the corpus resolves them across documents
    assertThat(lines(out.resolve("documents")))
        .anySatisfy(line -> assertThat(line).contains("\"type\":\"PERSON\""));

    // the documents analysed on Spark, loaded into a workspace, give the corpus stages the same
    // results analyze gives: every exported field equal, stories and names across documents too
    Path loaded = tmp.resolve("ws-loaded");
    assertThat(Main.run("load", out.resolve("analysed").toString(), "-w", loaded.toString()))
        .isZero();
    Path loadedExport = tmp.resolve("loaded.jsonl");
    assertThat(Main.run("export", "-w", loaded.toString(), "--out", loadedExport.toString()))
        .isZero();
    assertThat(Files.readAllLines(loadedExport, StandardCharsets.UTF_8))
        .isEqualTo(Files.readAllLines(exported, StandardCharsets.UTF_8));
    for (String what : List.of("stories", "duplicates", "talking-points", "outlets")) {
      Path a = tmp.resolve("a-" + what + ".jsonl");
      Path b = tmp.resolve("b-" + what + ".jsonl");
      assertThat(Main.run("export", "-w", ws.toString(), "--what", what, "--out", a.toString()))
          .isZero();
      assertThat(Main.run("export", "-w", loaded.toString(), "--what", what, "--out", b.toString()))
          .isZero();
      assertThat(Files.readAllLines(b, StandardCharsets.UTF_8))
          .as(what)
          .isEqualTo(Files.readAllLines(a, StandardCharsets.UTF_8));
    }
    // loading again changes nothing; a line that is no document is one failure
    Files.writeString(
        out.resolve("analysed").resolve("part-zz-junk"), "{\"not\": \"a document\"}\n");
    assertThat(Main.run("load", out.resolve("analysed").toString(), "-w", loaded.toString()))
        .isEqualTo(1);

    List<String> failures = lines(out.resolve("failures"));
    assertThat(result.failures()).isEqualTo(1);
    assertThat(failures)
        .singleElement()
        .satisfies(
            line -> {
              JsonNode failure = Json.MAPPER.readTree(line);
              assertThat(failure.path("origin").asText()).endsWith("broken.txt.gz");
              assertThat(failure.path("stage").asText()).isEqualTo("ingest");
              assertThat(failure.path("reason").asText()).isNotBlank();
            });
  }

  @Test
  void parquetReadsBackWithOneRowPerDocument() {
    Path out = tmp.resolve("out-parquet");
    SparkAnalyze.Result result =
        SparkAnalyze.run(
            spark,
            new SparkAnalyze.Options(
                List.of(input.toString()),
                out.toString(),
                "parquet",
                List.of("segment", "language"),
                0,
                Duration.ofMinutes(5),
                false));
    List<Row> rows =
        spark
            .read()
            .parquet(out.resolve("documents").toString())
            .select("id", "language", "text")
            .collectAsList();
    assertThat(rows).hasSize((int) result.documents());
    assertThat(rows).allSatisfy(row -> assertThat(row.getString(2)).isNotBlank());
  }

  @Test
  void badOptionsAreRefusedBeforeAnyWork() {
    assertThatThrownBy(() -> SparkAnalyze.parse(new String[] {input.toString()}))
        .hasMessageContaining("--output DIR is required");
    assertThatThrownBy(
            () -> SparkAnalyze.parse(new String[] {"--output", "x", "--format", "csv", "in"}))
        .hasMessageContaining("jsonl or parquet");
    assertThatThrownBy(
            () ->
                SparkAnalyze.run(
                    spark,
                    new SparkAnalyze.Options(
                        List.of(input.toString()),
                        tmp.resolve("never").toString(),
                        "jsonl",
                        List.of("segment", "no-such-annotator"),
                        0,
                        Duration.ofMinutes(1),
                        false)))
        .hasMessageContaining("no-such-annotator");
    assertThatThrownBy(() -> SparkAnalyze.files(List.of(tmp.resolve("absent").toString())))
        .hasMessageContaining("no such file or folder");
  }

  private static List<String> lines(Path folder) throws IOException {
    try (Stream<Path> parts = Files.list(folder)) {
      return parts
          .filter(p -> p.getFileName().toString().startsWith("part-"))
          .sorted()
          .flatMap(
              p -> {
                try {
                  return Files.readAllLines(p, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .filter(line -> !line.isBlank())
          .toList();
    }
  }
}
