package org.parallax.corpus.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parallax.corpus.article.Article;

/**
 * Pairwise precision/recall and cost of {@link DuplicateFinder} on real news texts (SemEval 2020
 * task 11 PTC and SemEval 2023 task 3 articles, read from the shared folder at test time) plus
 * generated edited copies whose ground truth is known. 1,000 documents by default; 10,000 with
 * {@code -Dparallax.scale=true}; a sweep over banding and thresholds with {@code
 * -Dparallax.dedup.sweep=true}. Copies are regenerated on every pass over the input, so the heap
 * figure is the finder's state plus the real texts, not 10,000 strings held by the test.
 */
class DedupScaleIT {

  private static final String[] FOOTERS = {
    "This article was first published elsewhere and is republished here with permission.",
    "Follow us for more news and analysis. All rights reserved. Do not reproduce without consent.",
    "Disclaimer: the views expressed here are the author's own and not those of this site.",
  };

  private static final String[] INTROS = {
    "Editor's note: this report has been updated since it first appeared.",
    "We are sharing this piece from a partner outlet because readers asked about the topic.",
  };

  @Test
  void precisionAndRecallOnRealTextsWithGeneratedCopies() throws IOException {
    Path shared = Path.of(System.getProperty("parallax.shared", "../shared"), "data");
    assumeTrue(
        Files.isDirectory(shared.resolve("semeval2020-task11-ptc")),
        "shared data not found under " + shared + ": skipping the dedup scale check");
    boolean scale = Boolean.getBoolean("parallax.scale");
    int total = scale ? 10_000 : 1_000;
    List<String> real = realTexts(shared);
    Random random = new Random(20240305L);
    Collections.shuffle(real, random);
    int originals = Math.min(real.size(), scale ? real.size() : 300);
    List<String> paths = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (String pathAndText : real.subList(0, originals)) {
      int newline = pathAndText.indexOf('\n');
      paths.add(pathAndText.substring(0, newline));
      texts.add(pathAndText.substring(newline + 1));
    }
    Corpus corpus = new Corpus(texts, total - originals, 7L);
    System.out.printf(
        Locale.ROOT,
        "dedup scale: %d documents (%d real texts, %d generated copies)%n",
        total,
        originals,
        total - originals);

    Measured measured = run(corpus, DedupConfig.DEFAULTS);
    System.out.println("dedup scale, defaults: " + measured);
    // Pairs of two different real texts are not in the generated ground truth: print them to check
    // by eye whether the data sets hold real copies (they count against precision above).
    for (String pair : measured.crossFamilyRealPairs) {
      String[] ids = pair.split(" ");
      System.out.println(
          "  real pair: "
              + paths.get(Integer.parseInt(ids[0].substring(5)))
              + " ~ "
              + paths.get(Integer.parseInt(ids[1].substring(5)))
              + " "
              + ids[2]);
    }
    assertThat(measured.precision).isGreaterThanOrEqualTo(0.97);
    assertThat(measured.recall).isGreaterThanOrEqualTo(0.90);

    if (Boolean.getBoolean("parallax.dedup.sweep")) {
      for (int[] banding : new int[][] {{32, 4}, {42, 3}, {64, 2}}) {
        for (double[] thresholds :
            new double[][] {{0.4, 0.7}, {0.5, 0.8}, {0.6, 0.9}, {0.5, 1.0}, {0.3, 0.7}}) {
          DedupConfig config =
              DedupConfig.DEFAULTS
                  .withBanding(banding[0], banding[1])
                  .withThresholds(thresholds[0], thresholds[1]);
          System.out.printf(
              Locale.ROOT,
              "sweep bands=%d rows=%d jaccard=%.1f containment=%.1f: %s%n",
              banding[0],
              banding[1],
              thresholds[0],
              thresholds[1],
              run(corpus, config));
        }
      }
    }
  }

  private record Measured(
      double precision,
      double recall,
      long truePairs,
      long predictedPairs,
      int groups,
      int candidates,
      List<String> crossFamilyRealPairs,
      Map<String, double[]> recallByEdit,
      double seconds,
      long heapMiB) {
    @Override
    public String toString() {
      StringBuilder byEdit = new StringBuilder();
      recallByEdit.forEach(
          (edit, counts) ->
              byEdit.append(
                  String.format(
                      Locale.ROOT, " %s=%.3f", edit, counts[0] / Math.max(1, counts[1]))));
      return String.format(
          Locale.ROOT,
          "precision=%.4f recall=%.4f (true pairs %d, predicted %d, groups %d, LSH candidates %d,"
              + " pairs joining two real texts %d) recall of copy->original by edit:%s;"
              + " time %.1f s, peak heap %d MiB",
          precision,
          recall,
          truePairs,
          predictedPairs,
          groups,
          candidates,
          crossFamilyRealPairs.size(),
          byEdit,
          seconds,
          heapMiB);
    }
  }

  private static Measured run(Corpus corpus, DedupConfig config) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(5);
                } catch (InterruptedException stop) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long start = System.nanoTime();
    DuplicateReport report = DuplicateFinder.find(corpus, config);
    double seconds = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();

    Map<String, Integer> family = corpus.families();
    long truePairs = 0;
    Map<Integer, Integer> familySizes = new HashMap<>();
    family.values().forEach(f -> familySizes.merge(f, 1, Integer::sum));
    for (int size : familySizes.values()) {
      truePairs += (long) size * (size - 1) / 2;
    }
    long predicted = 0;
    long correct = 0;
    for (DuplicateGroup group : report.groups()) {
      int size = group.members().size();
      predicted += (long) size * (size - 1) / 2;
      Map<Integer, Integer> byFamily = new HashMap<>();
      group.members().forEach(m -> byFamily.merge(family.get(m.id()), 1, Integer::sum));
      for (int count : byFamily.values()) {
        correct += (long) count * (count - 1) / 2;
      }
    }
    List<String> crossReal = new ArrayList<>();
    for (DuplicatePair pair : report.pairs()) {
      if (pair.a().startsWith("real-")
          && pair.b().startsWith("real-")
          && !family.get(pair.a()).equals(family.get(pair.b()))) {
        crossReal.add(
            pair.a()
                + " "
                + pair.b()
                + " jaccard="
                + pair.jaccard()
                + ",containment="
                + pair.containment());
      }
    }
    Map<String, String> groupOf = report.groupByArticle();
    Map<String, double[]> recallByEdit = new java.util.TreeMap<>();
    corpus.copyEdits.forEach(
        (id, edits) -> {
          String original = "real-" + family.get(id);
          boolean found = groupOf.get(id) != null && groupOf.get(id).equals(groupOf.get(original));
          for (String edit : edits) {
            double[] counts = recallByEdit.computeIfAbsent(edit, e -> new double[2]);
            counts[0] += found ? 1 : 0;
            counts[1]++;
          }
        });
    return new Measured(
        predicted == 0 ? 1 : (double) correct / predicted,
        truePairs == 0 ? 1 : (double) correct / truePairs,
        truePairs,
        predicted,
        report.groups().size(),
        report.candidatePairs(),
        crossReal,
        recallByEdit,
        seconds,
        (peak.get()) >> 20);
  }

  /**
   * Real texts, one per article, each after its path and a newline (PTC first; SemEval 2023 English
   * files of the same name skipped).
   */
  private static List<String> realTexts(Path data) throws IOException {
    Set<String> names = new HashSet<>();
    Set<String> contents = new HashSet<>();
    List<String> texts = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (String split : new String[] {"train", "dev", "test"}) {
      Path folder = data.resolve("semeval2020-task11-ptc").resolve(split + "-articles");
      if (Files.isDirectory(folder)) {
        try (Stream<Path> list = Files.list(folder)) {
          list.sorted().forEach(files::add);
        }
      }
    }
    Path semeval = data.resolve("semeval2023-task3");
    if (Files.isDirectory(semeval)) {
      try (Stream<Path> walk = Files.walk(semeval)) {
        walk.filter(p -> p.getParent().getFileName().toString().contains("articles"))
            .filter(p -> p.toString().endsWith(".txt"))
            .sorted()
            .forEach(files::add);
      }
    }
    for (Path file : files) {
      String language =
          file.toString().contains("semeval2023")
              ? file.getParent().getParent().getFileName().toString()
              : "en";
      if (!names.add(language + "/" + file.getFileName())) {
        continue; // the same article in another split, subtask or dataset
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
      if (WordTokens.of(text).size() >= 80 && contents.add(text)) {
        texts.add(data.relativize(file) + "\n" + text);
      }
    }
    return texts;
  }

  /**
   * Real texts ({@code real-<i>}) and edited copies ({@code copy-<j>}) generated on the fly from a
   * fixed seed, so every iteration yields identical articles without holding the copies.
   */
  private static final class Corpus implements Iterable<Article> {
    final List<String> originals;
    final int copies;
    final long seed;
    final Map<String, List<String>> copyEdits = new HashMap<>();

    Corpus(List<String> originals, int copies, long seed) {
      this.originals = originals;
      this.copies = copies;
      this.seed = seed;
      for (int j = 0; j < copies; j++) {
        copyEdits.put("copy-" + j, copy(j).edits);
      }
    }

    Map<String, Integer> families() {
      Map<String, Integer> families = new HashMap<>();
      for (int i = 0; i < originals.size(); i++) {
        families.put("real-" + i, i);
      }
      for (int j = 0; j < copies; j++) {
        families.put("copy-" + j, copy(j).source);
      }
      return families;
    }

    @Override
    public Iterator<Article> iterator() {
      return new Iterator<>() {
        int next = 0;

        @Override
        public boolean hasNext() {
          return next < originals.size() + copies;
        }

        @Override
        public Article next() {
          int index = next++;
          if (index < originals.size()) {
            return Texts.article(
                "real-" + index, "outlet-" + index % 50, null, originals.get(index));
          }
          int j = index - originals.size();
          return Texts.article("copy-" + j, "outlet-" + j % 50, null, copy(j).text);
        }
      };
    }

    private record Copy(int source, String text, List<String> edits) {}

    private Copy copy(int j) {
      Random random = new Random(seed * 1_000_003L + j);
      int source = random.nextInt(originals.size());
      String text = originals.get(source);
      List<String> edits = new ArrayList<>();
      int operations = 1 + random.nextInt(2);
      for (int o = 0; o < operations; o++) {
        switch (random.nextInt(6)) {
          case 0 -> {
            edits.add("substitute");
            text = substituteWords(text, random, 0.01 + random.nextDouble() * 0.05);
          }
          case 1 -> {
            edits.add("delete-words");
            text = deleteWords(text, random, 0.01 + random.nextDouble() * 0.05);
          }
          case 2 -> {
            edits.add("drop-sentence");
            text = dropSentence(text, random);
          }
          case 3 -> {
            edits.add("footer");
            text = text + "\n\n" + FOOTERS[random.nextInt(FOOTERS.length)];
          }
          case 4 -> {
            edits.add("reorder-paragraphs");
            text = swapParagraphs(text, random);
          }
          default -> {
            edits.add("intro");
            text = INTROS[random.nextInt(INTROS.length)] + "\n\n" + text;
          }
        }
      }
      return new Copy(source, text, List.copyOf(edits));
    }

    private static String substituteWords(String text, Random random, double rate) {
      String[] words = text.split(" ");
      for (int i = 0; i < words.length; i++) {
        if (random.nextDouble() < rate) {
          words[i] = words[random.nextInt(words.length)];
        }
      }
      return String.join(" ", words);
    }

    private static String deleteWords(String text, Random random, double rate) {
      StringBuilder kept = new StringBuilder();
      for (String word : text.split(" ")) {
        if (random.nextDouble() >= rate) {
          kept.append(word).append(' ');
        }
      }
      return kept.toString().strip();
    }

    private static String dropSentence(String text, Random random) {
      String[] sentences = text.split("(?<=[.!?])\\s+");
      if (sentences.length < 3) {
        return text;
      }
      int drop = random.nextInt(sentences.length);
      StringBuilder kept = new StringBuilder();
      for (int i = 0; i < sentences.length; i++) {
        if (i != drop) {
          kept.append(sentences[i]).append(' ');
        }
      }
      return kept.toString().strip();
    }

    private static String swapParagraphs(String text, Random random) {
      String[] paragraphs = text.split("\\n\\s*\\n");
      if (paragraphs.length < 3) {
        return text;
      }
      int a = random.nextInt(paragraphs.length);
      int b = random.nextInt(paragraphs.length);
      String swap = paragraphs[a];
      paragraphs[a] = paragraphs[b];
      paragraphs[b] = swap;
      return String.join("\n\n", paragraphs);
    }
  }
}
