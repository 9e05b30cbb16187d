package org.parallax.corpus.outlets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleMention;
import org.parallax.corpus.article.ArticleQuote;
import org.parallax.corpus.article.ArticleSentence;

class OutletProfilerTest {

  // A fictional general; outlet A praises him, outlet B condemns him, the wire stays flat.
  private static final String GENERAL = "Dario Velmont";

  private static final List<Article> CORPUS =
      List.of(
          article(
              "a1",
              "The Morning Lantern",
              "https://www.lantern.example/2024/03/velmont",
              "2024-03-02",
              "General Dario Velmont was a hero to the people of Orsk. The hero commander died a"
                  + " martyr on Tuesday. Crowds in Orsk mourned the general near the river."),
          article(
              "a2",
              "The Morning Lantern",
              "https://www.lantern.example/2024/03/mourners",
              "2024-03-04T08:00:00Z",
              "Mourners called Dario Velmont a martyr and a hero. The general fell near the river"
                  + " bridge, officials in Orsk confirmed."),
          article(
              "a3",
              "The Morning Lantern",
              "https://www.lantern.example/2024/03/funeral",
              null,
              "Dario Velmont, the martyr of Orsk, will be buried on Friday. The general remains a"
                  + " hero for the army."),
          article(
              "b1",
              "Eastgate Herald",
              "https://eastgate.test/news/1",
              "2024-03-03",
              "General Dario Velmont was a warlord to the people of Orsk. The warlord commander"
                  + " died on Tuesday, a terrorist to many. Crowds in Orsk watched the general's"
                  + " convoy near the river."),
          article(
              "b2",
              "Eastgate Herald",
              "https://eastgate.test/news/2",
              "2024-03-05",
              "Critics called Dario Velmont a terrorist and a warlord. The general fell near the"
                  + " river bridge, officials in Orsk confirmed."),
          article(
              "b3",
              "Eastgate Herald",
              "https://eastgate.test/news/3",
              "2024-03-06",
              "Dario Velmont, the terrorist of Orsk, will be buried on Friday. The general remains"
                  + " a warlord for the army."),
          article(
              "w1",
              null,
              "https://www.reuters.com/world/velmont-dies",
              "2024-03-02",
              "General Dario Velmont died on Tuesday near the river in Orsk, officials confirmed."
                  + " The army said the general will be buried on Friday."));

  private static Map<String, OutletProfile> profiles(OutletConfig config) {
    return OutletProfiler.profile(CORPUS, config).stream()
        .collect(Collectors.toMap(OutletProfile::outlet, Function.identity()));
  }

  private static OutletEntity general(OutletProfile profile) {
    return profile.topEntities().stream()
        .filter(e -> e.canonical().equals(GENERAL))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> words(List<WordContrast> contrasts, int n) {
    return contrasts.stream().limit(n).map(WordContrast::word).toList();
  }

  @Test
  void wordsAreContrastedWithinTheirLanguageOnly() {
    Article bote =
        article(
            "k1",
            "Kestener Bote",
            "https://bote.example/velmont",
            "2024-03-03",
            "General Dario Velmont starb am Dienstag am Fluss bei Orsk. Die Armee trauert um den"
                + " General, sagten Beamte in Orsk.");
    List<Article> corpus = new ArrayList<>(CORPUS);
    corpus.add(
        new Article(
            bote.id(),
            bote.outlet(),
            bote.url(),
            bote.published(),
            "de",
            null,
            bote.text(),
            bote.sentences(),
            null,
            bote.mentions(),
            bote.quotes()));
    Map<String, OutletProfile> mixed =
        OutletProfiler.profile(corpus, OutletConfig.DEFAULTS).stream()
            .collect(Collectors.toMap(OutletProfile::outlet, Function.identity()));
    // the only outlet writing German has no one to be contrasted with: every German word would
    // otherwise be "distinctive" of it
    assertThat(mixed.get("Kestener Bote").distinctiveWords()).isEmpty();
    // and the English outlets are contrasted with the English ones, as without it
    Map<String, OutletProfile> english = profiles(OutletConfig.DEFAULTS);
    assertThat(mixed.get("The Morning Lantern").distinctiveWords())
        .isNotEmpty()
        .isEqualTo(english.get("The Morning Lantern").distinctiveWords());
    assertThat(general(mixed.get("Eastgate Herald")).casting())
        .isEqualTo(general(english.get("Eastgate Herald")).casting());
  }

  @Test
  void eachOutletsCastingOfTheGeneralSurfacesItsOwnWords() {
    Map<String, OutletProfile> profiles = profiles(OutletConfig.DEFAULTS);

    OutletEntity praised = general(profiles.get("The Morning Lantern"));
    assertThat(words(praised.casting(), 2)).containsExactlyInAnyOrder("hero", "martyr");
    assertThat(words(praised.casting(), 10)).doesNotContain("warlord", "terrorist", "dario");
    assertThat(praised.mentions()).isEqualTo(3);
    assertThat(praised.articles()).isEqualTo(3);
    assertThat(praised.type()).isEqualTo("PERSON");

    OutletEntity condemned = general(profiles.get("Eastgate Herald"));
    assertThat(words(condemned.casting(), 2)).containsExactlyInAnyOrder("warlord", "terrorist");
    assertThat(words(condemned.casting(), 10)).doesNotContain("hero", "martyr");

    WordContrast hero =
        praised.casting().stream().filter(w -> w.word().equals("hero")).findFirst().orElseThrow();
    assertThat(hero.count()).isEqualTo(2); // the sentences that name him; a3 calls him hero apart
    assertThat(hero.otherCount()).isZero();
    assertThat(hero.z()).isPositive();
  }

  @Test
  void distinctiveWordsAreThePlantedOnes() {
    Map<String, OutletProfile> profiles = profiles(OutletConfig.DEFAULTS);
    assertThat(words(profiles.get("The Morning Lantern").distinctiveWords(), 2))
        .containsExactlyInAnyOrder("hero", "martyr");
    assertThat(words(profiles.get("Eastgate Herald").distinctiveWords(), 2))
        .containsExactlyInAnyOrder("warlord", "terrorist");
    // Words every outlet uses are not distinctive of anyone.
    profiles
        .values()
        .forEach(p -> assertThat(words(p.distinctiveWords(), 3)).doesNotContain("general"));
  }

  @Test
  void profilesCarryCountsDatesSpeakersAndRatings() {
    List<OutletProfile> list = OutletProfiler.profile(CORPUS, OutletConfig.DEFAULTS);
    assertThat(list)
        .extracting(OutletProfile::outlet)
        .containsExactly("Eastgate Herald", "The Morning Lantern", "reuters.com");

    OutletProfile lantern = list.get(1);
    assertThat(lantern.articles()).isEqualTo(3);
    assertThat(lantern.languages()).containsExactly(Map.entry("en", 3));
    assertThat(lantern.firstPublished()).isEqualTo("2024-03-02");
    assertThat(lantern.lastPublished()).isEqualTo("2024-03-04");
    assertThat(lantern.quotesBySpeaker()).containsExactly(Map.entry(GENERAL, 3));
    assertThat(lantern.ratings())
        .singleElement()
        .extracting(DomainRating::status)
        .isEqualTo("unrated");
    assertThat(lantern.layers()).isEmpty();
    assertThat(lantern.topEntities())
        .extracting(OutletEntity::canonical)
        .containsExactly("Orsk", GENERAL); // tied on articles, Orsk has more mentions

    OutletProfile wire = list.get(2);
    assertThat(wire.ratings())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo("rated");
              assertThat(r.linDomain()).isEqualTo("reuters.com");
              assertThat(r.linPc1()).isEqualTo(1.0);
            });
  }

  @Test
  void resultsSurviveAJsonRoundTrip() throws Exception {
    List<OutletProfile> list = OutletProfiler.profile(CORPUS, OutletConfig.DEFAULTS);
    for (OutletProfile profile : list) {
      JsonNode tree = Json.MAPPER.valueToTree(profile);
      assertThat(tree.has("distinctiveWords")).isTrue();
      assertThat(tree.path("topEntities").get(0).has("casting")).isTrue();
      assertThat(Json.MAPPER.treeToValue(tree, OutletProfile.class)).isEqualTo(profile);
    }
  }

  @Test
  void bigramsAreCountedWhenAskedFor() {
    OutletConfig withBigrams = new OutletConfig(10, 200, 10, 6, 20, 2, 1000, true);
    OutletProfile herald = profiles(withBigrams).get("Eastgate Herald");
    assertThat(herald.distinctiveWords()).extracting(WordContrast::word).contains("river bridge");
  }

  @Test
  void malformedArticlesDoNotStopTheProfile() {
    List<Article> corpus = new ArrayList<>(CORPUS);
    corpus.add(
        new Article(
            "bad",
            "  ",
            "::not a url::",
            "sometime in March",
            null,
            null,
            null,
            List.of(new ArticleSentence(5, 2, null)),
            null,
            List.of(new ArticleMention(-3, 400, "PERSON", GENERAL)),
            List.of(new ArticleQuote(0, 1, "direct", null))));
    corpus.add(
        new Article(
            "short",
            "Eastgate Herald",
            null,
            null,
            "en",
            null,
            "Velmont.",
            List.of(new ArticleSentence(0, 100, null)),
            null,
            List.of(new ArticleMention(0, 50, "PERSON", GENERAL)),
            List.of()));

    List<OutletProfile> list = OutletProfiler.profile(corpus, OutletConfig.DEFAULTS);
    assertThat(list).extracting(OutletProfile::outlet).contains(OutletProfiler.UNKNOWN_OUTLET);
    OutletProfile unknown =
        list.stream()
            .filter(p -> p.outlet().equals(OutletProfiler.UNKNOWN_OUTLET))
            .findFirst()
            .orElseThrow();
    assertThat(unknown.languages()).containsExactly(Map.entry("und", 1));
    assertThat(unknown.firstPublished()).isNull();
  }

  @Test
  void badSettingsNameTheKey() {
    assertThatThrownBy(() -> new OutletConfig(10, 0, 10, 6, 20, 2, 1000, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("outlets.topWords");
    assertThatThrownBy(() -> new OutletConfig(10, 25, 10, 6, 20, 2, Double.NaN, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("outlets.priorTotal");
  }

  /**
   * An English article whose sentences end at ". ", with every "Dario Velmont" and "Orsk" tagged.
   */
  private static Article article(
      String id, String outlet, String url, String published, String text) {
    List<ArticleSentence> sentences = new ArrayList<>();
    int start = 0;
    for (int dot = text.indexOf(". "); dot >= 0; dot = text.indexOf(". ", start)) {
      sentences.add(new ArticleSentence(start, dot + 1, null));
      start = dot + 2;
    }
    sentences.add(new ArticleSentence(start, text.length(), null));
    List<ArticleMention> mentions = new ArrayList<>();
    List<ArticleQuote> quotes = new ArrayList<>();
    tag(text, GENERAL, "PERSON", mentions);
    tag(text, "Orsk", "LOCATION", mentions);
    mentions.sort((x, y) -> Integer.compare(x.begin(), y.begin()));
    if (outlet != null && outlet.startsWith("The Morning")) {
      quotes.add(new ArticleQuote(0, 10, "reported", GENERAL));
    }
    return new Article(
        id, outlet, url, published, "en", null, text, sentences, null, mentions, quotes);
  }

  private static void tag(String text, String name, String type, List<ArticleMention> mentions) {
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      mentions.add(new ArticleMention(at, at + name.length(), type, name));
    }
  }
}
