package org.parallax.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.pipeline.InputException;

/** Random pages built from boilerplate and body lines: whatever the mix, the output is sound. */
class CleaningInvariantsTest {

  private static final List<String> LINES =
      List.of(
          "The ministry said the road would reopen on Friday after the repairs were finished.",
          "Farmers in the valley have waited three seasons for the new canal to be connected.",
          "What the report says",
          "River Talks Resume",
          "By Ola Berg",
          "Lakeside Observer, May 2, 2022",
          "4/5/2022, 10:01:00 AM",
          "25 $",
          "1,000 €",
          "JUNE 2022",
          "Share this article",
          "Read more: Bridge tolls to rise",
          "Photo: Sam Vik / Pictures",
          "Disclaimer: The author alone is responsible.",
          "© 2022 Lakeside Observer. All rights reserved.",
          "Tags: water, roads",
          "*",
          "Новости региона за неделю",
          "He said <b>nothing</b> more<br>that day.",
          "Ola Berg is a Lakeside-based writer and researcher.",
          "",
          "",
          "   ",
          "\t");

  @RepeatedTest(200)
  void cleanTextSpansAndJsonRoundTripHold(RepetitionInfo repetition) throws InputException {
    Random random = new Random(repetition.getCurrentRepetition());
    StringBuilder page = new StringBuilder();
    int lines = 1 + random.nextInt(40);
    for (int i = 0; i < lines; i++) {
      page.append(LINES.get(random.nextInt(LINES.size())))
          .append(random.nextInt(5) == 0 ? "\r\n" : "\n");
    }

    Extracted cleaned = TextCleaner.clean(page.toString());
    String text = cleaned.text();

    assertThat(text).isEqualTo(text.strip()).doesNotContain("\n\n\n").doesNotContain("\r");
    assertThat(text.lines()).noneMatch(l -> !l.isEmpty() && !l.equals(l.strip()));
    assertThat(cleaned.boilerplate()).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
    assertThat(cleaned.boilerplate())
        .allSatisfy(
            b -> {
              assertThat(b.at().begin()).isBetween(0, text.length());
              assertThat(b.at().length()).isZero();
              assertThat(b.text()).isNotBlank();
              assertThat(b.confidence()).isBetween(0.0, 1.0);
            });
    if (!text.isBlank()) {
      Document doc =
          Extractor.fromText(
              Source.of("page", "page.txt", null, "txt"),
              Metadata.EMPTY,
              page.toString(),
              List.of());
      Document back = Json.read(Json.write(doc));
      assertThat(back.get(Boilerplate.LAYER)).isEqualTo(doc.get(Boilerplate.LAYER));
      assertThat(back.metadata()).isEqualTo(doc.metadata());
      assertThat(back.id()).isEqualTo(doc.id());
    }
  }
}
