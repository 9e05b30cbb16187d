package org.parallax.persuasion.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Span;
import org.parallax.nlp.quotes.Quote;

class TechniqueAnnotatorTest {

  // "The mayor said “these vandals will pay” and left." — the quote covers 17..38.
  private static final List<Quote> QUOTES =
      List.of(new Quote(new Span(17, 38), Quote.DIRECT, "Ana Mayor", new Span(0, 9), "said", null));

  @Test
  void aSpanMostlyInsideAQuoteIsTheSpeakers() {
    assertThat(TechniqueAnnotator.enclosingQuote(QUOTES, 23, 30)).isEqualTo(QUOTES.get(0));
    assertThat(TechniqueAnnotator.enclosingQuote(QUOTES, 10, 30)).isEqualTo(QUOTES.get(0));
  }

  @Test
  void aSpanMostlyOutsideQuotesIsTheAuthors() {
    assertThat(TechniqueAnnotator.enclosingQuote(QUOTES, 0, 20)).isNull();
    assertThat(TechniqueAnnotator.enclosingQuote(QUOTES, 40, 48)).isNull();
    assertThat(TechniqueAnnotator.enclosingQuote(List.of(), 0, 5)).isNull();
  }
}
