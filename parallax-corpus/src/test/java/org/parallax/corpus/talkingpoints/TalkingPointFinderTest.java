package org.parallax.corpus.talkingpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleQuote;
import org.parallax.corpus.article.ArticleSentence;
import org.parallax.corpus.talkingpoints.TalkingPoints.TalkingPoint;

/**
 * The finder's rules on articles we build ourselves, with synthetic embeddings: members of one
 * claim lie near a shared direction (cosine about 0.7), everything else is random.
 */
class TalkingPointFinderTest {

  private static final int DIM = 384;
  private final Random random = new Random(7);
  private final float[] claimA = randomUnit();
  private final float[] claimB = randomUnit();

  private float[] randomUnit() {
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return normalise(v);
  }

  private static float[] normalise(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] /= (float) Math.sqrt(norm);
    }
    return v;
  }

  private float[] near(float[] centre, double noise) {
    float[] n = randomUnit();
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = centre[i] + (float) noise * n[i];
    }
    return normalise(v);
  }

  /** A sentence with its vector; {@code quoteSpeaker} non-null makes it a quote. */
  private record Line(String text, float[] vector, String quoteSpeaker) {
    Line(String text, float[] vector) {
      this(text, vector, null);
    }
  }

  private static Article article(String id, String outlet, String published, Line... lines) {
    StringBuilder text = new StringBuilder();
    List<ArticleSentence> sentences = new ArrayList<>();
    List<ArticleQuote> quotes = new ArrayList<>();
    for (Line line : lines) {
      int begin = text.length();
      text.append(line.text());
      sentences.add(new ArticleSentence(begin, text.length(), line.vector()));
      if (line.quoteSpeaker() != null) {
        quotes.add(new ArticleQuote(begin, text.length(), "direct", line.quoteSpeaker()));
      }
      text.append("\n\n");
    }
    return new Article(
        id,
        outlet,
        null,
        published,
        "en",
        null,
        text.toString(),
        sentences,
        null,
        List.of(),
        quotes);
  }

  private Line filler(String words) {
    return new Line("Our reporter noted that " + words + " in the afternoon.", randomUnit());
  }

  private static Article inLanguage(String language, Article a) {
    return new Article(
        a.id(),
        a.outlet(),
        a.url(),
        a.published(),
        language,
        a.title(),
        a.text(),
        a.sentences(),
        a.vector(),
        a.mentions(),
        a.quotes());
  }

  /** Two articles whose sentences the encoder puts close together (cosine about 0.99). */
  private List<Article> closeSentences(String language, String first, String second) {
    return List.of(
        inLanguage(
            language,
            article(
                "x1",
                "Alpha News",
                null,
                new Line(first, near(claimB, 0.1)),
                filler("the market opened late"),
                filler("a choir sang near the river"))),
        inLanguage(
            language,
            article(
                "x2",
                "Beta Times",
                null,
                new Line(second, near(claimB, 0.1)),
                filler("traffic was light downtown"),
                filler("the museum closed its north wing"))));
  }

  @Test
  void outsideTheEncodersLanguagesOnlySharedWordsMakeATalkingPoint() {
    String ferry = "The ferry strike closed the harbour of Kestra for two whole days.";
    String grain = "Farmers in the valley expect a smaller grain harvest after the dry spring.";
    TalkingPointsConfig defaults = TalkingPointsConfig.defaults();
    // in the encoder's language a cosine this high is a paraphrase without shared words
    assertThat(
            TalkingPointFinder.find(closeSentences("en", ferry, grain), defaults).talkingPoints())
        .hasSize(1);
    // in another it is no evidence (an English encoder puts any two Greek sentences close)
    assertThat(
            TalkingPointFinder.find(closeSentences("el", ferry, grain), defaults).talkingPoints())
        .isEmpty();
    String ferryAgain = "A ferry strike closed the harbour of Kestra for two days.";
    assertThat(
            TalkingPointFinder.find(closeSentences("el", ferry, ferryAgain), defaults)
                .talkingPoints())
        .hasSize(1);
    // between two languages, neither words nor cosine say anything
    List<Article> mixed = closeSentences("el", ferry, grain);
    assertThat(
            TalkingPointFinder.find(List.of(mixed.get(0), inLanguage("en", mixed.get(1))), defaults)
                .talkingPoints())
        .isEmpty();
  }

  @Test
  void paraphrasesAcrossOutletsBecomeOneTalkingPoint() {
    List<Article> corpus =
        List.of(
            article(
                "d1",
                "Alpha News",
                "2024-05-02",
                new Line(
                    "The mayor ignored the engineers who warned about the bridge for years.",
                    near(claimA, 0.6)),
                filler("the market opened late")),
            article(
                "d2",
                "Beta Times",
                "2024-05-01",
                new Line(
                    "For years engineers warned the mayor about the bridge, and he ignored them.",
                    near(claimA, 0.6)),
                filler("traffic was light downtown")),
            article(
                "d3",
                "Beta Times",
                "2024-05-03",
                new Line(
                    "Warnings from engineers about the bridge were ignored by the mayor.",
                    near(claimA, 0.6))),
            article(
                "d4",
                "Gamma Post",
                null,
                new Line(
                    "Engineers say the mayor ignored their warnings about the old bridge.",
                    near(claimA, 0.6)),
                filler("a choir sang near the river")));
    TalkingPoints found = TalkingPointFinder.find(corpus, TalkingPointsConfig.defaults());

    assertThat(found.talkingPoints()).hasSize(1);
    TalkingPoint point = found.talkingPoints().get(0);
    assertThat(point.kind()).isEqualTo("paraphrased");
    assertThat(point.size()).isEqualTo(4);
    // two Beta Times articles count as one outlet
    assertThat(point.outletCount()).isEqualTo(3);
    assertThat(point.outlets()).containsExactly("Beta Times", "Alpha News", "Gamma Post");
    assertThat(point.first().document()).isEqualTo("d2");
    assertThat(point.first().published()).isEqualTo("2024-05-01");
    assertThat(point.members())
        .extracting(TalkingPoints.Carrier::document)
        .containsExactly("d2", "d1", "d3", "d4");
    assertThat(point.members())
        .allSatisfy(
            c -> assertThat(c.text()).containsIgnoringCase("engineers").doesNotContain("\n"));
    assertThat(point.members()).anySatisfy(c -> assertThat(c.similarity()).isEqualTo(1.0));
    assertThat(found.recurringQuotes()).isEmpty();
  }

  @Test
  void sameTopicWithoutSharedClaimWordsStaysApart() {
    // near in embedding space, but the decoy shares no content words with the claim
    List<Article> corpus =
        List.of(
            article(
                "d1",
                "Alpha News",
                null,
                new Line(
                    "The mayor ignored warnings about the bridge for years.", near(claimA, 0.6))),
            article(
                "d2",
                "Beta Times",
                null,
                new Line(
                    "Inspectors certified every span as sound during spring checks.",
                    near(claimA, 0.6))));
    assertThat(TalkingPointFinder.find(corpus, TalkingPointsConfig.defaults()).talkingPoints())
        .isEmpty();
  }

  @Test
  void repeatsInsideOneDocumentOrOneOutletAreNotTalkingPoints() {
    String claim = "The mayor ignored the engineers who warned about the bridge for years.";
    List<Article> corpus =
        List.of(
            article(
                "d1",
                "Alpha News",
                null,
                new Line(claim, near(claimA, 0.1)),
                new Line(claim, near(claimA, 0.1))),
            article("d2", "Alpha News", null, new Line(claim, near(claimA, 0.1))));
    assertThat(TalkingPointFinder.find(corpus, TalkingPointsConfig.defaults()).talkingPoints())
        .isEmpty();
  }

  /**
   * Two sentences at cosine ~0.5 sharing "harbour", "tax", "grain", "double" in six documents whose
   * other sentences are {@code fillerNoise} away from one topic centre (mean cosine ~0.15 when
   * noise is large, ~0.6 when small).
   */
  private List<Article> claimAmong(double fillerNoise) {
    float[] topic = randomUnit();
    List<Article> corpus = new ArrayList<>();
    for (int d = 0; d < 6; d++) {
      List<Line> lines = new ArrayList<>();
      if (d < 2) {
        lines.add(
            new Line(
                d == 0
                    ? "The new harbour tax will double the price of imported grain."
                    : "Importers say grain will cost double once the harbour tax starts.",
                near(claimA, 1.0)));
      }
      for (int k = 0; k < 10; k++) {
        lines.add(new Line(inventedSentence(d * 10 + k), near(topic, fillerNoise)));
      }
      corpus.add(article("d" + d, "Outlet " + d, null, lines.toArray(Line[]::new)));
    }
    return corpus;
  }

  /** Seven invented words no other sentence of {@link #claimAmong} shares. */
  private static String inventedSentence(int n) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < 7; w++) {
      text.append(w == 0 ? "Zo" : " zo").append(Integer.toString(n * 7 + w, 26).replace('0', 'q'));
    }
    return text.append('.').toString();
  }

  @Test
  void inACorpusOnOneTopicModerateCosineNoLongerMakesAParaphrase() {
    TalkingPointsConfig defaults = TalkingPointsConfig.defaults();
    // many subjects: the claim pair (cosine ~0.5, four shared words) is a talking point
    assertThat(TalkingPointFinder.find(claimAmong(3.0), defaults).talkingPoints())
        .extracting(p -> p.outletCount())
        .containsExactly(2);
    // one subject, every sentence ~0.6 from every other: the same pair is nothing special
    assertThat(TalkingPointFinder.find(claimAmong(0.8), defaults).talkingPoints()).isEmpty();
    assertThat(defaults.adjusted(0.35, 0.6)).isCloseTo(0.6 + 0.2 * 0.4 / 0.85, within(1e-9));
    assertThat(defaults.adjusted(0.35, 0.1)).isEqualTo(0.35);
  }

  @Test
  void aSentenceRepeatedByManyCopiesIsComparedOnceAndCarriedByAll() {
    // 60 outlets republish one wire story: its two sentences are compared once, not 60 x 59 / 2
    // times each, and each talking point still lists every carrier
    float[] first = near(claimA, 0.1);
    float[] second = near(claimB, 0.1);
    List<Article> corpus = new ArrayList<>();
    for (int d = 0; d < 60; d++) {
      corpus.add(
          article(
              "copy" + d,
              "Outlet " + d,
              null,
              new Line("The harbour tax will double the price of imported grain by winter.", first),
              new Line(
                  "Farmers' unions have called a protest outside the ministry on Monday.", second),
              filler("stall " + d + " opened late")));
    }
    TalkingPoints found = TalkingPointFinder.find(corpus, TalkingPointsConfig.defaults());
    // the fillers share a few words and add some pairs; 60 copies of two sentences would add 3,540
    assertThat(found.candidatePairs()).isLessThan(200);
    assertThat(found.talkingPoints()).hasSize(2);
    assertThat(found.talkingPoints())
        .allSatisfy(
            p -> {
              assertThat(p.kind()).isEqualTo("copied");
              assertThat(p.outletCount()).isEqualTo(60);
              assertThat(p.members()).hasSize(60);
            });
  }

  @Test
  void unknownOutletsAreEachTheirOwnAndFirstSeenWinsWithoutDates() {
    String claim = "The harbour tax will double the price of imported grain by winter.";
    List<Article> corpus =
        List.of(
            article("first", null, null, new Line(claim, near(claimB, 0.1))),
            article("second", null, null, new Line(claim, near(claimB, 0.1))));
    TalkingPoints found = TalkingPointFinder.find(corpus, TalkingPointsConfig.defaults());
    assertThat(found.talkingPoints()).hasSize(1);
    TalkingPoint point = found.talkingPoints().get(0);
    assertThat(point.kind()).isEqualTo("copied");
    assertThat(point.outlets()).containsExactly("unknown:first", "unknown:second");
    assertThat(point.first().document()).isEqualTo("first");
    assertThat(point.first().published()).isNull();
  }

  @Test
  void repeatedQuotesAreGroupedBySpeakerNotTalkingPoints() {
    String quote =
        "\u201cWe will rebuild the bridge before the winter comes,\u201d the mayor said.";
    List<Article> corpus =
        List.of(
            article("d1", "Alpha News", null, new Line(quote, near(claimB, 0.1), "Ana Mayor")),
            article("d2", "Beta Times", null, new Line(quote, near(claimB, 0.1), "Ana Mayor")),
            article("d3", "Gamma Post", null, new Line(quote, near(claimB, 0.1), "Ana Mayor")));
    TalkingPoints found = TalkingPointFinder.find(corpus, TalkingPointsConfig.defaults());
    assertThat(found.talkingPoints()).isEmpty();
    assertThat(found.recurringQuotes()).hasSize(1);
    assertThat(found.recurringQuotes().get(0).speaker()).isEqualTo("Ana Mayor");
    assertThat(found.recurringQuotes().get(0).outletCount()).isEqualTo(3);
    assertThat(found.recurringQuotes().get(0).quotes().get(0).size()).isEqualTo(3);
  }

  /** One sentence whose quoted words are {@code quoted}, attributed to {@code speaker}. */
  private Article quoting(String id, String outlet, String before, String quoted, String speaker) {
    String text = before + "\u201c" + quoted + "\u201d.\n\nOur reporter noted the weather.";
    int begin = before.length() + 1;
    int sentenceEnd = text.indexOf("\n\n");
    return new Article(
        id,
        outlet,
        null,
        null,
        "en",
        null,
        text,
        List.of(new ArticleSentence(0, sentenceEnd, randomUnit())),
        null,
        List.of(),
        List.of(new ArticleQuote(begin, begin + quoted.length(), "direct", speaker)));
  }

  @Test
  void theSameQuoteInDifferentSentencesIsOneRecurringQuoteOfItsSpeaker() {
    List<Article> corpus =
        List.of(
            quoting(
                "d1",
                "Alpha News",
                "Speaking on Friday, the mayor told reporters: ",
                "We closed the bridge to stop a disaster, not to start a war",
                "Ana Mayor"),
            quoting(
                "d2",
                "Beta Times",
                "The council's decision, the mayor insisted, was made ",
                "to stop a disaster, not to start a war",
                "ana mayor"),
            // the same words from someone else are not her quote
            quoting(
                "d3",
                "Gamma Post",
                "The harbour master, asked about the closure, replied ",
                "to stop a disaster, not to start a war",
                "Ben Harbour"),
            // her other quote shares one word with it
            quoting(
                "d4",
                "Delta Daily",
                "Later that week the mayor said in a statement ",
                "the disaster fund opens for applications on Monday",
                "Ana Mayor"));

    TalkingPoints found = TalkingPointFinder.find(corpus, TalkingPointsConfig.defaults());

    // the sentence vectors are unrelated: only the quoted words tie the first two together
    assertThat(found.talkingPoints()).isEmpty();
    assertThat(found.recurringQuotes())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.speaker()).isEqualToIgnoringCase("Ana Mayor");
              assertThat(q.outletCount()).isEqualTo(2);
              assertThat(q.quotes().get(0).documents()).containsExactlyInAnyOrder("d1", "d2");
            });
  }

  @Test
  void speakersAreFiledWithoutCaseArticlesOrPossessives() {
    assertThat(TalkingPointFinder.speakerKey("The Kestrany foreign ministry"))
        .isEqualTo(TalkingPointFinder.speakerKey("Kestrany's foreign ministry"))
        .isEqualTo(TalkingPointFinder.speakerKey("kestrany\u2019s Foreign  Ministry"))
        .isEqualTo("kestrany foreign ministry");
    assertThat(TalkingPointFinder.speakerKey("Ana Mayor"))
        .isNotEqualTo(TalkingPointFinder.speakerKey("Anna Mayor"));
  }

  @Test
  void headingsShortLinesAndBoilerplateAreSkipped() {
    assertThat(SentenceText.eligible("Why the bridge matters to everyone in town", null, 6))
        .isFalse();
    assertThat(SentenceText.eligible("The bridge fell.", null, 6)).isFalse();
    assertThat(
            SentenceText.eligible(
                "Share this article with your friends on social media today.", null, 6))
        .isFalse();
    assertThat(
            SentenceText.eligible(
                "\u00a9 2024 Alpha News. All rights reserved for every article.", null, 6))
        .isFalse();
    assertThat(SentenceText.eligible("The mayor ignored the warnings for years.", null, 6))
        .isTrue();
    assertThat(
            SentenceText.eligible(
                "The mayor ignored the warnings for years.",
                "The mayor ignored the warnings for years",
                6))
        .isFalse();
  }

  @Test
  void resultSurvivesAJsonRoundTrip() throws Exception {
    String claim = "The harbour tax will double the price of imported grain by winter.";
    TalkingPoints found =
        TalkingPointFinder.find(
            List.of(
                article("a", "Alpha News", "2024-01-01", new Line(claim, near(claimB, 0.1))),
                article("b", "Beta Times", "2024-01-02", new Line(claim, near(claimB, 0.1)))),
            TalkingPointsConfig.defaults());
    String json = org.parallax.core.json.Json.MAPPER.writeValueAsString(found);
    TalkingPoints back = org.parallax.core.json.Json.MAPPER.readValue(json, TalkingPoints.class);
    assertThat(back).isEqualTo(found);
  }

  @Test
  void badConfigurationNamesTheKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new TalkingPointsConfig(
                    6, 0.4, 0.8, 2, 0.1, 0.8, 1, 0.5, 192, 32, 14, 1000, 1L, 0.15, 0.5, "en"))
        .hasMessageContaining("min-outlets");
  }
}
