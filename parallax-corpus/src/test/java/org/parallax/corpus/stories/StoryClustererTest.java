package org.parallax.corpus.stories;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleMention;

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
  void badSettingsNameTheKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new StoryConfig(1.5, 0.3, 0.5, 0.5, 0.5, 0.7, 0.9, 3, 3, 10, 0.05, 50, 64, 300, 40))
        .hasMessageContaining("stories.joinThreshold");
  }
}
