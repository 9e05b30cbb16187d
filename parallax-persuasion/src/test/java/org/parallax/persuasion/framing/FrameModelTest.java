package org.parallax.persuasion.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains a framing model on a small data folder of our own invented articles. */
class FrameModelTest {

  private static final List<String> PLACES =
      List.of(
          "Arvena",
          "Calvik",
          "Dovrenna",
          "Halden",
          "Lirn",
          "Meridia",
          "Saltmere",
          "Tolvik",
          "Brannock",
          "Quellis",
          "Fenwick",
          "Westmoor",
          "Oskarby",
          "Pellamy",
          "Rothwick");

  private static String economic(String place) {
    return "Harbour fees rise in "
        + place
        + "\n\nThe port of "
        + place
        + " will raise its fees by 12 percent, costing exporters millions. Prices, wages and jobs"
        + " at the docks depend on the budget, and the cost of fuel keeps climbing.";
  }

  private static String health(String place) {
    return "Clinic overwhelmed in "
        + place
        + "\n\nDoctors at the "
        + place
        + " clinic treated dozens of patients for fever. Nurses warned that the hospital lacks"
        + " vaccines and that the disease spreads fast among children and the elderly.";
  }

  private static String security(String place) {
    return "Troops sent to "
        + place
        + "\n\nSoldiers and armoured vehicles reached "
        + place
        + " after the border attack. The general said the army would defend the frontier and that"
        + " missiles had been moved closer.";
  }

  private static String both(String place) {
    return economic(place) + "\n\n" + health(place).substring(health(place).indexOf("\n\n") + 2);
  }

  @Test
  void trainsOnLabelledArticlesAndNamesTheFramesWithTheirWords(@TempDir Path dir)
      throws IOException {
    Path lang = dir.resolve("en");
    Path articles = Files.createDirectories(lang.resolve("train-articles-subtask-2"));
    StringBuilder labels = new StringBuilder();
    int id = 500;
    for (String place : PLACES) {
      Files.writeString(articles.resolve("article" + id + ".txt"), economic(place));
      labels.append(id++).append("\tEconomic\n");
      Files.writeString(articles.resolve("article" + id + ".txt"), health(place));
      labels.append(id++).append("\tHealth_and_safety\n");
      Files.writeString(articles.resolve("article" + id + ".txt"), both(place));
      labels.append(id++).append("\tEconomic,Health_and_safety\n");
      // a third frame, so that each frame's own words are in at most half the articles: the
      // evidence leaves out words that most articles of the language carry
      Files.writeString(articles.resolve("article" + id + ".txt"), security(place));
      labels.append(id++).append("\tSecurity_and_defense\n");
    }
    Files.writeString(lang.resolve("train-labels-subtask-2.txt"), labels.toString());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    FramingTraining.Result result =
        FramingTraining.train(
            dir,
            FramingTraining.Settings.defaults(),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("threshold");
    FrameModel model = result.model();
    assertThat(model.threshold()).isBetween(0.05, 0.9);

    FrameModel.Finding economic = model.classify(economic("Norvale"), "en");
    assertThat(economic.frames()).extracting(FrameModel.Frame::frame).containsExactly("Economic");
    FrameModel.Frame frame = economic.frames().get(0);
    assertThat(frame.definition()).isEqualTo(FrameModel.FRAMES.get("Economic"));
    assertThat(frame.evidence()).isNotEmpty();
    assertThat(economic.scores())
        .containsOnlyKeys("Economic", "Health_and_safety", "Security_and_defense");
    assertThat(model.classify(both("Norvale"), "en").frames())
        .extracting(FrameModel.Frame::frame)
        .containsExactlyInAnyOrder("Economic", "Health_and_safety");

    Path file = dir.resolve("frames.tribuo.gz");
    try (OutputStream out = Files.newOutputStream(file)) {
      model.write(out);
    }
    FrameModel again = FrameModel.load(file);
    assertThat(again.threshold()).isEqualTo(model.threshold());
    assertThat(again.classify(economic("Norvale"), "en")).isEqualTo(economic);
  }

  @Test
  void theCommittedModelKnowsTheFourteenFrames() {
    FrameModel model = FrameModel.bundled();
    FrameModel.Finding finding = model.classify(health("Norvale"), "en");
    assertThat(finding.scores().keySet())
        .containsExactlyInAnyOrderElementsOf(FrameModel.FRAMES.keySet());
    assertThat(finding.frames())
        .allSatisfy(f -> assertThat(f.score()).isGreaterThanOrEqualTo(model.threshold()));
  }
}
