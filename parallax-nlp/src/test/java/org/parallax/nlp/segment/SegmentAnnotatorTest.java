package org.parallax.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;
import org.parallax.core.pipeline.ConfigException;

class SegmentAnnotatorTest {

  private static final SegmentAnnotator SEGMENT =
      new SegmentAnnotator(SegmentAnnotator.Config.DEFAULTS);

  private static Document segment(String text) {
    return SEGMENT.annotate(Document.of(Source.of("t", "t", null, "txt"), Metadata.EMPTY, text));
  }

  private static List<String> texts(Document d, List<Span> spans) {
    return spans.stream().map(d::text).toList();
  }

  @Test
  void abbreviationsAndQuotesDoNotEndSentences() {
    Document d =
        segment(
            "On Jan. 2 the U.S. envoy met Gen. Tomas Reiner in Kestra. \"We talked,\" he said."
                + " Reiner left.");
    List<String> sentences = texts(d, d.get(Sentence.LAYER).stream().map(Sentence::span).toList());
    assertThat(sentences)
        .containsExactly(
            "On Jan. 2 the U.S. envoy met Gen. Tomas Reiner in Kestra.",
            "\"We talked,\" he said.",
            "Reiner left.");
    assertThat(texts(d, d.get(Token.LAYER).stream().map(Token::span).toList()))
        .contains("Jan.", "U.S.", "Gen.", "Reiner", "Kestra", "\"", "talked");
  }

  @Test
  void headingsAndListLinesAreParagraphsButWrappedProseIsOne() {
    String wrapped =
        "The council of Kestra met on Tuesday morning to discuss the harbour\n"
            + "and the new tax on grain that the traders had asked for since the\n"
            + "spring.";
    String text = "Harbour Tax Vote\n\n" + wrapped + "\n\nItems:\nfirst item\nsecond item";
    Document d = segment(text);
    assertThat(texts(d, d.get(Paragraph.LAYER).stream().map(Paragraph::span).toList()))
        .containsExactly("Harbour Tax Vote", wrapped, "Items:", "first item", "second item");
    assertThat(d.get(Sentence.LAYER)).hasSize(5);
  }

  @Test
  void otherScriptsAreSplitWithBreakIterator() {
    String text = "Президент приехал в город. Он выступил с речью.\n\nالرئيس وصل. ثم تكلم.";
    Document d = segment(text);
    assertThat(texts(d, d.get(Sentence.LAYER).stream().map(Sentence::span).toList()))
        .containsExactly(
            "Президент приехал в город.", "Он выступил с речью.", "الرئيس وصل.", "ثم تكلم.");
    assertThat(texts(d, d.get(Token.LAYER).stream().map(Token::span).toList()))
        .startsWith("Президент", "приехал", "в", "город", ".");
  }

  @Test
  void emptyTextHasNoSegments() {
    Document d = segment(" \n\n \t\n");
    assertThat(d.get(Paragraph.LAYER)).isEmpty();
    assertThat(d.get(Sentence.LAYER)).isEmpty();
    assertThat(d.get(Token.LAYER)).isEmpty();
  }

  @Test
  void randomTextKeepsSpansNestedOrderedAndSurvivesJson() {
    String[] pieces = {
      "Reiner", "said", "U.S.", "Jan.", "2", ".", "\"", "?", "\n", "\n\n", " ", "Кестра", "قال",
      "—", "(", ")", "😀", "can't", "Mr.", "Tomás", "\r\n", "'s"
    };
    Random random = new Random(42);
    for (int round = 0; round < 40; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 60; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextBoolean()) {
          text.append(' ');
        }
      }
      Document d = segment(text.toString());
      List<Span> paragraphs = d.get(Paragraph.LAYER).stream().map(Paragraph::span).toList();
      List<Span> sentences = d.get(Sentence.LAYER).stream().map(Sentence::span).toList();
      List<Span> tokens = d.get(Token.LAYER).stream().map(Token::span).toList();
      assertOrderedInside(paragraphs, new Span(0, d.text().length()));
      assertOrderedInside(sentences, new Span(0, d.text().length()));
      assertOrderedInside(tokens, new Span(0, d.text().length()));
      for (Span sentence : sentences) {
        assertThat(paragraphs).anyMatch(p -> p.contains(sentence));
      }
      for (Span token : tokens) {
        assertThat(sentences).anyMatch(s -> s.contains(token));
        assertThat(d.text(token)).isNotBlank();
      }
      Document back = Json.read(Json.write(d));
      assertThat(back.get(Token.LAYER)).isEqualTo(d.get(Token.LAYER));
      assertThat(back.get(Sentence.LAYER)).isEqualTo(d.get(Sentence.LAYER));
      assertThat(back.get(Paragraph.LAYER)).isEqualTo(d.get(Paragraph.LAYER));
    }
  }

  private static void assertOrderedInside(List<Span> spans, Span text) {
    for (int i = 0; i < spans.size(); i++) {
      assertThat(text.contains(spans.get(i))).isTrue();
      assertThat(spans.get(i).length()).isPositive();
      if (i > 0) {
        assertThat(spans.get(i).begin()).isGreaterThanOrEqualTo(spans.get(i - 1).end());
      }
    }
  }

  @Test
  void factoryRejectsUnknownOptionsAndLanguages() {
    SegmentFactory factory = new SegmentFactory();
    assertThatThrownBy(() -> factory.create(Map.of("joinWrapedLines", "true")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("joinWrapedLines");
    assertThatThrownBy(() -> factory.create(Map.of("tokenizerLanguage", "xx")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tokenizerLanguage");
    assertThat(factory.create(Map.of("joinWrappedLines", "false")).produces())
        .contains(Paragraph.LAYER, Sentence.LAYER, Token.LAYER);
  }
}
