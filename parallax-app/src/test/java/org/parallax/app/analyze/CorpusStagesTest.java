package org.parallax.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.corpus.talkingpoints.TalkingPoints;
import org.parallax.corpus.talkingpoints.TalkingPoints.Carrier;
import org.parallax.corpus.talkingpoints.TalkingPoints.FirstAppearance;
import org.parallax.corpus.talkingpoints.TalkingPoints.TalkingPoint;
import org.parallax.index.workspace.Workspace;

class CorpusStagesTest {

  @TempDir Path tmp;

  private static final String STORY =
      "The river authority opened all four gates of the Brennick dam on Sunday night after three"
          + " days of rain raised the reservoir to its highest level in twenty years. Engineers"
          + " said the spillway held and that the village of Osterfeld below the dam was never in"
          + " danger, but the mayor moved two hundred families to the school hall as a precaution."
          + " The authority will inspect the gates again on Monday and publish its readings of the"
          + " reservoir every six hours until the water falls back below the summer mark.";

  private static Document undated(String outlet, String text) {
    return Document.of(
        Source.of(outlet, outlet + ".jsonl#1", null, "jsonl"),
        new Metadata(null, List.of(), null, outlet, null),
        text);
  }

  /** The original the duplicates stage names when the workspace got {@code given} in order. */
  private String originalOutlet(String name, List<Document> given) {
    try (Workspace workspace = Workspace.open(tmp.resolve(name))) {
      given.forEach(workspace::put);
      workspace.commit();
      CorpusStages.run(workspace, CorpusStages.Settings.of(Map.of()));
      JsonNode groups = workspace.corpusResult(CorpusStages.DUPLICATES).orElseThrow().get("groups");
      assertThat(groups).hasSize(1);
      assertThat(groups.get(0).get("originalBy").asText()).isEqualTo("input-order");
      String original = groups.get(0).get("original").asText();
      return given.stream()
          .filter(d -> d.id().equals(original))
          .findFirst()
          .orElseThrow()
          .metadata()
          .outlet();
    }
  }

  @Test
  void withoutDatesTheCopyGivenFirstIsTheOriginalWhateverItsId() {
    Document valley = undated("Valley Courier", STORY);
    Document harbour = undated("Harbour Post", STORY + " Readers can follow the readings online.");
    assertThat(originalOutlet("a", List.of(valley, harbour))).isEqualTo("Valley Courier");
    assertThat(originalOutlet("b", List.of(harbour, valley))).isEqualTo("Harbour Post");
  }

  private static TalkingPoint point(String id, String... documents) {
    Carrier carrier = new Carrier(documents[0], 0, 10, "A claim about the dam.", "Outlet", null, 1);
    return new TalkingPoint(
        id,
        "copied",
        carrier,
        documents.length,
        documents.length,
        List.of(documents),
        List.of(documents),
        new FirstAppearance(documents[0], "Outlet", null),
        List.of(carrier));
  }

  @Test
  void talkingPointsCarriedOnlyByOneGroupOfCopiesAreDropped() {
    TalkingPoints found =
        new TalkingPoints(
            List.of(point("copy-only", "a", "b"), point("independent", "a", "b", "c")),
            List.of(),
            3,
            30,
            5,
            2);
    TalkingPoints kept = CorpusStages.withoutCopies(found, Map.of("a", "dup-a", "b", "dup-a"));
    assertThat(kept.talkingPoints()).extracting(TalkingPoint::id).containsExactly("independent");
    assertThat(CorpusStages.withoutCopies(found, Map.of()).talkingPoints()).hasSize(2);
  }
}
