package org.parallax.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.analyze.Analysis;
import org.parallax.app.analyze.ConfigFile;
import org.parallax.core.pipeline.ConfigException;

class CommandLineTest {

  @TempDir Path tmp;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private PrintStream originalOut;

  @BeforeEach
  void captureErr() {
    originalErr = System.err;
    originalOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreErr() {
    System.setErr(originalErr);
    System.setOut(originalOut);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpExitsZero() {
    assertThat(Main.run("--help")).isZero();
    assertThat(Main.run("analyze", "--help")).isZero();
  }

  @Test
  void unknownAnnotatorIsBadUsageNamingIt() {
    int code =
        Main.run(
            "analyze",
            tmp.toString(),
            "-w",
            tmp.resolve("ws").toString(),
            "--annotators",
            "sentiment");
    assertThat(code).isEqualTo(2);
    assertThat(err()).contains("unknown annotator 'sentiment'");
    assertThat(tmp.resolve("ws")).doesNotExist();
  }

  @Test
  void paragraphScoringTakesEitherFilesOrTheValidationSplit() throws Exception {
    Path gold = Files.writeString(tmp.resolve("gold.txt"), "1\t1\tLoaded_Language\n");
    Path pred = Files.writeString(tmp.resolve("pred.txt"), "1\t1\tLoaded_Language\n");
    assertThat(Main.run("eval", "semeval2023", "--subtask", "3")).isEqualTo(2);
    assertThat(err()).contains("--gold FILE and --pred FILE, or --validation --data DIR");
    assertThat(
            Main.run(
                "eval", "semeval2023", "--subtask", "3", "--validation", "--gold", gold.toString()))
        .isEqualTo(2);
    assertThat(err()).contains("--validation takes --data DIR");
    assertThat(
            Main.run(
                "eval", "semeval2023", "--subtask", "3", "--validation", "--data", tmp.toString()))
        .isEqualTo(2);
    assertThat(err()).contains("holds no semeval2020-task11-ptc/");
    assertThat(
            Main.run(
                "eval",
                "semeval2023",
                "--subtask",
                "3",
                "--gold",
                gold.toString(),
                "--pred",
                pred.toString(),
                "--model",
                gold.toString()))
        .isEqualTo(2);
    assertThat(
            Main.run(
                "eval",
                "semeval2023",
                "--subtask",
                "3",
                "--gold",
                gold.toString(),
                "--pred",
                pred.toString()))
        .isZero();
  }

  @Test
  void genreScoringAndPredictionCheckTheirArguments() throws Exception {
    Path gold = Files.writeString(tmp.resolve("genre-gold.txt"), "1\topinion\n2\tsatire\n");
    Path pred = Files.writeString(tmp.resolve("genre-pred.txt"), "1\topinion\n");
    assertThat(Main.run("eval", "semeval2023", "--subtask", "4")).isEqualTo(2);
    assertThat(err()).contains("only --subtask 1 (genre), --subtask 2 (framing) and --subtask 3");
    assertThat(Main.run("eval", "semeval2023", "--subtask", "1")).isEqualTo(2);
    assertThat(err()).contains("--gold FILE and --pred FILE, or --validation --data DIR");
    assertThat(
            Main.run(
                "eval", "semeval2023", "--subtask", "1", "--validation", "--data", tmp.toString()))
        .isEqualTo(2);
    assertThat(err()).contains("holds no semeval2023-task3/");
    // article 2 has no prediction: it counts as wrong
    assertThat(
            Main.run(
                "eval",
                "semeval2023",
                "--subtask",
                "1",
                "--gold",
                gold.toString(),
                "--pred",
                pred.toString(),
                "--json"))
        .isZero();
    assertThat(out()).contains("\"macroF1\" : 0.5").contains("\"accuracy\" : 0.5");
    Path articles = Files.createDirectories(tmp.resolve("genre-articles"));
    Files.writeString(
        articles.resolve("article7.txt"), "Port reopens\n\nThe port reopened, officials said.");
    assertThat(
            Main.run(
                "predict",
                "semeval2023",
                "--subtask",
                "1",
                "--lang",
                "ka",
                "--articles",
                articles.toString(),
                "--out",
                tmp.resolve("p.txt").toString()))
        .isEqualTo(2);
    assertThat(err()).contains("the genre and framing models read");
    assertThat(
            Main.run(
                "predict",
                "semeval2023",
                "--subtask",
                "1",
                "--lang",
                "ge",
                "--articles",
                articles.toString(),
                "--out",
                tmp.resolve("p.txt").toString()))
        .isZero();
    assertThat(Files.readString(tmp.resolve("p.txt"))).matches("7\t(opinion|reporting|satire)\n");
    assertThat(
            Main.run(
                "predict",
                "semeval2023",
                "--subtask",
                "2",
                "--lang",
                "en",
                "--articles",
                articles.toString(),
                "--out",
                tmp.resolve("f.txt").toString()))
        .isZero();
    assertThat(Files.readString(tmp.resolve("f.txt"))).matches("7\t[A-Za-z_,]*\n");
    Path frameGold = Files.writeString(tmp.resolve("f-gold.txt"), "1\tEconomic,Political\n");
    Path framePred = Files.writeString(tmp.resolve("f-pred.txt"), "1\tEconomic\n");
    assertThat(
            Main.run(
                "eval",
                "semeval2023",
                "--subtask",
                "2",
                "--gold",
                frameGold.toString(),
                "--pred",
                framePred.toString(),
                "--json"))
        .isZero();
    // tp 1, gold 2, predicted 1
    assertThat(out()).contains("\"microF1\" : 0.6666");
  }

  @Test
  void malformedOptionIsBadUsage() {
    assertThat(Main.run("analyze", tmp.toString(), "-o", "nodot")).isEqualTo(2);
    assertThat(err()).contains("SECTION.KEY=VALUE");
  }

  @Test
  void missingRequirementIsBadUsageNamingTheLayer() {
    int code =
        Main.run(
            "analyze",
            tmp.toString(),
            "-w",
            tmp.resolve("ws").toString(),
            "--annotators",
            "language");
    assertThat(code).isEqualTo(2);
    assertThat(err()).contains("'language'").contains("paragraphs");
  }

  @Test
  void exportWithoutWorkspaceIsBadUsage() {
    assertThat(Main.run("export", "-w", tmp.resolve("none").toString())).isEqualTo(2);
    assertThat(err()).contains("no workspace at");
  }

  @Test
  void missingArgumentIsBadUsage() {
    assertThat(Main.run("analyze")).isEqualTo(2);
  }

  @Test
  void optionsAreGroupedByAnnotator() {
    assertThat(
            AnalyzeCommand.parseOptions(
                List.of("quotes.reported=false", "encoder.batchSize=4", "quotes.maxCueDistance=9")))
        .isEqualTo(
            Map.of(
                "quotes", Map.of("reported", "false", "maxCueDistance", "9"),
                "encoder", Map.of("batchSize", "4")));
  }

  @Test
  void settingsFileSetsAnnotatorsOptionsAndIngestLimit() throws Exception {
    Path file = tmp.resolve("s.yaml");
    Files.writeString(
        file,
        "annotators: [segment, language]\n"
            + "ingest:\n  maxBytes: 1000\n"
            + "documentTimeoutSeconds: 2.5\n"
            + "language:\n  minParagraphLetters: 5\n"
            + "quotes:\n  reported: false\n");
    Analysis.Settings settings = ConfigFile.read(file, Analysis.Settings.defaults());
    assertThat(settings.annotators()).containsExactly("segment", "language");
    assertThat(settings.documentTimeout()).isEqualTo(java.time.Duration.ofMillis(2500));
    assertThat(settings.ingest().maxBytes()).isEqualTo(1000);
    assertThat(settings.options())
        .isEqualTo(Map.of("language", Map.of("minParagraphLetters", "5")));
  }

  @Test
  void corpusStageOptionsAreCheckedBeforeAnythingRuns() {
    int code =
        Main.run(
            "analyze",
            tmp.toString(),
            "-w",
            tmp.resolve("ws").toString(),
            "-o",
            "stories.joinThreshold=2");
    assertThat(code).isEqualTo(2);
    assertThat(err()).contains("stories").contains("joinThreshold");
    assertThat(
            Main.run(
                "analyze",
                tmp.toString(),
                "-w",
                tmp.resolve("ws").toString(),
                "-o",
                "duplicates.shingles=4"))
        .isEqualTo(2);
    assertThat(err()).contains("unknown option 'shingles' for 'duplicates'");
    assertThat(tmp.resolve("ws")).doesNotExist();
  }

  @Test
  void corpusStageOptionsOverrideTheirDefaults() {
    var settings =
        org.parallax.app.analyze.CorpusStages.Settings.of(
            Map.of("duplicates", Map.of("jaccard", "0.6"), "outlets", Map.of("bigrams", "true")));
    assertThat(settings.duplicates().jaccard()).isEqualTo(0.6);
    assertThat(settings.outlets().bigrams()).isTrue();
    assertThat(settings.stories()).isEqualTo(org.parallax.corpus.stories.StoryConfig.DEFAULTS);
  }

  @Test
  void settingsFileWithWrongShapeNamesTheKey() throws Exception {
    Path file = tmp.resolve("bad.yaml");
    Files.writeString(file, "ingest:\n  maxBytes: [1, 2]\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConfigFile.read(file, Analysis.Settings.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ingest.maxBytes");
  }

  @Test
  void documentTimeoutMustBeANumberOfSeconds() throws Exception {
    Path file = tmp.resolve("timeout.yaml");
    Files.writeString(file, "documentTimeoutSeconds: soon\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConfigFile.read(file, Analysis.Settings.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("documentTimeoutSeconds")
        .hasMessageContaining("number of seconds");
  }
}
