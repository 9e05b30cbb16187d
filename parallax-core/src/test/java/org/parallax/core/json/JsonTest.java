package org.parallax.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;

class JsonTest {

  record Mention(Span span, String type, String canonical) {}

  static final Layer<List<Mention>> MENTIONS = Layer.listOf("mentions", Mention.class);

  @Test
  void documentSurvivesRoundTripWithTypedLayers() {
    Document d =
        Document.of(
                new Source(
                    "a1",
                    "x.jsonl#1",
                    "https://news.example/a",
                    "jsonl",
                    Map.of("section", "world")),
                new Metadata("Title", List.of("Ana Ruiz"), "2024-03-04", "The Ledger", "en"),
                "Ana Ruiz met General Reiner.")
            .with(MENTIONS, List.of(new Mention(new Span(0, 8), "PERSON", "Ana Ruiz")))
            .with(Diagnostic.LAYER, List.of(new Diagnostic("ingest", "guessed encoding")));
    Document back = Json.read(Json.write(d));
    assertThat(back.id()).isEqualTo(d.id());
    assertThat(back.source()).isEqualTo(d.source());
    assertThat(back.metadata()).isEqualTo(d.metadata());
    assertThat(back.get(MENTIONS)).isEqualTo(d.get(MENTIONS));
    assertThat(back.get(Diagnostic.LAYER)).isEqualTo(d.get(Diagnostic.LAYER));
    assertThat(Json.write(back)).isEqualTo(Json.write(d));
  }

  @Test
  void randomSpansStayInsideTextAndSurviveRoundTrip() {
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(200);
      for (int c = 0; c < length; c++) {
        text.appendCodePoint(
            random.nextInt(10) == 0 ? 0x1F600 + random.nextInt(50) : 'a' + random.nextInt(26));
      }
      String s = text.toString();
      int begin = s.isEmpty() ? 0 : random.nextInt(s.length());
      int end = begin + (s.length() == begin ? 0 : random.nextInt(s.length() - begin + 1));
      Document d =
          Document.of(Source.of("r" + i, "random", null, "txt"), Metadata.EMPTY, s)
              .with(MENTIONS, List.of(new Mention(new Span(begin, end), "MISC", null)));
      Document back = Json.read(Json.write(d));
      assertThat(back.text()).isEqualTo(s);
      Span span = back.get(MENTIONS).get(0).span();
      assertThat(span.end()).isLessThanOrEqualTo(back.text().length());
      assertThat(back.text(span)).isEqualTo(d.text(span));
    }
  }

  @Test
  void idIsStableAndIgnoresWhitespaceAndCase() {
    assertThat(Document.contentId("A  text\n", "u")).isEqualTo(Document.contentId("a text", "u"));
    assertThat(Document.contentId("a text", "u")).isNotEqualTo(Document.contentId("a text", "v"));
  }

  @Test
  void oneTextFromTwoOutletsWithoutUrlsIsTwoDocuments() {
    String text = "The same wire report, word for word.";
    Source noUrl = Source.of("r1", "in.jsonl#1", null, "jsonl");
    Metadata first = new Metadata(null, List.of(), null, "First Outlet", null);
    Metadata second = new Metadata(null, List.of(), null, "second-outlet.example", null);
    assertThat(Document.of(noUrl, first, text).id())
        .isNotEqualTo(Document.of(noUrl, second, text).id())
        .isEqualTo(Document.of(noUrl, first.withOutlet(" first outlet "), text).id());
    // with a URL the URL says where it was published; the outlet adds nothing
    Source withUrl = Source.of("r1", "in.jsonl#1", "https://example.org/a", "jsonl");
    assertThat(Document.of(withUrl, first, text).id())
        .isEqualTo(Document.of(withUrl, second, text).id())
        .isEqualTo(Document.contentId(text, "https://example.org/a"));
    // neither: the text alone
    Metadata none = new Metadata(null, List.of(), null, null, null);
    assertThat(Document.of(noUrl, none, text).id()).isEqualTo(Document.contentId(text, null));
  }
}
