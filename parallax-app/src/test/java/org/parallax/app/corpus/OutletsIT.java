package org.parallax.app.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.analyze.CorpusArticles;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;
import org.parallax.corpus.outlets.OutletConfig;
import org.parallax.corpus.outlets.OutletEntity;
import org.parallax.corpus.outlets.OutletProfile;
import org.parallax.corpus.outlets.OutletProfiler;
import org.parallax.corpus.outlets.WordContrast;
import org.parallax.index.workspace.Workspace;

/**
 * Outlet profiles on real annotations: the demo corpus and the seed pages, each through the real
 * {@code analyze} command, profiled straight from the workspace (read twice from disk).
 */
class OutletsIT {

  @TempDir Path tmp;

  private List<OutletProfile> analyseAndProfile(Path input) throws Exception {
    Path ws = tmp.resolve("ws");
    assertThat(Main.run("analyze", input.toString(), "--workspace", ws.toString(), "--no-progress"))
        .isZero();
    try (Workspace workspace = Workspace.open(ws)) {
      List<OutletProfile> profiles =
          OutletProfiler.profile(CorpusArticles.of(workspace), OutletConfig.DEFAULTS);
      // What the app will store: every profile must turn into JSON and back unchanged.
      for (OutletProfile profile : profiles) {
        String json = Json.MAPPER.writeValueAsString(profile);
        assertThat(Json.MAPPER.readValue(json, OutletProfile.class)).isEqualTo(profile);
      }
      return profiles;
    }
  }

  private static String top(List<WordContrast> words, int n) {
    return words.stream()
        .limit(n)
        .map(
            w -> String.format("%s (z=%.2f, %d vs %d)", w.word(), w.z(), w.count(), w.otherCount()))
        .collect(Collectors.joining(", "));
  }

  @Test
  void demoCorpusOutletsHaveTheirOwnWords() throws Exception {
    Path corpus = Path.of("..", "examples", "corpus");
    assumeTrue(Files.isDirectory(corpus), "skipped: no demo corpus at " + corpus);
    List<OutletProfile> profiles = analyseAndProfile(corpus);

    System.out.println("Distinctive words per outlet, demo corpus:");
    for (OutletProfile p : profiles) {
      System.out.printf(
          "  %s (%d articles, %s, %s): %s%n",
          p.outlet(),
          p.articles(),
          p.languages(),
          p.ratings().stream()
              .map(r -> r.domain() + " " + r.status())
              .collect(Collectors.joining(", ")),
          top(p.distinctiveWords(), 8));
    }

    assertThat(profiles.stream().mapToInt(OutletProfile::articles).sum()).isEqualTo(12);
    OutletProfile football = profile(profiles, "Riverton Gazette");
    // The unrelated football story is the most different text in the corpus: its top words are
    // its own, used nowhere else.
    assertThat(football.distinctiveWords()).isNotEmpty();
    assertThat(football.distinctiveWords().subList(0, 3))
        .allSatisfy(w -> assertThat(w.otherCount()).isZero());
    assertThat(profile(profiles, "Northgate Wire").articles()).isEqualTo(2);
  }

  @Test
  void seedsShowHowEachOutletCastsSoleimani() throws Exception {
    Path seeds = Path.of(System.getProperty("parallax.shared", "../shared"), "corpora", "seeds");
    assumeTrue(Files.isDirectory(seeds), "skipped: no seed corpus at " + seeds);
    List<OutletProfile> profiles = analyseAndProfile(seeds);

    System.out.println("How each outlet casts Qasem Soleimani, seeds:");
    int casting = 0;
    for (OutletProfile p : profiles) {
      OutletEntity soleimani =
          p.topEntities().stream()
              .filter(e -> e.canonical().equals("Qasem Soleimani"))
              .findFirst()
              .orElse(null);
      System.out.printf(
          "  %s: %s%n",
          p.outlet(),
          soleimani == null
              ? "not among its top entities"
              : soleimani.mentions() + " mentions; " + top(soleimani.casting(), 8));
      System.out.printf("    distinctive: %s%n", top(p.distinctiveWords(), 8));
      if (soleimani != null && !soleimani.casting().isEmpty()) {
        casting++;
      }
    }
    assertThat(profiles.stream().mapToInt(OutletProfile::articles).sum()).isEqualTo(5);
    assertThat(casting).as("outlets with casting words for Soleimani").isGreaterThanOrEqualTo(2);
  }

  private static OutletProfile profile(List<OutletProfile> profiles, String outlet) {
    return profiles.stream().filter(p -> p.outlet().equals(outlet)).findFirst().orElseThrow();
  }
}
