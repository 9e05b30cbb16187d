package org.parallax.corpus.stories;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleMention;
import org.parallax.corpus.names.NameKeys;

class StoryClustererTest {

  private static final List<StoryFixture.Labelled> FIXTURE = StoryFixture.articles();

  private static List<Article> articles(List<StoryFixture.Labelled> labelled) {
    return labelled.stream().map(StoryFixture.Labelled::article).toList();
  }

  private static Map<String, String> gold() {
    Map<String, String> gold = new HashMap<>();
    FIXTURE.forEach(l -> gold.put(l.article().id(), l.story()));
    return gold;
  }

  private static Map<String, String> predicted(StoryClusterer clusterer) {
    Map<String, String> predicted = new HashMap<>();
    for (Story story : clusterer.stories()) {
      story.members().forEach(m -> predicted.put(m.articleId(), story.id()));
    }
    return predicted;
  }

  /** An article in {@code language} with the given vector, naming the given people and places. */
  private static Article plain(
      String id, String language, String text, float[] vector, String... names) {
    List<ArticleMention> mentions = new ArrayList<>();
    for (String name : names) {
      int at = text.indexOf(name);
      String type = name.contains(" ") ? "PERSON" : "LOCATION";
      mentions.add(new ArticleMention(at, at + name.length(), type, name));
    }
    return new Article(
        id,
        "outlet-" + id,
        null,
        null,
        language,
        null,
        text,
        List.of(),
        vector,
        mentions,
        List.of());
  }

  /** The default settings with another {@code vectorLanguages}. */
  private static StoryConfig defaultsWithVectorLanguages(String vectorLanguages) {
    return defaultsWith(StoryConfig.DEFAULTS.crossLanguageJoinThreshold(), vectorLanguages);
  }

  /** The default settings with another cross-language join threshold and vector languages. */
  private static StoryConfig defaultsWith(
      double crossLanguageJoinThreshold, String vectorLanguages) {
    StoryConfig d = StoryConfig.DEFAULTS;
    return new StoryConfig(
        d.joinThreshold(),
        d.mergeThreshold(),
        d.vectorWeight(),
        d.namesWeight(),
        d.vectorBaseline(),
        d.textFloor(),
        d.vectorOnlyFloor(),
        d.crossLanguageMinNames(),
        d.timeSlackDays(),
        d.timeScaleDays(),
        d.commonFraction(),
        d.commonMinDocs(),
        d.maxCandidates(),
        d.maxNamesPerStory(),
        d.maxTermsPerStory(),
        d.crossLanguageNamesFloor(),
        crossLanguageJoinThreshold,
        vectorLanguages);
  }

  @Test
  void embeddingsCountOnlyInTheEncodersLanguages() {
    // what an English-only encoder does to Italian: two texts on unrelated events, one vector
    float[] same = StoryFixture.hashedBagOfWords("uno due tre quattro cinque");
    List<Article> articles =
        List.of(
            plain("it-1", "it", "Il consiglio comunale approva il bilancio della scuola.", same),
            plain("it-2", "it", "La squadra vince la finale dopo i rigori allo stadio.", same));
    StoryClusterer englishOnly = StoryClusterer.create(StoryConfig.DEFAULTS);
    englishOnly.add(articles);
    assertThat(englishOnly.storyOf("it-1")).isNotEqualTo(englishOnly.storyOf("it-2"));

    StoryConfig italianToo = defaultsWithVectorLanguages("en,it");
    StoryClusterer trusting = StoryClusterer.create(italianToo);
    trusting.add(articles);
    assertThat(trusting.storyOf("it-1")).isEqualTo(trusting.storyOf("it-2"));
  }

  @Test
  void withoutEmbeddingsTheWordsOfOneLanguageDecideBetweenArticlesSharingNames() {
    // three Polish articles name the same two places and two people of their own each; two
    // report one flood, one a budget vote: names alone would join all three, words keep the
    // budget apart
    String flood1 =
        "Powódź w Dolinie Orlan. Rzeka Kesh zalała cztery wsie, ewakuacja mieszkańców trwa, "
            + "strażacy budują wały, powódź niszczy mosty, woda zalała drogi i pola. "
            + "Mówi Marek Nowak, a Zofia Lis potwierdza.";
    String flood2 =
        "Dolina Orlan pod wodą. Rzeka Kesh wystąpiła z brzegów: powódź zalała wsie, strażacy "
            + "budują wały, ewakuacja mieszkańców, woda niszczy mosty i drogi. "
            + "Mówi Tomasz Wrona, a Ewa Sowa potwierdza.";
    String budget =
        "Rada gminy Orlan przyjęła budżet. Radni z Kesh głosowali nad podatkami, szkołami i "
            + "inwestycjami; budżet przewiduje podatki, szkoły, inwestycje i dotacje. "
            + "Mówi Anna Kowal, a Jan Bielik potwierdza.";
    List<Article> articles =
        List.of(
            plain("pl-flood-1", "pl", flood1, null, "Orlan", "Kesh", "Marek Nowak", "Zofia Lis"),
            plain("pl-flood-2", "pl", flood2, null, "Orlan", "Kesh", "Tomasz Wrona", "Ewa Sowa"),
            plain("pl-budget", "pl", budget, null, "Orlan", "Kesh", "Anna Kowal", "Jan Bielik"));
    StoryClusterer clusterer = StoryClusterer.create(StoryConfig.DEFAULTS);
    clusterer.add(articles);
    assertThat(clusterer.storyOf("pl-flood-1")).isEqualTo(clusterer.storyOf("pl-flood-2"));
    assertThat(clusterer.storyOf("pl-budget")).isNotEqualTo(clusterer.storyOf("pl-flood-1"));
  }

  @Test
  void acrossLanguagesTheNamesOfOneWarAreNotEnough() {
    // a Polish and a German report on two different events of one war: they share the country,
    // its capital and a region, each names its own people; the name cosine (about 0.28) passes the
    // join threshold of one language, not the stricter one across languages
    String pl =
        "Ostrzał: Velmira. Armia, którą wysłała Dravia, ostrzelała port w Kesh. Rzecznik Adam Nowicki, "
            + "burmistrz Olga Brzeska i lekarz Piotr Malec mówią o rannych.";
    String de =
        "Verhandlungen über Velmira. Dravia und Kesh: Ministerin Jana Holt, Botschafter "
            + "Felix Brandt und Vermittler Otto Weiss sprechen über einen Waffenstillstand.";
    List<Article> articles =
        List.of(
            plain(
                "pl-shelling",
                "pl",
                pl,
                null,
                "Velmira",
                "Dravia",
                "Kesh",
                "Adam Nowicki",
                "Olga Brzeska",
                "Piotr Malec"),
            plain(
                "de-talks",
                "de",
                de,
                null,
                "Velmira",
                "Dravia",
                "Kesh",
                "Jana Holt",
                "Felix Brandt",
                "Otto Weiss"));
    StoryClusterer strict = StoryClusterer.create(StoryConfig.DEFAULTS);
    strict.add(articles);
    assertThat(strict.storyOf("pl-shelling")).isNotEqualTo(strict.storyOf("de-talks"));
    // with the threshold of one language they would join
    StoryClusterer lenient =
        StoryClusterer.create(
            defaultsWith(
                StoryConfig.DEFAULTS.joinThreshold(), StoryConfig.DEFAULTS.vectorLanguages()));
    lenient.add(articles);
    assertThat(lenient.storyOf("pl-shelling")).isEqualTo(lenient.storyOf("de-talks"));
  }

  @Test
  void wordsOfAnotherScriptMustLookLikeTheNameNotOnlyShareItsConsonants() {
    // two unrelated Greek reports whose common words "Κυβέρνησης" (kbrns) and "Υπουργείο" (brg)
    // have the consonants of two places the English reports name, but not their vowels
    List<Article> articles =
        List.of(
            plain("en-1", "en", "Floods reached Kobernos on Monday.", null, "Kobernos"),
            plain("en-2", "en", "The mayor of Kobernos asked for help.", null, "Kobernos"),
            plain("en-3", "en", "A ferry left Perga at dawn.", null, "Perga"),
            plain("en-4", "en", "Fishermen in Perga counted their losses.", null, "Perga"),
            plain(
                "el-1",
                "el",
                "Η ανακοίνωση της Κυβέρνησης για το Υπουργείο Παιδείας ήρθε χθες.",
                null),
            plain(
                "el-2",
                "el",
                "Ο εκπρόσωπος της Κυβέρνησης και το Υπουργείο Υγείας απάντησαν σήμερα.",
                null));
    StoryClusterer clusterer = StoryClusterer.create(StoryConfig.DEFAULTS);
    clusterer.add(articles);
    assertThat(clusterer.storyOf("el-1")).isNotEqualTo(clusterer.storyOf("el-2"));

    NameKeys keys = new NameKeys();
    NameKeys.TextNames text = keys.textNames("Ο Μπάιντεν μίλησε. Μπάιντεν και Κυβέρνηση.");
    // the second "Μπάιντεν" opens a sentence: only the first, mid-sentence, counts alone
    assertThat(text.spellings().get(keys.wordKey("Biden")))
        .containsExactly(keys.spelling("Μπάιντεν"));
    assertThat(NameKeys.sameName(keys.spelling("Μπάιντεν"), keys.spelling("Biden"), false))
        .isTrue();
    assertThat(NameKeys.sameName(keys.spelling("Κυβέρνησης"), keys.spelling("Kobernos"), false))
        .isFalse();
    // same consonants, same vowel places, other letters: the parliament is not Pelosi
    assertThat(NameKeys.sameName(keys.spelling("Βουλής"), keys.spelling("Pelosi"), false))
        .isFalse();
    assertThat(NameKeys.sameName(keys.spelling("Путиным"), keys.spelling("Putin"), true)).isTrue();
    assertThat(NameKeys.sameName(keys.spelling("Байдена"), keys.spelling("Biden"), true)).isTrue();
    assertThat(NameKeys.sameName(keys.spelling("Сулеймани"), keys.spelling("Soleimani"), true))
        .isTrue();
    assertThat(NameKeys.sameName(keys.spelling("Польше"), keys.spelling("Pelosi"), true)).isFalse();
    // Arabic leaves its short vowels unwritten: no spelling to compare
    assertThat(keys.textNames("وصل سمير نديم").spellings()).isEmpty();
  }

  @Test
  void namesMeetAcrossScripts() {
    NameKeys keys = new NameKeys();
    String latin = keys.nameKey("PERSON", "General Qasem Soleimani");
    assertThat(latin).isEqualTo("ksm slmn");
    assertThat(keys.nameKey("PERSON", "Qassem Suleimani")).isEqualTo(latin);
    assertThat(keys.nameKey("PERSON", "Касем Сулеймани")).isEqualTo(latin);
    assertThat(keys.nameKey("PERSON", "قاسم سليماني")).isEqualTo(latin);
    assertThat(keys.nameKey("LOCATION", "Iran")).isNotEqualTo(keys.nameKey("LOCATION", "Iraq"));
    assertThat(keys.textNames("Генерал Касем Сулеймани был убит в Багдаде.").pairs())
        .contains(latin);
  }

  @Test
  void fixtureStoriesJoinAcrossLanguagesAndKeepTheTrapApart() {
    StoryClusterer clusterer = StoryClusterer.create(StoryConfig.DEFAULTS);
    assertThat(clusterer.add(articles(FIXTURE))).isEmpty();
    Map<String, String> predicted = predicted(clusterer);
    BCubed score = BCubed.of(predicted, gold());
    System.out.printf(
        "stories fixture: B3 P=%.3f R=%.3f F1=%.3f, %d stories%n",
        score.precision(), score.recall(), score.f1(), clusterer.stories().size());
    clusterer.stories().forEach(s -> System.out.println("  " + s.label() + " " + s.members()));
    assertThat(predicted.get("e1-ru")).isEqualTo(predicted.get("e1-en-1"));
    assertThat(predicted.get("e1-ar")).isEqualTo(predicted.get("e1-en-1"));
    assertThat(predicted.get("e1-de")).isEqualTo(predicted.get("e1-en-1"));
    assertThat(predicted.get("e2-ru")).isEqualTo(predicted.get("e2-en-1"));
    assertThat(predicted.get("e3-ar")).isEqualTo(predicted.get("e3-en-1"));
    assertThat(predicted.get("e3-es")).isEqualTo(predicted.get("e3-en-1"));
    assertThat(predicted.get("trap-en")).isNotEqualTo(predicted.get("e1-en-1"));
    assertThat(predicted.get("trap-ru")).isNotEqualTo(predicted.get("e1-en-1"));
    assertThat(predicted.get("e3-en-1")).isNotEqualTo(predicted.get("e1-en-1"));
    assertThat(score.precision()).isEqualTo(1.0);
    assertThat(score.recall()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void theOrderArticlesComeInChangesNothing() {
    List<Article> forward = articles(FIXTURE);
    List<Article> backward = new ArrayList<>(forward);
    Collections.reverse(backward);
    List<Article> shuffled = new ArrayList<>(forward);
    Collections.shuffle(shuffled, new Random(7));
    List<String> expected = described(StoryClusterer.cluster(forward, StoryConfig.DEFAULTS));
    assertThat(expected).hasSizeGreaterThan(1);
    assertThat(described(StoryClusterer.cluster(backward, StoryConfig.DEFAULTS)))
        .isEqualTo(expected);
    assertThat(described(StoryClusterer.cluster(shuffled, StoryConfig.DEFAULTS)))
        .isEqualTo(expected);
  }

  @Test
  void aNameHasTheTypeMostArticlesGiveItNotTheFirstOnesType() {
    List<Article> given = new ArrayList<>();
    String[] types = {"ORGANIZATION", "PERSON", "PERSON"};
    for (int i = 0; i < types.length; i++) {
      String text = "Marek Halden spoke at the quay in Osterfeld on day " + i + ".";
      given.add(
          new Article(
              "halden-" + i,
              "outlet-" + i,
              null,
              null,
              "en",
              null,
              text,
              List.of(),
              null,
              List.of(new ArticleMention(0, 12, types[i], "Marek Halden")),
              List.of()));
    }
    String key = new NameKeys().nameKey("PERSON", "Marek Halden");
    List<Article> reversed = new ArrayList<>(given);
    Collections.reverse(reversed);
    for (List<Article> order : List.of(given, reversed)) {
      StoryClusterer clusterer = StoryClusterer.create(StoryConfig.DEFAULTS);
      clusterer.add(order);
      // the type decides whether "Halden" written alone may be looked up as this person
      assertThat(clusterer.state().names().get(key).type()).isEqualTo("PERSON");
    }
  }

  @Test
  void theCosineBaselineOfALanguageDoesNotDependOnTheOrderArticlesComeIn() {
    Random random = new Random(11);
    List<Article> given = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      float[] vector = new float[16];
      for (int d = 0; d < vector.length; d++) {
        vector[d] = (float) random.nextGaussian() + (d == 0 ? 2 : 0);
      }
      given.add(plain(String.format("art-%02d", i), "en", "A short report.", vector));
    }
    List<Article> reversed = new ArrayList<>(given);
    Collections.reverse(reversed);
    StoryClusterer forward = StoryClusterer.create(StoryConfig.DEFAULTS);
    forward.add(given);
    StoryClusterer backward = StoryClusterer.create(StoryConfig.DEFAULTS);
    backward.add(reversed);
    assertThat(forward.state().baselines()).containsKey("en");
    assertThat(backward.state().baselines()).isEqualTo(forward.state().baselines());
  }

  /** Each story as its label and sorted members, sorted. */
  private static List<String> described(List<Story> stories) {
    return stories.stream()
        .map(
            s ->
                s.label()
                    + " "
                    + s.members().stream().map(StoryMember::articleId).sorted().toList())
        .sorted()
        .toList();
  }

  @Test
  void storiesCarryLabelDatesOutletsAndLanguages() {
    List<Story> stories = StoryClusterer.cluster(articles(FIXTURE), StoryConfig.DEFAULTS);
    Story port =
        stories.stream()
            .filter(s -> s.members().stream().anyMatch(m -> m.articleId().equals("e1-en-1")))
            .findFirst()
            .orElseThrow();
    assertThat(port.label()).contains("Yusuf Karimov").contains(" — ");
    assertThat(port.firstPublished()).isEqualTo("2024-05-10");
    assertThat(port.lastPublished()).isEqualTo("2024-05-12");
    assertThat(port.languages()).containsExactlyInAnyOrder("en", "de", "ru", "ar");
    assertThat(port.outlets()).contains("Harbour Times", "Vesti Porta");
    assertThat(port.members()).allSatisfy(m -> assertThat(m.score()).isBetween(0.0, 1.0));
  }

  @Test
  void addingInTwoStepsThroughSavedStateKeepsStoriesAndIds() throws Exception {
    List<StoryFixture.Labelled> first = new ArrayList<>();
    List<StoryFixture.Labelled> second = new ArrayList<>();
    for (int i = 0; i < FIXTURE.size(); i++) {
      (i % 2 == 0 ? first : second).add(FIXTURE.get(i));
    }
    StoryClusterer before = StoryClusterer.create(StoryConfig.DEFAULTS);
    before.add(articles(first));
    JsonNode saved = Json.MAPPER.valueToTree(before.state());
    StoryState loaded = Json.MAPPER.treeToValue(saved, StoryState.class);
    JsonNode reloaded = Json.MAPPER.valueToTree(loaded);
    assertThat(reloaded).isEqualTo(saved);

    StoryClusterer after = StoryClusterer.resume(loaded, StoryConfig.DEFAULTS);
    after.add(articles(second));
    BCubed score = BCubed.of(predicted(after), gold());
    System.out.printf(
        "stories fixture in two steps: B3 P=%.3f R=%.3f F1=%.3f%n%s%n",
        score.precision(), score.recall(), score.f1(), after.stories());
    assertThat(score.precision()).isEqualTo(1.0);
    assertThat(score.recall()).isGreaterThanOrEqualTo(0.9);
    assertThat(after.storyOf("e1-en-1")).isEqualTo(before.storyOf("e1-en-1"));
  }

  @Test
  void addingTheSameArticlesAgainChangesNothing() {
    StoryClusterer clusterer = StoryClusterer.create(StoryConfig.DEFAULTS);
    clusterer.add(articles(FIXTURE));
    JsonNode once = Json.MAPPER.valueToTree(clusterer.state());
    clusterer.add(articles(FIXTURE));
    JsonNode twice = Json.MAPPER.valueToTree(clusterer.state());
    assertThat(twice).isEqualTo(once);
  }

  @Test
  void aStoryIsLabelledByItsMembersEntitiesBeforeNamesOnlyMatchedInTheirText() {
    float[] vector = new float[] {1, 0, 0};
    String russian = "Порт Калвик закрыт. Томас Рейнер не приехал.";
    int calvik = russian.indexOf("Калвик");
    List<Article> articles =
        List.of(
            dated(plain("a-en", "en", "Calvik harbour reopened.", vector, "Calvik"), "2024-01-01"),
            dated(
                plain(
                    "c-en", "en", "Tomas Reiner visited Calvik.", vector, "Tomas Reiner", "Calvik"),
                "2024-01-02"),
            dated(
                new Article(
                    "b-ru",
                    "outlet-b-ru",
                    null,
                    null,
                    "ru",
                    null,
                    russian,
                    List.of(),
                    vector,
                    List.of(new ArticleMention(calvik, calvik + 6, "LOCATION", "Calvik")),
                    List.of()),
                "2024-09-01"));
    StoryClusterer clusterer = StoryClusterer.create(StoryConfig.DEFAULTS);
    clusterer.add(articles);
    Story alone =
        clusterer.stories().stream()
            .filter(s -> s.members().stream().anyMatch(m -> m.articleId().equals("b-ru")))
            .findFirst()
            .orElseThrow();
    assertThat(alone.members()).hasSize(1);
    // "Томас Рейнер" is matched in the text (rarer, so it would rank first); "Калвик" is an entity
    assertThat(alone.names()).containsExactly("Calvik", "Tomas Reiner");
  }

  private static Article dated(Article a, String published) {
    return new Article(
        a.id(),
        a.outlet(),
        a.url(),
        published,
        a.language(),
        a.title(),
        a.text(),
        a.sentences(),
        a.vector(),
        a.mentions(),
        a.quotes());
  }

  @Test
  void malformedArticlesDoNotStopTheBatch() {
    List<Article> articles = new ArrayList<>(articles(FIXTURE));
    articles.add(
        new Article(
            "odd-1",
            null,
            null,
            "yesterday",
            null,
            null,
            null,
            List.of(),
            new float[0],
            List.of(new ArticleMention(0, 0, null, null)),
            List.of()));
    articles.add(
        new Article(
            "odd-2",
            "X",
            null,
            "2024-13-45",
            "en",
            null,
            "",
            List.of(),
            new float[] {1, 2},
            List.of(),
            List.of()));
    articles.add(null);
    StoryClusterer clusterer = StoryClusterer.create(StoryConfig.DEFAULTS);
    List<String> problems = clusterer.add(articles);
    assertThat(problems).hasSize(1).first().asString().contains("without id");
    assertThat(clusterer.storyOf("odd-1")).isNotNull();
    assertThat(clusterer.storyOf("odd-2")).isNotNull();
    assertThat(clusterer.storyOf("e1-ar")).isEqualTo(clusterer.storyOf("e1-en-1"));
  }

  @Test
  void vectorLanguagesAreReadAsCommaSeparatedCodes() {
    StoryConfig config = defaultsWithVectorLanguages(" EN,\tde,,en ");
    assertThat(config.vectorLanguageSet()).containsExactlyInAnyOrder("en", "de");
    assertThat(StoryConfig.DEFAULTS.vectorLanguageSet()).containsExactly("en");
  }

  @Test
  void badSettingsNameTheKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new StoryConfig(
                    1.5, 0.3, 0.5, 0.5, 0.5, 0.7, 0.9, 3, 3, 10, 0.05, 50, 64, 300, 40, 0.4, 0.3,
                    "en"))
        .hasMessageContaining("stories.joinThreshold");
  }
}
