package org.parallax.nlp.quotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Span;

/** How CoreNLP's attribution is merged into the rules' quotes; no model is loaded. */
class CoreNlpQuotesTest {

  private static final Span QUOTE = new Span(10, 40);
  private static final Span RULE_SPEAKER = new Span(50, 55);
  private static final Span PRONOUN = new Span(60, 63);

  @Test
  void coreNlpSpeakerReplacesTheRulesOne() {
    Quote rule =
        new Quote(QUOTE, Quote.DIRECT, "Helga Berg", RULE_SPEAKER, "said", new Span(56, 60));
    CoreNlpQuotes.Attributed coreNlp =
        new CoreNlpQuotes.Attributed(
            new Span(10, 40), "Elena Varga", PRONOUN, "added", new Span(64, 69));

    assertThat(CoreNlpQuotes.merge(List.of(rule), List.of(coreNlp)))
        .containsExactly(
            new Quote(QUOTE, Quote.DIRECT, "Elena Varga", PRONOUN, "added", new Span(64, 69)));
  }

  @Test
  void rulesSpeakerStandsWhereCoreNlpNamesNobody() {
    Quote rule =
        new Quote(QUOTE, Quote.DIRECT, "Helga Berg", RULE_SPEAKER, "said", new Span(56, 60));
    CoreNlpQuotes.Attributed nobody =
        new CoreNlpQuotes.Attributed(new Span(10, 40), null, null, null, null);

    assertThat(CoreNlpQuotes.merge(List.of(rule), List.of(nobody))).containsExactly(rule);
  }

  @Test
  void rulesCueIsKeptWhenBothNameTheSameMention() {
    Quote rule = new Quote(QUOTE, Quote.DIRECT, "Berg", RULE_SPEAKER, "said", new Span(56, 60));
    CoreNlpQuotes.Attributed sameMention =
        new CoreNlpQuotes.Attributed(new Span(10, 40), "Helga Berg", RULE_SPEAKER, null, null);

    assertThat(CoreNlpQuotes.merge(List.of(rule), List.of(sameMention)))
        .containsExactly(
            new Quote(QUOTE, Quote.DIRECT, "Helga Berg", RULE_SPEAKER, "said", new Span(56, 60)));
  }

  @Test
  void reportedSpeechAndQuotesOnlyCoreNlpSeesAreLeftAsTheRulesHaveThem() {
    Quote reported =
        new Quote(new Span(0, 8), Quote.REPORTED, "the ministry", RULE_SPEAKER, "stated", null);
    CoreNlpQuotes.Attributed overReported =
        new CoreNlpQuotes.Attributed(new Span(0, 8), "Elena Varga", PRONOUN, null, null);
    CoreNlpQuotes.Attributed onlyCoreNlp =
        new CoreNlpQuotes.Attributed(new Span(100, 400), "Elena Varga", PRONOUN, null, null);

    assertThat(CoreNlpQuotes.merge(List.of(reported), List.of(overReported, onlyCoreNlp)))
        .containsExactly(reported);
  }
}
