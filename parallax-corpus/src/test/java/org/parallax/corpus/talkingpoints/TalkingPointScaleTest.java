package org.parallax.corpus.talkingpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleSentence;
import org.parallax.corpus.talkingpoints.TalkingPoints.TalkingPoint;

/**
 * A synthetic corpus of 30-sentence documents, regenerated on each iteration like a workspace read
 * from disk, with claims planted in three to five outlets each. 500 documents by default; {@code
 * -Dparallax.scale=true} runs 10,000 and prints time and heap. No timing is asserted.
 */
class TalkingPointScaleTest {

  private static final int DIM = 384;
  private static final int SENTENCES = 30;

  @Test
  void plantedClaimsAreFoundInALargeSyntheticCorpus() {
    boolean scale = Boolean.getBoolean("parallax.scale");
    int documents = scale ? 10_000 : 500;
    int claims = documents / 20;
    Synthetic corpus = new Synthetic(documents, claims, 11L);
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    TalkingPoints found = TalkingPointFinder.find(corpus, TalkingPointsConfig.defaults());
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    Set<Integer> recovered = new HashSet<>();
    int pure = 0;
    for (TalkingPoint point : found.talkingPoints()) {
      Set<String> claimsInPoint = new HashSet<>();
      point.members().forEach(c -> claimsInPoint.add(c.text().split(" ")[1]));
      if (claimsInPoint.size() == 1) {
        pure++;
        recovered.add(Integer.parseInt(claimsInPoint.iterator().next().substring(1)));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "talking points at scale: %d documents, %d sentences, %d candidate pairs, %d linked,"
            + " %d talking points (%d pure), %d/%d planted claims recovered, %.1f s, peak heap"
            + " %d MiB%n",
        documents,
        found.sentences(),
        found.candidatePairs(),
        found.linkedPairs(),
        found.talkingPoints().size(),
        pure,
        recovered.size(),
        claims,
        seconds,
        peak >> 20);
    assertThat(recovered.size()).isGreaterThanOrEqualTo((int) (claims * 0.9));
    assertThat(pure).isEqualTo(found.talkingPoints().size());
    // candidates grow with the sentences, not with their square
    assertThat(found.candidatePairs()).isLessThan(5L * documents * SENTENCES);
  }

  /** Documents generated from a seed: claim sentences near a claim direction, the rest random. */
  private static final class Synthetic implements Iterable<Article> {
    private final int documents;
    private final float[][] centres;
    private final int[][] carriers;

    Synthetic(int documents, int claims, long seed) {
      this.documents = documents;
      Random random = new Random(seed);
      centres = new float[claims][];
      carriers = new int[claims][];
      for (int c = 0; c < claims; c++) {
        centres[c] = unit(random);
        int n = 3 + random.nextInt(3);
        carriers[c] = new int[n];
        for (int k = 0; k < n; k++) {
          carriers[c][k] = random.nextInt(documents);
        }
      }
    }

    @Override
    public Iterator<Article> iterator() {
      return new Iterator<>() {
        int d = 0;

        @Override
        public boolean hasNext() {
          return d < documents;
        }

        @Override
        public Article next() {
          return document(d++);
        }
      };
    }

    private Article document(int d) {
      Random random = new Random(d * 7919L);
      StringBuilder text = new StringBuilder();
      List<ArticleSentence> sentences = new ArrayList<>();
      List<Integer> planted = new ArrayList<>();
      for (int c = 0; c < carriers.length; c++) {
        for (int carrier : carriers[c]) {
          if (carrier == d && !planted.contains(c)) {
            planted.add(c);
          }
        }
      }
      for (int s = 0; s < SENTENCES; s++) {
        int begin = text.length();
        float[] vector;
        if (s < planted.size()) {
          int c = planted.get(s);
          // claim words shared by every carrier plus words of this document's own
          text.append(
              String.format(
                  Locale.ROOT,
                  "Claim c%d says q%05d and r%05d while w%05d.",
                  c,
                  c,
                  c + 50_000,
                  random.nextInt(99_999)));
          vector = near(centres[c], 0.6, random);
        } else {
          text.append(
              String.format(
                  Locale.ROOT,
                  "Line x says w%05d and w%05d with w%05d w%05d.",
                  random.nextInt(99_999),
                  random.nextInt(99_999),
                  random.nextInt(99_999),
                  random.nextInt(99_999)));
          vector = unit(random);
        }
        sentences.add(new ArticleSentence(begin, text.length(), vector));
        text.append(' ');
      }
      return new Article(
          "doc" + d,
          "outlet" + (d % 100),
          null,
          String.format(Locale.ROOT, "2024-01-%02d", 1 + d % 28),
          "en",
          null,
          text.toString(),
          sentences,
          null,
          List.of(),
          List.of());
    }

    private static float[] unit(Random random) {
      float[] v = new float[DIM];
      double norm = 0;
      for (int i = 0; i < DIM; i++) {
        v[i] = (float) random.nextGaussian();
        norm += v[i] * v[i];
      }
      for (int i = 0; i < DIM; i++) {
        v[i] /= (float) Math.sqrt(norm);
      }
      return v;
    }

    private static float[] near(float[] centre, double noise, Random random) {
      float[] n = unit(random);
      float[] v = new float[DIM];
      double norm = 0;
      for (int i = 0; i < DIM; i++) {
        v[i] = centre[i] + (float) noise * n[i];
        norm += v[i] * v[i];
      }
      for (int i = 0; i < DIM; i++) {
        v[i] /= (float) Math.sqrt(norm);
      }
      return v;
    }
  }
}
