package org.parallax.app.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.app.analyze.CorpusArticles;
import org.parallax.app.cli.Main;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleSentence;
import org.parallax.corpus.talkingpoints.TalkingPointFinder;
import org.parallax.corpus.talkingpoints.TalkingPoints;
import org.parallax.corpus.talkingpoints.TalkingPoints.Carrier;
import org.parallax.corpus.talkingpoints.TalkingPoints.SpeakerQuotes;
import org.parallax.corpus.talkingpoints.TalkingPoints.TalkingPoint;
import org.parallax.corpus.talkingpoints.TalkingPointsConfig;
import org.parallax.index.workspace.Workspace;

/**
 * The talking-point finder on real embeddings, entities and quotes: our labelled fixture
 * (examples/talking-points), the demo corpus and the seed pages, each through the real {@code
 * analyze} command.
 */
class TalkingPointsIT {

  @TempDir Path tmp;

  private static final Path EXAMPLES = Path.of("..", "examples");

  /** Analyses {@code input} and returns the articles plus, per document id, its input record id. */
  private List<Article> analyse(Path input, Map<String, String> inputIds) {
    Path ws = tmp.resolve("ws-" + input.getFileName());
    assertThat(Main.run("analyze", input.toString(), "--workspace", ws.toString(), "--no-progress"))
        .isZero();
    List<Article> articles = new ArrayList<>();
    try (Workspace workspace = Workspace.open(ws)) {
      CorpusArticles.of(workspace).forEach(articles::add);
      workspace
          .documents()
          .forEach(
              (Document d) -> {
                String inputId = d.source().inputId();
                inputIds.put(d.id(), inputId.substring(inputId.lastIndexOf('#') + 1));
              });
    }
    return articles;
  }

  private static String norm(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** The labelled sentence a carrier is, as "record-id|index in labels", or null. */
  private static String label(
      Carrier carrier, Map<String, String> inputIds, Map<String, String> labelled) {
    String record = inputIds.get(carrier.document());
    String text = norm(carrier.text());
    for (Map.Entry<String, String> e : labelled.entrySet()) {
      String[] parts = e.getKey().split("\\|", 2);
      if (parts[0].equals(record)
          && (e.getValue().contains(text) || text.contains(e.getValue()))
          && !text.isEmpty()) {
        return e.getKey();
      }
    }
    return record + "|unlabelled:" + carrier.begin();
  }

  private static Set<String> pairs(List<List<String>> clusters) {
    Set<String> pairs = new HashSet<>();
    for (List<String> cluster : clusters) {
      for (String a : cluster) {
        for (String b : cluster) {
          String docA = a.substring(0, a.indexOf('|'));
          String docB = b.substring(0, b.indexOf('|'));
          if (a.compareTo(b) < 0 && !docA.equals(docB)) {
            pairs.add(a + " ~ " + b);
          }
        }
      }
    }
    return pairs;
  }

  @Test
  void findsThePlantedTalkingPointsOfTheFixture() throws IOException {
    Path corpus = EXAMPLES.resolve("talking-points/corpus");
    assumeTrue(Files.isDirectory(corpus), "skipped: no fixture at " + corpus.toAbsolutePath());
    JsonNode labels = Json.MAPPER.readTree(EXAMPLES.resolve("talking-points/labels.json").toFile());
    Map<String, String> inputIds = new HashMap<>();
    List<Article> articles = analyse(corpus, inputIds);

    Map<String, String> labelled = new HashMap<>();
    List<List<String>> gold = new ArrayList<>();
    Map<String, String> goldKind = new HashMap<>();
    for (String section : List.of("talkingPoints", "recurringQuotes")) {
      for (JsonNode cluster : labels.path(section)) {
        List<String> keys = new ArrayList<>();
        for (JsonNode member : cluster.path("members")) {
          String key = member.path("id").asText() + "|" + norm(member.path("text").asText());
          labelled.put(key, norm(member.path("text").asText()));
          keys.add(key);
          goldKind.put(
              key, section.equals("recurringQuotes") ? "quote" : cluster.path("kind").asText());
        }
        gold.add(keys);
      }
    }
    for (JsonNode decoy : labels.path("decoys")) {
      String key = decoy.path("id").asText() + "|" + norm(decoy.path("text").asText());
      labelled.put(key, norm(decoy.path("text").asText()));
    }
    Set<String> goldPairs = pairs(gold);

    printCosines(articles, inputIds, labels);

    TalkingPointsConfig d = TalkingPointsConfig.defaults();
    for (double minCosine : new double[] {0.35, 0.4, 0.42, 0.45, 0.5, 0.55}) {
      for (int minShared : new int[] {2, 3}) {
        for (double dice : new double[] {0.08, 0.1, 0.12, 0.15, 0.2}) {
          for (double strong : new double[] {0.8}) {
            TalkingPointsConfig config =
                new TalkingPointsConfig(
                    d.minWords(),
                    minCosine,
                    strong,
                    minShared,
                    dice,
                    d.copyJaccard(),
                    d.minOutlets(),
                    d.majority(),
                    d.signatureBits(),
                    d.tables(),
                    d.bitsPerTable(),
                    d.maxBucket(),
                    d.seed(),
                    d.backgroundCosine(),
                    d.minLexicalDiceWithoutVectors(),
                    d.vectorLanguages());
            double[] pr =
                score(TalkingPointFinder.find(articles, config), inputIds, labelled, goldPairs);
            System.out.printf(
                Locale.ROOT,
                "sweep minCosine=%.2f minShared=%d dice=%.2f strong=%.2f: P %.3f R %.3f%n",
                minCosine,
                minShared,
                dice,
                strong,
                pr[0],
                pr[1]);
          }
        }
      }
    }

    TalkingPoints found = TalkingPointFinder.find(articles, TalkingPointsConfig.defaults());
    System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(found));
    double[] pr = score(found, inputIds, labelled, goldPairs);
    System.out.printf(
        Locale.ROOT, "talking-points fixture defaults: precision %.3f recall %.3f%n", pr[0], pr[1]);
    assertThat(pr[0]).as("pair precision").isGreaterThanOrEqualTo(0.85);
    assertThat(pr[1]).as("pair recall").isGreaterThanOrEqualTo(0.7);

    // the minister's words come out as his recurring quote, not as a talking point
    assertThat(found.recurringQuotes())
        .anySatisfy(
            q -> {
              assertThat(String.valueOf(q.speaker())).contains("Aldane");
              assertThat(q.outletCount()).isGreaterThanOrEqualTo(2);
            });
    for (TalkingPoint point : found.talkingPoints()) {
      assertThat(point.members())
          .noneMatch(c -> "quote".equals(goldKind.get(label(c, inputIds, labelled))));
      assertThat(point.outletCount()).isGreaterThanOrEqualTo(2);
      // the football report shares no claim with anyone
      assertThat(point.members()).noneMatch(c -> "bc-2".equals(inputIds.get(c.document())));
    }
    // the wire copy is a copy; the planted paraphrases are paraphrases
    for (TalkingPoint point : found.talkingPoints()) {
      String kind = goldKind.get(label(point.representative(), inputIds, labelled));
      if (kind != null && !kind.equals("quote")) {
        assertThat(point.kind()).as(point.representative().text()).isEqualTo(kind);
      }
    }
    // the operator claim reaches at least three of its four outlets in one talking point
    assertThat(found.talkingPoints())
        .anySatisfy(
            p -> {
              assertThat(p.representative().text()).containsIgnoringCase("halvard");
              assertThat(p.outletCount()).isGreaterThanOrEqualTo(3);
            });
    // first appearance is the earliest dated carrier
    for (TalkingPoint point : found.talkingPoints()) {
      String earliest =
          point.members().stream()
              .map(Carrier::published)
              .filter(java.util.Objects::nonNull)
              .min(String::compareTo)
              .orElse(null);
      assertThat(point.first().published()).isEqualTo(earliest);
    }
  }

  private static double[] score(
      TalkingPoints found,
      Map<String, String> inputIds,
      Map<String, String> labelled,
      Set<String> goldPairs) {
    List<List<String>> predicted = new ArrayList<>();
    List<TalkingPoint> all = new ArrayList<>(found.talkingPoints());
    for (SpeakerQuotes q : found.recurringQuotes()) {
      all.addAll(q.quotes());
    }
    for (TalkingPoint point : all) {
      List<String> keys = new ArrayList<>();
      for (Carrier c : point.members()) {
        keys.add(label(c, inputIds, labelled));
      }
      predicted.add(keys);
    }
    Set<String> predictedPairs = pairs(predicted);
    Set<String> hit = new HashSet<>(predictedPairs);
    hit.retainAll(goldPairs);
    double precision = predictedPairs.isEmpty() ? 0 : hit.size() / (double) predictedPairs.size();
    double recall = goldPairs.isEmpty() ? 0 : hit.size() / (double) goldPairs.size();
    return new double[] {precision, recall, predictedPairs.size()};
  }

  /** Prints the cosine of every labelled pair and of each decoy with each claim (calibration). */
  private static void printCosines(
      List<Article> articles, Map<String, String> inputIds, JsonNode labels) {
    Map<String, float[]> vectors = new HashMap<>();
    for (Article article : articles) {
      for (ArticleSentence s : article.sentences()) {
        if (s.vector() != null) {
          vectors.put(inputIds.get(article.id()) + "|" + norm(s.text(article)), s.vector());
        }
      }
    }
    List<String[]> named = new ArrayList<>();
    for (String section : List.of("talkingPoints", "recurringQuotes")) {
      for (JsonNode cluster : labels.path(section)) {
        for (JsonNode m : cluster.path("members")) {
          named.add(
              new String[] {
                cluster.path("name").asText(), m.path("id").asText(), m.path("text").asText()
              });
        }
      }
    }
    for (JsonNode m : labels.path("decoys")) {
      named.add(new String[] {"decoy", m.path("id").asText(), m.path("text").asText()});
    }
    for (int i = 0; i < named.size(); i++) {
      for (int j = i + 1; j < named.size(); j++) {
        float[] a = find(vectors, named.get(i));
        float[] b = find(vectors, named.get(j));
        if (a == null || b == null || named.get(i)[1].equals(named.get(j)[1])) {
          continue;
        }
        double cos = 0;
        for (int k = 0; k < a.length; k++) {
          cos += a[k] * b[k];
        }
        boolean same = named.get(i)[0].equals(named.get(j)[0]) && !named.get(i)[0].equals("decoy");
        if (same || cos > 0.45) {
          System.out.printf(
              Locale.ROOT,
              "cosine %s %.3f [%s] %s <> [%s] %s%n",
              same ? "SAME " : "OTHER",
              cos,
              named.get(i)[0],
              abbreviate(named.get(i)[2]),
              named.get(j)[0],
              abbreviate(named.get(j)[2]));
        }
      }
    }
  }

  private static float[] find(Map<String, float[]> vectors, String[] named) {
    String want = named[1] + "|" + norm(named[2]);
    for (Map.Entry<String, float[]> e : vectors.entrySet()) {
      if (e.getKey().startsWith(named[1] + "|")
          && (want.contains(e.getKey()) || e.getKey().contains(want))) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String abbreviate(String text) {
    return text.length() > 50 ? text.substring(0, 50) + "…" : text;
  }

  @Test
  void demoCorpusCrossPostIsCopiedAndFootballSharesNothing() {
    Path corpus = EXAMPLES.resolve("corpus");
    assumeTrue(Files.isDirectory(corpus), "skipped: no demo corpus at " + corpus.toAbsolutePath());
    Map<String, String> inputIds = new HashMap<>();
    List<Article> articles = analyse(corpus, inputIds);
    TalkingPoints found = TalkingPointFinder.find(articles, TalkingPointsConfig.defaults());
    int copiedCrossPost = 0;
    for (TalkingPoint point : found.talkingPoints()) {
      Set<String> files = new HashSet<>();
      point.members().forEach(c -> files.add(file(inputIds.get(c.document()))));
      System.out.printf(
          Locale.ROOT,
          "demo %s %d outlets %s: %s%n",
          point.kind(),
          point.outletCount(),
          files,
          point.representative().text());
      assertThat(files).doesNotContain("riverton-gazette-cup-final.txt");
      if (point.kind().equals("copied")
          && files.equals(
              Set.of("civic-review-half-truths.txt", "coastline-daily-half-truths.txt"))) {
        copiedCrossPost++;
      }
    }
    for (SpeakerQuotes q : found.recurringQuotes()) {
      for (TalkingPoint point : q.quotes()) {
        System.out.printf(
            Locale.ROOT,
            "demo quote of %s, %d outlets: %s%n",
            q.speaker(),
            point.outletCount(),
            point.representative().text());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "demo: %d talking points (%d copied civic/coastline), %d speakers with recurring quotes%n",
        found.talkingPoints().size(),
        copiedCrossPost,
        found.recurringQuotes().size());
    // the Coastline Daily piece is a cross-post: its sentences come back as copies
    assertThat(copiedCrossPost).isGreaterThanOrEqualTo(3);
  }

  @Test
  void seedsShareTheTalkingPointOnSoleimaniAgainstIsis() {
    Path seeds = Path.of(System.getProperty("parallax.shared", "../shared"), "corpora", "seeds");
    assumeTrue(
        Files.isDirectory(seeds), "skipped: no seed corpus at " + seeds + " (../shared absent)");
    Map<String, String> inputIds = new HashMap<>();
    List<Article> articles = analyse(seeds, inputIds);
    TalkingPoints found = TalkingPointFinder.find(articles, TalkingPointsConfig.defaults());
    TalkingPoint isis = null;
    for (TalkingPoint point : found.talkingPoints()) {
      System.out.printf(Locale.ROOT, "seeds %s %d outlets:%n", point.kind(), point.outletCount());
      point
          .members()
          .forEach(c -> System.out.printf(Locale.ROOT, "   %.3f %s%n", c.similarity(), c.text()));
      // the claim is worded differently in each page; at least two carriers must name it
      long aboutIsis =
          point.members().stream()
              .filter(c -> c.text().matches("(?s).*(ISIS|[Tt]error|Al Qaeda).*"))
              .map(Carrier::outlet)
              .distinct()
              .count();
      if (aboutIsis >= 2 && (isis == null || point.outletCount() > isis.outletCount())) {
        isis = point;
      }
    }
    assertThat(isis).as("a talking point on Soleimani's role against ISIS / terrorism").isNotNull();
    assertThat(isis.outletCount()).isGreaterThanOrEqualTo(3);

    // Trump's "to stop a war" comes back, in other words around it, in two pages: one quote of his
    assertThat(found.recurringQuotes())
        .anySatisfy(
            q -> {
              assertThat(String.valueOf(q.speaker())).contains("Trump");
              assertThat(q.outletCount()).isGreaterThanOrEqualTo(2);
              assertThat(q.quotes())
                  .anySatisfy(
                      p ->
                          assertThat(p.members())
                              .allSatisfy(c -> assertThat(c.text()).contains("stop a war")));
            });

    seedPairsAgainstOurReading(articles, found);
    // The finder breaks ties by reading order: the figure of one order moved from P 0.200 to 0.152
    // when ids took in the outlet and the workspace still gave the documents in id order. Measured
    // over 24 orders of the five pages instead (seeded shuffles of the pages in id order), so that
    // it moves with the finder only, not with the order the workspace gives them in.
    List<Article> byId = new ArrayList<>(articles);
    byId.sort(java.util.Comparator.comparing(Article::id));
    Random random = new Random(20200103L);
    double precision = 0;
    double recall = 0;
    double lowest = 1;
    int orders = 24;
    for (int i = 0; i < orders; i++) {
      List<Article> shuffled = new ArrayList<>(byId);
      Collections.shuffle(shuffled, random);
      double[] pr =
          seedPairsAgainstOurReading(
              shuffled, TalkingPointFinder.find(shuffled, TalkingPointsConfig.defaults()));
      precision += pr[0] / orders;
      recall += pr[1] / orders;
      lowest = Math.min(lowest, pr[0]);
    }
    System.out.printf(
        Locale.ROOT,
        "seeds talking points over %d orders: mean precision %.3f (lowest %.3f), mean recall %.3f%n",
        orders,
        precision,
        lowest,
        recall);
    // floors just under the means measured (2026-12-07: P 0.166, from 0.118 to 0.214 by order;
    // R 0.056); one order (the ids of then) gave P 0.200, R 0.067, the floors were 0.18 / 0.06
    assertThat(precision)
        .as("mean pair precision against eval/talking-points-seeds.tsv")
        .isGreaterThan(PRECISION_FLOOR);
    assertThat(recall)
        .as("mean pair recall against eval/talking-points-seeds.tsv")
        .isGreaterThan(RECALL_FLOOR);
  }

  private static final double PRECISION_FLOOR = 0.16;
  private static final double RECALL_FLOOR = 0.05;

  /**
   * Cross-document sentence pairs that share a talking point (or a recurring quote) against the
   * pairs that share a claim in our reading of the seeds ({@code eval/talking-points-seeds.tsv},
   * sentences keyed by a hash of their text); returns {precision, recall}.
   */
  private static double[] seedPairsAgainstOurReading(List<Article> articles, TalkingPoints found) {
    Path file = Path.of("..", "eval", "talking-points-seeds.tsv");
    Map<String, String> claimOf = new HashMap<>();
    Map<String, String> fileOf = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        claimOf.put(parts[2], parts[1]);
        fileOf.put(parts[2], parts[0]);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    // the reading names sentences as the pipeline segments them: if segmentation changes, read
    // again
    Set<String> segmented = new HashSet<>();
    for (Article article : articles) {
      for (ArticleSentence sentence : article.sentences()) {
        segmented.add(sentenceHash(sentence.text(article)));
      }
    }
    assertThat(segmented)
        .as("sentences of eval/talking-points-seeds.tsv among the seeds' sentences")
        .containsAll(claimOf.keySet());
    Set<String> gold = new HashSet<>();
    for (String a : claimOf.keySet()) {
      for (String b : claimOf.keySet()) {
        if (a.compareTo(b) < 0
            && claimOf.get(a).equals(claimOf.get(b))
            && !fileOf.get(a).equals(fileOf.get(b))) {
          gold.add(a + "~" + b);
        }
      }
    }
    List<TalkingPoint> groups = new ArrayList<>(found.talkingPoints());
    found.recurringQuotes().forEach(q -> groups.addAll(q.quotes()));
    Set<String> predicted = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (TalkingPoint point : groups) {
      List<Carrier> members = point.members();
      List<String> hashes = members.stream().map(c -> sentenceHash(c.text())).toList();
      seen.addAll(hashes);
      for (int i = 0; i < members.size(); i++) {
        for (int j = 0; j < members.size(); j++) {
          if (!members.get(i).document().equals(members.get(j).document())
              && hashes.get(i).compareTo(hashes.get(j)) < 0) {
            predicted.add(hashes.get(i) + "~" + hashes.get(j));
          }
        }
      }
    }
    long correct = predicted.stream().filter(gold::contains).count();
    double precision = predicted.isEmpty() ? 0 : (double) correct / predicted.size();
    double recall = gold.isEmpty() ? 0 : (double) correct / gold.size();
    System.out.printf(
        Locale.ROOT,
        "seeds talking points against our reading: %d predicted pairs, %d read pairs, %d both:"
            + " precision %.3f recall %.3f (claims whose sentences were found: %d of %d)%n",
        predicted.size(),
        gold.size(),
        correct,
        precision,
        recall,
        claimOf.keySet().stream().filter(seen::contains).count(),
        claimOf.size());
    return new double[] {precision, recall};
  }

  /** The key of a sentence in eval/talking-points-seeds.tsv. */
  private static String sentenceHash(String text) {
    String norm = text.toLowerCase(Locale.ROOT).replaceAll("(?U)\\W+", " ").strip();
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(norm.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String file(String inputId) {
    return inputId.substring(inputId.lastIndexOf('/') + 1);
  }
}
