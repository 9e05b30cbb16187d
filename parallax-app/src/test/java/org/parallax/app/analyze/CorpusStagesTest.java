package org.parallax.app.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parallax.corpus.talkingpoints.TalkingPoints;
import org.parallax.corpus.talkingpoints.TalkingPoints.Carrier;
import org.parallax.corpus.talkingpoints.TalkingPoints.FirstAppearance;
import org.parallax.corpus.talkingpoints.TalkingPoints.TalkingPoint;

class CorpusStagesTest {

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
