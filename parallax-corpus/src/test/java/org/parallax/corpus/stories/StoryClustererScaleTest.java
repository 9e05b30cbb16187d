package org.parallax.corpus.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleMention;

/**
 * Time and memory on synthetic corpora (random 384-dim vectors around 500 event centres, entity
 * sets drawn from each event's names plus a few common ones): prints figures, asserts only the
 * quality. Run with {@code -Dparallax.scale=true}.
 */
class StoryClustererScaleTest {

  @Test
  void tenThousandArticles() {
    assumeTrue(Boolean.getBoolean("parallax.scale"), "skipped: set -Dparallax.scale=true to run");
    for (int size : new int[] {2_500, 5_000, 10_000}) {
      Map<String, String> gold = new HashMap<>();
      List<Article> articles = synthetic(size, size / 20, gold);
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      long before = runtime.totalMemory() - runtime.freeMemory();
      long start = System.nanoTime();
      StoryClusterer clusterer = StoryClusterer.create(StoryConfig.DEFAULTS);
      clusterer.add(articles.subList(0, size / 2));
      clusterer.add(articles.subList(size / 2, size));
      List<Story> stories = clusterer.stories();
      long millis = (System.nanoTime() - start) / 1_000_000;
      long after = runtime.totalMemory() - runtime.freeMemory();
      Map<String, String> predicted = new HashMap<>();
      stories.forEach(s -> s.members().forEach(m -> predicted.put(m.articleId(), s.id())));
      BCubed score = BCubed.of(predicted, gold);
      System.out.printf(
          "stories scale: %d articles, %d events -> %d stories in %d ms (%.0f articles/s),"
              + " heap after - before %d MB, state JSON %d KB; B3 P=%.3f R=%.3f%n",
          size,
          size / 20,
          stories.size(),
          millis,
          size * 1000.0 / millis,
          (after - before) / (1 << 20),
          org.parallax.core.json.Json.MAPPER.valueToTree(clusterer.state()).toString().length()
              / 1024,
          score.precision(),
          score.recall());
      assertThat(score.precision()).isGreaterThan(0.9);
    }
  }

  private static List<Article> synthetic(int size, int events, Map<String, String> gold) {
    Random random = new Random(7);
    float[][] centres = new float[events][384];
    for (float[] centre : centres) {
      for (int i = 0; i < 384; i++) {
        centre[i] = (float) random.nextGaussian();
      }
    }
    List<Article> articles = new ArrayList<>(size);
    for (int n = 0; n < size; n++) {
      int event = random.nextInt(events);
      float[] vector = new float[384];
      for (int i = 0; i < 384; i++) {
        vector[i] = centres[event][i] + (float) random.nextGaussian() * 1.2f;
      }
      List<ArticleMention> mentions = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        mentions.add(
            new ArticleMention(0, 0, "PERSON", "Person" + event + "x" + random.nextInt(6) + " Z"));
      }
      mentions.add(new ArticleMention(0, 0, "LOCATION", "Place" + random.nextInt(20)));
      mentions.add(new ArticleMention(0, 0, "LOCATION", "Country" + random.nextInt(3)));
      String date = LocalDate.of(2020, 1, 1).plusDays(event % 300 + random.nextInt(4)).toString();
      String id = String.format("doc%06d", n);
      gold.put(id, "event" + event);
      articles.add(
          new Article(
              id,
              "outlet" + random.nextInt(50),
              null,
              date,
              "en",
              null,
              "Some words about event " + event + " and more words.",
              List.of(),
              vector,
              mentions,
              List.of()));
    }
    return articles;
  }
}
