package org.parallax.persuasion.genre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.parallax.persuasion.data.SemEval2023Labels;

/** Trains a genre model on a small data folder of our own invented articles. */
class GenreModelTest {

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
          "Ostrava Bay",
          "Fenwick");

  private static String opinion(String place) {
    return "Why "
        + place
        + " deserves better\n\nI believe the council has failed us. We cannot keep pretending that"
        + " the harbour plan works; in my view it never did. We must demand honesty, and you"
        + " should ask yourself why nobody resigned. I think "
        + place
        + " deserves leaders who listen!";
  }

  private static String reporting(String place) {
    return "Council approves "
        + place
        + " harbour budget\n\nThe council of "
        + place
        + " approved the harbour budget on Tuesday, officials said. The plan allocates 12"
        + " million for repairs, according to a statement. \"Work starts in May,\" the mayor"
        + " told reporters. The vote passed 9 to 3.";
  }

  private static String satire(String place) {
    return place
        + " council bans Mondays\n\nIn a bold move hailed by absolutely nobody, the council of "
        + place
        + " has voted to abolish Mondays, citing a survey of three cats. Residents will now"
        + " skip directly to Tuesday, a spokesduck confirmed, adding that gravity is next on"
        + " the list.";
  }

  private static Path dataFolder(Path dir) throws IOException {
    Path lang = dir.resolve("en");
    Path articles = Files.createDirectories(lang.resolve("train-articles-subtask-1"));
    StringBuilder labels = new StringBuilder();
    int id = 100;
    for (String place : PLACES) {
      for (String genre : List.of("opinion", "reporting", "satire")) {
        String text =
            switch (genre) {
              case "opinion" -> opinion(place);
              case "reporting" -> reporting(place);
              default -> satire(place);
            };
        Files.writeString(articles.resolve("article" + id + ".txt"), text.replace("\n", "\r\n"));
        labels.append(id).append('\t').append(genre).append('\n');
        id++;
      }
    }
    Files.writeString(lang.resolve("train-labels-subtask-1.txt"), labels.toString());
    return dir;
  }

  @Test
  void trainsOnLabelledArticlesAndExplainsItsCalls(@TempDir Path dir) throws IOException {
    Path semeval = dataFolder(dir);
    List<SemEval2023Labels.Article> all = SemEval2023Labels.labelled(semeval);
    assertThat(all).hasSize(36);
    assertThat(all.get(0).text()).doesNotContain("\r");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    GenreTraining.Result result =
        GenreTraining.train(
            semeval,
            GenreTraining.Settings.defaults(),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("fitting articles").contains("all");
    assertThat(result.fitted() + GenreTraining.validation(semeval).size()).isEqualTo(36);

    GenreModel model = result.model();
    GenreModel.Finding op = model.classify(opinion("Westmoor"), "en");
    assertThat(op.genre()).isEqualTo("opinion");
    assertThat(op.scores()).containsOnlyKeys("opinion", "reporting", "satire");
    assertThat(op.scores().values().stream().mapToDouble(Double::doubleValue).sum())
        .isBetween(0.99, 1.01);
    assertThat(op.score()).isEqualTo(op.scores().values().iterator().next());
    assertThat(op.evidence()).isNotEmpty().hasSizeLessThanOrEqualTo(8);
    // words that every training article has count in the call but tell the reader nothing
    assertThat(op.evidence()).doesNotContain("the", "of");
    assertThat(model.classify(reporting("Westmoor"), "en").genre()).isEqualTo("reporting");
    assertThat(model.classify(satire("Westmoor"), "en").genre()).isEqualTo("satire");

    // written and read back, it makes the same calls
    Path file = dir.resolve("genre.tribuo.gz");
    try (OutputStream out = Files.newOutputStream(file)) {
      model.write(out);
    }
    GenreModel again = GenreModel.load(file);
    assertThat(again.classify(opinion("Westmoor"), "en")).isEqualTo(op);
  }

  @Test
  void aLabelFileWithAMalformedLineIsRefusedWithItsLineNumber(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("labels.txt");
    Files.writeString(file, "1\topinion\n2 reporting\n");
    assertThatThrownBy(() -> SemEval2023Labels.readLabels(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2");
    Files.writeString(file, "1\topinion\n1\tsatire\n");
    assertThatThrownBy(() -> SemEval2023Labels.readLabels(file))
        .hasMessageContaining("given twice");
  }

  @Test
  void theCommittedModelIsBundledAndReadsEveryTrainedLanguage() {
    GenreModel model = GenreModel.bundled();
    for (String language : GenreModel.LANGUAGES) {
      GenreModel.Finding finding = model.classify(reporting("Westmoor"), language);
      assertThat(GenreModel.GENRES).containsKey(finding.genre());
      assertThat(finding.score()).isBetween(0.0, 1.0);
    }
  }
}
