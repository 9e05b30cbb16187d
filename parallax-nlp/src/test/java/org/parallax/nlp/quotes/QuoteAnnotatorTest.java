package org.parallax.nlp.quotes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.core.model.Span;
import org.parallax.core.pipeline.ConfigException;

class QuoteAnnotatorTest {

  private final QuoteAnnotator annotator = new QuoteAnnotator(QuoteAnnotator.Config.defaults());

  private List<Quote> quotes(HandMadeLayers layers) {
    Document document = annotator.annotate(layers.document());
    List<Quote> quotes = document.get(Quote.LAYER);
    assertInvariants(document.text(), quotes);
    return quotes;
  }

  private static List<Quote> ofKind(List<Quote> quotes, String kind) {
    return quotes.stream().filter(q -> q.kind().equals(kind)).toList();
  }

  @Test
  void quoteThenSpeakerWithAppositiveThenCue() {
    String text =
        "“This will only make things worse for everyone in the valley,” Anna Petrova, the"
            + " Ruritanian Foreign Ministry spokeswoman, wrote on her blog.";
    List<Quote> quotes = quotes(HandMadeLayers.of(text).person("Anna Petrova", "Anna Petrova"));

    assertThat(quotes).hasSize(1);
    Quote quote = quotes.get(0);
    assertThat(quote.kind()).isEqualTo(Quote.DIRECT);
    assertThat(quote.span().of(text))
        .isEqualTo("This will only make things worse for everyone in the valley");
    assertThat(quote.speaker()).isEqualTo("Anna Petrova");
    assertThat(quote.speakerSpan().of(text)).isEqualTo("Anna Petrova");
    assertThat(quote.cue()).isEqualTo("wrote");
    assertThat(quote.cueSpan().of(text)).isEqualTo("wrote");
  }

  @Test
  void speakerSaidColonQuoteAfterAnIntroductoryPhrase() {
    String text =
        "Lopez has long opposed new tolls. In her speech on Monday, Lopez said: “We acted to"
            + " prevent a conflict, not to begin one.”";
    List<Quote> quotes = quotes(HandMadeLayers.of(text).person("Lopez", "Maria Lopez"));

    assertThat(quotes)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.kind()).isEqualTo(Quote.DIRECT);
              assertThat(q.span().of(text))
                  .isEqualTo("We acted to prevent a conflict, not to begin one.");
              assertThat(q.speaker()).isEqualTo("Maria Lopez");
              assertThat(q.speakerSpan().begin()).isEqualTo(text.indexOf("Lopez said"));
              assertThat(q.cue()).isEqualTo("said");
            });
  }

  @Test
  void reportedAndDirectSpeechWithAPronounLater() {
    String text =
        "Governor Maria Lopez said the state closed the bridge \"to protect drivers, not to punish"
            + " them\". She said the city's \"long nightmare is over\" after the vote on Tuesday.";
    List<Quote> quotes = quotes(HandMadeLayers.of(text).person("Maria Lopez", "Maria Lopez"));

    List<Quote> direct = ofKind(quotes, Quote.DIRECT);
    List<Quote> reported = ofKind(quotes, Quote.REPORTED);
    assertThat(direct)
        .extracting(q -> q.span().of(text))
        .containsExactly("to protect drivers, not to punish them", "long nightmare is over");
    assertThat(reported)
        .extracting(q -> q.span().of(text))
        .containsExactly(
            "the state closed the bridge \"to protect drivers, not to punish them\"",
            "the city's \"long nightmare is over\" after the vote on Tuesday");
    assertThat(quotes)
        .allSatisfy(
            q -> {
              assertThat(q.speaker()).isEqualTo("Maria Lopez");
              assertThat(q.cue()).isEqualTo("said");
            });
    // The pronoun is where the second speaker is named.
    assertThat(direct.get(1).speakerSpan().of(text)).isEqualTo("She");
  }

  @Test
  void organisationStatedThatAndItAddedThat() {
    String text =
        "After the vote, the Ruritanian Interior Ministry stated that the decision will deepen the"
            + " crisis. It also added that talks would continue next month.";
    List<Quote> quotes =
        quotes(
            HandMadeLayers.of(text)
                .entity(
                    "Ruritanian Interior Ministry",
                    "ORGANIZATION",
                    "Ruritanian Interior Ministry"));

    assertThat(quotes).extracting(Quote::kind).containsOnly(Quote.REPORTED);
    assertThat(quotes)
        .extracting(q -> q.span().of(text))
        .containsExactly("the decision will deepen the crisis", "talks would continue next month");
    assertThat(quotes).extracting(Quote::speaker).containsOnly("Ruritanian Interior Ministry");
    assertThat(quotes).extracting(Quote::cue).containsExactly("stated", "added");
  }

  @Test
  void aNationalityBeforeAnOrganisationStaysWithTheSpeaker() {
    String text = "The Ruritanian Foreign Ministry stated that the talks had failed.";
    List<Quote> quotes =
        quotes(
            HandMadeLayers.of(text)
                .entity("Ruritanian", "MISC", "Ruritanian")
                .entity("Foreign Ministry", "ORGANIZATION", "Foreign Ministry"));

    assertThat(quotes)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.speaker()).isEqualTo("Ruritanian Foreign Ministry");
              assertThat(q.speakerSpan().of(text)).isEqualTo("Ruritanian Foreign Ministry");
            });
  }

  @Test
  void accordingToANounPhrase() {
    String text = "The border was closed again on Sunday, according to the ministry.";
    List<Quote> quotes = quotes(HandMadeLayers.of(text));

    assertThat(quotes)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.kind()).isEqualTo(Quote.REPORTED);
              assertThat(q.span().of(text)).isEqualTo("The border was closed again on Sunday");
              assertThat(q.speaker()).isEqualTo("the ministry");
              assertThat(q.cue()).isEqualTo("according to");
            });
  }

  @Test
  void accordingToEvidenceIsNoQuoteAndAStatementReferredBackIsItsAuthors() {
    String text =
        "The harbour authority said that the pier would stay closed until March.\n\n"
            + "The repairs will cost twice the first estimate, according to the same statement."
            + " Traffic through the port fell by a third, according to available data."
            + " Two cranes were damaged, according to a statement."
            + " The dredging is late, according to a Harbour Board report.";
    List<Quote> quotes =
        quotes(
            HandMadeLayers.of(text)
                .entity("harbour authority", "ORGANIZATION", "Harbour Authority"));

    assertThat(quotes)
        .extracting(Quote::speaker)
        .containsExactly("Harbour Authority", "Harbour Authority", "a Harbour Board report");
    assertThat(quotes.get(1).span().of(text))
        .isEqualTo("The repairs will cost twice the first estimate");
    assertThat(quotes.get(1).speakerSpan().of(text)).isEqualTo("the same statement");
    assertThat(quotes).noneMatch(q -> q.span().of(text).contains("Traffic"));
    assertThat(quotes).noneMatch(q -> q.span().of(text).contains("cranes"));
  }

  @Test
  void aPersonNamedWithHerAffiliationOrTitleIsTheSpeaker() {
    String text =
        "Dr. Ana Berg of the Marlow Institute told reporters that the dock had reopened.\n\n"
            + "Die Hafenexpertin Ana Berg vom Marlow-Institut sagte, dass der Hafen offen sei.\n\n"
            + "\u00ab Le quai est rouvert \u00bb, a d\u00e9clar\u00e9 la chercheuse Ana Berg mardi"
            + " lors d'un point presse.\n\n"
            + "\u201cThe contract is void,\u201d said the lawyer of Ana Berg.\n\n"
            + "Ana Berg's lawyer said that the contract was void.\n\n"
            + "The Ana Berg campaign said that it would appeal.";
    List<Quote> quotes =
        quotes(
            HandMadeLayers.of(text)
                .person("Ana Berg", "Ana Berg")
                .entity("Marlow Institute", "ORGANIZATION", "Marlow Institute"));

    assertThat(quotes)
        .extracting(Quote::speaker)
        .containsExactly(
            "Ana Berg",
            "Ana Berg",
            "Ana Berg",
            "the lawyer of Ana Berg",
            "Ana Berg's lawyer",
            "The Ana Berg campaign");
    // the speaker's span is the name, not the title or the affiliation around it
    assertThat(quotes.subList(0, 3))
        .allSatisfy(q -> assertThat(q.speakerSpan().of(text)).isEqualTo("Ana Berg"));
  }

  @Test
  void aShortAdjunctMayStandBetweenTheCueAndItsThat() {
    String text =
        "Ana Berg wrote on her channel that the dock would reopen in May.\n\n"
            + "Ana Berg escribi\u00f3 en su canal que el muelle abrir\u00e1 en mayo.\n\n"
            + "Ana Berg wrote a letter to the council about the dock.";
    List<Quote> quotes = quotes(HandMadeLayers.of(text).person("Ana Berg", "Ana Berg"));

    assertThat(quotes)
        .extracting(q -> q.span().of(text))
        .containsExactly("the dock would reopen in May", "el muelle abrir\u00e1 en mayo");
    assertThat(quotes).extracting(Quote::speaker).containsOnly("Ana Berg");
    assertThat(quotes).extracting(Quote::kind).containsOnly(Quote.REPORTED);
  }

  @Test
  void aNameInAppositionSpeaksAndFrenchPronounsAreResolved() {
    String text =
        "Sa porte-parole, Ana Berg, a \u00e9crit sur sa cha\u00eene que le quai rouvrira.\n\n"
            + "Elle a expliqu\u00e9 aux journalistes que les travaux \u00e9taient finis.";
    List<Quote> quotes = quotes(HandMadeLayers.of(text).person("Ana Berg", "Ana Berg"));

    assertThat(quotes).extracting(Quote::speaker).containsExactly("Ana Berg", "Ana Berg");
    assertThat(quotes.get(1).speakerSpan().of(text)).isEqualTo("Elle");
    assertThat(quotes.get(0).span().of(text)).isEqualTo("le quai rouvrira");
  }

  @Test
  void aVerbWithoutSubjectSpeaksForTheSpeakerBeforeItAndSoTakesAnArticle() {
    String text =
        "La analista Ana Berg dijo que el puerto abrir\u00e1 pronto.\n\n"
            + "\"Por ahora, todo va bien en el muelle\", a\u00f1adi\u00f3.\n\n"
            + "Das Schiff lag die ganze Nacht still, so das Ministerium.";
    List<Quote> quotes = quotes(HandMadeLayers.of(text).person("Ana Berg", "Ana Berg"));

    assertThat(quotes)
        .extracting(Quote::speaker)
        .containsExactly("Ana Berg", "Ana Berg", "das Ministerium");
    assertThat(quotes.get(1).kind()).isEqualTo(Quote.DIRECT);
    assertThat(quotes.get(1).speakerSpan().of(text)).isEqualTo("a\u00f1adi\u00f3");
    assertThat(quotes.get(2).span().of(text)).isEqualTo("Das Schiff lag die ganze Nacht still");
  }

  @Test
  void anOrganisationAfterACommaAndATimeAdjunctBeforeThat() {
    String text =
        "Search teams suspended night operations because of high seas, the Marlow coast guard"
            + " said.\n\n"
            + "The finance ministry stated last month that the deficit would grow.\n\n"
            + "Ana Berg said in a video posted Thursday on her channel that the pier was safe.";
    List<Quote> quotes =
        quotes(
            HandMadeLayers.of(text)
                .entity("Marlow coast guard", "ORGANIZATION", "Marlow coast guard")
                .person("Ana Berg", "Ana Berg"));

    assertThat(quotes)
        .extracting(q -> q.span().of(text))
        .containsExactly(
            "Search teams suspended night operations because of high seas",
            "the deficit would grow",
            "the pier was safe");
    assertThat(quotes)
        .extracting(Quote::speaker)
        .containsExactly("Marlow coast guard", "The finance ministry", "Ana Berg");
  }

  @Test
  void aNameThatModifiesANounIsNotTheSpeakerButANameAfterItIs() {
    String text =
        "\u201cThe pier is safe,\u201d said Halm adviser Tom Lund.\n\n"
            + "\u201cWe will appeal,\u201d said the Ana Berg campaign.\n\n"
            + "\u201cWe will rebuild,\u201d said Ana Berg on Tuesday.\n\n"
            + "The woman who accused Tom Lund of serious fraud said that she had proof.\n\n"
            + "Tom Lund wrote the \u201cpier must stay open to every boat\u201d in his column.";
    List<Quote> quotes =
        quotes(
            HandMadeLayers.of(text)
                .person("Ana Berg", "Ana Berg")
                .person("Tom Lund", "Tom Lund")
                .person("Halm", "Viktor Halm"));

    assertThat(quotes)
        .extracting(Quote::speaker)
        .containsExactly("Tom Lund", "the Ana Berg campaign", "Ana Berg", "Tom Lund", "Tom Lund");
    // the accused is not who speaks, and "Tom Lund of serious fraud" is no one: no quote there
    assertThat(quotes).noneMatch(q -> q.span().of(text).contains("proof"));
    assertThat(quotes.get(3).span().of(text)).startsWith("the \u201cpier must stay open");
  }

  @Test
  void nounPhraseSpeakersBeforeAColonAndAfterAnInvertedCue() {
    String text =
        "The agency warned: “Prices will rise sharply before winter.”\n\n"
            + "“We will rebuild the school within a year,” said the mayor.";
    List<Quote> quotes = quotes(HandMadeLayers.of(text));

    assertThat(quotes).extracting(Quote::speaker).containsExactly("The agency", "the mayor");
    assertThat(quotes).extracting(Quote::cue).containsExactly("warned", "said");
    assertThat(quotes).extracting(Quote::kind).containsOnly(Quote.DIRECT);
  }

  @Test
  void toldReportersAndAPersonPronounWithoutAnEarlierQuote() {
    String text =
        "Minister Tom Berg visited the port on Friday. He told reporters the harbour would"
            + " expand next year.";
    List<Quote> quotes = quotes(HandMadeLayers.of(text).person("Tom Berg", "Tom Berg"));

    assertThat(quotes)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.span().of(text)).isEqualTo("the harbour would expand next year");
              assertThat(q.speaker()).isEqualTo("Tom Berg");
              assertThat(q.speakerSpan().of(text)).isEqualTo("He");
              assertThat(q.cue()).isEqualTo("told");
            });
  }

  @Test
  void quotesMaySpanSentences() {
    String text = "“We came here first. We will stay here,” Lopez said.";
    List<Quote> quotes = quotes(HandMadeLayers.of(text).person("Lopez", "Maria Lopez"));

    assertThat(quotes)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.span().of(text)).isEqualTo("We came here first. We will stay here");
              assertThat(q.speaker()).isEqualTo("Maria Lopez");
            });
  }

  @Test
  void unattributedScareQuotesAreIgnoredButLongerQuotesAreKept() {
    String text =
        "Critics called the closure a ‘defensive move’ and said nothing else. The officials"
            + " didn’t comment. The banner read \"we will never forget this day\" in red letters.";
    List<Quote> quotes = quotes(HandMadeLayers.of(text));

    assertThat(quotes)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.span().of(text)).isEqualTo("we will never forget this day");
              assertThat(q.kind()).isEqualTo(Quote.DIRECT);
              assertThat(q.speaker()).isNull();
              assertThat(q.speakerSpan()).isNull();
              assertThat(q.cue()).isNull();
            });
  }

  @Test
  void shortQuotesWithASpeakerAreKept() {
    String text = "Berg said the plan was \"simply wrong\" and left.";
    List<Quote> quotes = quotes(HandMadeLayers.of(text).person("Berg", "Tom Berg"));

    assertThat(ofKind(quotes, Quote.DIRECT))
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.span().of(text)).isEqualTo("simply wrong");
              assertThat(q.speaker()).isEqualTo("Tom Berg");
            });
  }

  @Test
  void germanFrenchAndSpanishCues() {
    String text =
        "„Wir werden nicht nachgeben“, sagte Schmidt.\n\n"
            + "Die Grenze bleibt bis Montag geschlossen, so Schmidt.\n\n"
            + "Selon le ministère, la frontière restera fermée demain.\n\n"
            + "«No vamos a ceder ante nadie», dijo García.";
    List<Quote> quotes =
        quotes(
            HandMadeLayers.of(text)
                .person("Schmidt", "Karl Schmidt")
                .person("García", "Ana García"));

    assertThat(quotes)
        .extracting(q -> q.span().of(text), Quote::speaker, Quote::cue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Wir werden nicht nachgeben", "Karl Schmidt", "sagte"),
            org.assertj.core.groups.Tuple.tuple(
                "Die Grenze bleibt bis Montag geschlossen", "Karl Schmidt", "so"),
            org.assertj.core.groups.Tuple.tuple(
                "la frontière restera fermée demain", "le ministère", "Selon"),
            org.assertj.core.groups.Tuple.tuple(
                "No vamos a ceder ante nadie", "Ana García", "dijo"));
  }

  @Test
  void passivesAndPlainVerbsAreNotSpeech() {
    String text =
        "The bridge was said to be unsafe. The company posted record profits. Trump announced"
            + " sanctions on Monday.";
    assertThat(quotes(HandMadeLayers.of(text).person("Trump", "Donald Trump"))).isEmpty();
  }

  @Test
  void anEmptyDocumentHasNoQuotes() {
    assertThat(quotes(HandMadeLayers.of(""))).isEmpty();
  }

  @Test
  void survivesAJsonRoundTrip() {
    String text = "“We will rebuild,” said the mayor. The road is closed, according to police.";
    Document document = annotator.annotate(HandMadeLayers.of(text).document());

    Document back = Json.read(Json.write(document));

    assertThat(back.get(Quote.LAYER)).isEqualTo(document.get(Quote.LAYER)).hasSize(2);
  }

  @Test
  void factoryAcceptsCoreNlpAttributionAndRejectsUnknownOptions() {
    QuoteAnnotatorFactory factory = new QuoteAnnotatorFactory();

    assertThat(factory.create(Map.of("reported", "false"))).isInstanceOf(QuoteAnnotator.class);
    // Creating the annotator must not load the CoreNLP models; the first document does.
    assertThat(((QuoteAnnotator) factory.create(Map.of("attribution", "corenlp"))).config())
        .extracting(QuoteAnnotator.Config::attribution)
        .isEqualTo(QuoteAnnotator.CORENLP);
    assertThatThrownBy(() -> factory.create(Map.of("speaker", "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("speaker");
    assertThatThrownBy(() -> factory.create(Map.of("attribution", "nonsense")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nonsense")
        .hasMessageContaining("'rules'")
        .hasMessageContaining("'corenlp'");
    assertThatThrownBy(() -> factory.create(Map.of("maxCueDistance", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("maxCueDistance");
  }

  @Test
  void reportedSpeechCanBeSwitchedOff() {
    String text = "The border was closed again on Sunday, according to the ministry.";
    QuoteAnnotator directOnly =
        (QuoteAnnotator) new QuoteAnnotatorFactory().create(Map.of("reported", "false"));

    assertThat(directOnly.annotate(HandMadeLayers.of(text).document()).get(Quote.LAYER)).isEmpty();
  }

  static void assertInvariants(String text, List<Quote> quotes) {
    Span previous = new Span(0, 0);
    for (Quote quote : quotes) {
      assertThat(quote.span().end()).isLessThanOrEqualTo(text.length());
      assertThat(quote.span().length()).isPositive();
      assertThat(quote.span().compareTo(previous)).isGreaterThanOrEqualTo(0);
      assertThat(quote.kind()).isIn(Quote.DIRECT, Quote.REPORTED);
      if (quote.kind().equals(Quote.DIRECT)) {
        assertThat(quote.span().of(text)).doesNotStartWith("“").doesNotEndWith("”");
      }
      assertThat(quote.span().of(text).strip()).isEqualTo(quote.span().of(text));
      if (quote.cueSpan() != null) {
        assertThat(quote.cueSpan().of(text)).isEqualTo(quote.cue());
      }
      if (quote.speakerSpan() != null) {
        assertThat(quote.speakerSpan().end()).isLessThanOrEqualTo(text.length());
      }
      previous = quote.span();
    }
  }
}
