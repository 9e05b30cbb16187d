package org.parallax.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.core.pipeline.Input;
import org.parallax.core.pipeline.InputException;
import org.parallax.core.pipeline.Options;
import org.parallax.ingest.extract.ExtractionLimits;

class LimitsTest {

  private static final String PROSE =
      "<p>The harbour board agreed on Monday, after a long debate, to dredge the outer basin"
          + " before the autumn storms.</p>";

  @TempDir Path dir;

  @Test
  void flattensMarkupNestedDeeperThanTheLimit() throws IOException {
    int depth = 100_000;
    String page =
        "<html><body>"
            + "<div>".repeat(depth)
            + PROSE
            + "</div>".repeat(depth)
            + "<p>A closing paragraph after the nested blocks, with a comma, and more words.</p>"
            + "</body></html>";
    Path file = write("deep.html", page);

    Document doc = readOne(file, IngestConfig.DEFAULTS).document();

    assertThat(doc.text()).contains("The harbour board agreed on Monday");
    assertThat(doc.get(Diagnostic.LAYER))
        .extracting(Diagnostic::message)
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith("the page nests its markup more than 512 levels deep; ")
                    .endsWith(" element(s) below that depth were flattened to their text"));
  }

  @Test
  void pagesWithinTheDepthLimitAreUntouched() throws IOException {
    Path file =
        write("shallow.html", "<html><body>" + "<div>".repeat(40) + PROSE + "</body></html>");

    Document doc = readOne(file, IngestConfig.DEFAULTS).document();

    assertThat(doc.has(Diagnostic.LAYER)).isFalse();
  }

  @Test
  void failsATextOverTheLengthLimit() throws IOException {
    Path file = write("long.txt", "The committee met again and talked at length. ".repeat(100));
    IngestConfig config = new IngestConfig(IngestConfig.DEFAULT_MAX_BYTES, 512, 1000);

    Result result = readOne(file, config);

    assertThat(result.failure())
        .matches(
            "the text is 4,\\d{3} characters long, over the 1,000-character limit"
                + " \\(ingest\\.maxTextChars\\)");
  }

  @Test
  void aMojibakePageGetsADiagnostic() throws IOException {
    // UTF-8 that was once read as windows-1252, then a correct 'é' added: not repairable
    Path file =
        write(
            "mojibake.txt",
            "The cafÃ© reopened on Tuesday â€“ the ownerâ€™s plan, said the mayor of Orléans.");

    Document doc = readOne(file, IngestConfig.DEFAULTS).document();

    assertThat(doc.get(Diagnostic.LAYER))
        .extracting(Diagnostic::message)
        .singleElement()
        .satisfies(m -> assertThat(m).contains("mojibake"));
  }

  @Test
  void readsTheLimitsFromOptions() {
    IngestConfig config =
        IngestConfig.from(
            Options.of(
                "ingest",
                Map.of("maxBytes", "1048576", "maxDepth", "256", "maxTextChars", "5000")));

    assertThat(config).isEqualTo(new IngestConfig(1_048_576, 256, 5000));
    assertThat(config.extraction()).isEqualTo(new ExtractionLimits(256, 5000));
    assertThat(IngestConfig.from(Options.of("ingest", Map.of()))).isEqualTo(IngestConfig.DEFAULTS);
    assertThat(new IngestConfig(4096).withMaxBytes(8192))
        .isEqualTo(new IngestConfig(8192, 512, 1_000_000));
    assertThatThrownBy(() -> IngestConfig.from(Options.of("ingest", Map.of("maxDepth", "2"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ingest.maxDepth must be at least 8");
    assertThatThrownBy(
            () -> IngestConfig.from(Options.of("ingest", Map.of("maxTextChars", "lots"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("maxTextChars must be a whole number");
    assertThatThrownBy(() -> IngestConfig.from(Options.of("ingest", Map.of("depth", "9"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown option(s) for 'ingest': [depth]");
  }

  /** What reading one input gave: a document or the reason it failed. */
  record Result(Input input, Document document, String failure) {}

  private static Result readOne(Path file, IngestConfig config) {
    List<Result> results = new ArrayList<>();
    try (SourceBatch batch = Sources.open(List.of(file.toString()), config)) {
      batch
          .inputs()
          .forEachRemaining(
              input -> {
                try {
                  results.add(new Result(input, input.read(), null));
                } catch (InputException e) {
                  results.add(new Result(input, null, e.getMessage()));
                }
              });
    }
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  private Path write(String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }
}
