package org.parallax.corpus.dedup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.corpus.article.Article;

/**
 * Finds near-duplicates and cross-posts in a corpus and names the original of each group.
 *
 * <p>Three passes over {@code articles}, which must yield the same articles each time: (1) a
 * MinHash signature per article and LSH banding to propose candidate pairs, keeping only the
 * signatures; (2) exact Jaccard and containment for the candidates, holding an article's shingle
 * set only until its last candidate partner has been seen; (3) word diffs of each group member
 * against the group's original, holding the words of originals (and of members met before their
 * original) only. Nothing compares all pairs of articles.
 */
public final class DuplicateFinder {

  /** Above this bucket size, LSH pairs a bucket's articles along a chain instead of all pairs. */
  private static final int ALL_PAIRS_BUCKET = 50;

  private DuplicateFinder() {}

  /** Groups the copies among {@code articles}; articles without a copy appear in no group. */
  public static DuplicateReport find(Iterable<Article> articles, DedupConfig config) {
    Corpus corpus = signatures(articles, config);
    Map<Long, Double> candidates = candidates(corpus, config);
    List<Verified> verified = verify(articles, corpus, candidates.keySet(), config);
    List<List<Integer>> components = components(corpus.entries.size(), verified, config);
    List<DuplicateGroup> groups = groups(articles, corpus, components, config);
    List<DuplicatePair> pairs = new ArrayList<>();
    for (Verified pair : verified) {
      if (pair.duplicate(config)) {
        String a = corpus.entries.get(pair.first).id;
        String b = corpus.entries.get(pair.second).id;
        boolean ordered = a.compareTo(b) < 0;
        pairs.add(
            new DuplicatePair(
                ordered ? a : b, ordered ? b : a, round(pair.jaccard), round(pair.containment)));
      }
    }
    pairs.sort(Comparator.comparing(DuplicatePair::a).thenComparing(DuplicatePair::b));
    int compared = 0;
    for (Entry entry : corpus.entries) {
      if (entry.signature != null) {
        compared++;
      }
    }
    return new DuplicateReport(corpus.read, compared, candidates.size(), groups, pairs);
  }

  /** What pass 1 keeps of one article. */
  private static final class Entry {
    final String id;
    final String outlet;
    final String published;
    final Long publishedAt;
    final int order;
    final long[] signature;

    Entry(Article article, int order, long[] signature) {
      this.id = article.id();
      this.outlet = article.outlet();
      this.published = article.published();
      this.publishedAt = epochSeconds(article.published());
      this.order = order;
      this.signature = signature;
    }
  }

  private record Corpus(List<Entry> entries, Map<String, Integer> indexById, int read) {
    Integer indexOf(Article article) {
      return article == null || article.id() == null ? null : indexById.get(article.id());
    }
  }

  private record Verified(int first, int second, double jaccard, double containment) {
    boolean duplicate(DedupConfig config) {
      return jaccard >= config.jaccard() || containment >= config.containment();
    }
  }

  private static Corpus signatures(Iterable<Article> articles, DedupConfig config) {
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> indexById = new HashMap<>();
    int read = 0;
    for (Article article : articles) {
      read++;
      // An article without id cannot be reported, and a repeated id is the same article again.
      if (article == null || article.id() == null || indexById.containsKey(article.id())) {
        continue;
      }
      WordTokens words = WordTokens.of(article.text());
      long[] signature = null;
      if (words.size() >= Math.max(1, config.minWords())) {
        long[] shingles = Shingles.of(words.folded(), config.shingleSize());
        signature = Shingles.signature(shingles, config.hashes(), config.seed());
      }
      indexById.put(article.id(), entries.size());
      entries.add(new Entry(article, entries.size(), signature));
    }
    return new Corpus(List.copyOf(entries), Map.copyOf(indexById), read);
  }

  /** LSH banding; returns candidate pairs (packed indices) with their estimated Jaccard. */
  private static Map<Long, Double> candidates(Corpus corpus, DedupConfig config) {
    Map<Long, Double> candidates = new HashMap<>();
    List<Entry> entries = corpus.entries;
    for (int band = 0; band < config.bands(); band++) {
      Map<Long, List<Integer>> buckets = new HashMap<>();
      for (Entry entry : entries) {
        if (entry.signature == null) {
          continue;
        }
        long key = band;
        for (int row = band * config.rows(); row < (band + 1) * config.rows(); row++) {
          key = Shingles.mix(key * 31 + entry.signature[row]);
        }
        buckets.computeIfAbsent(key, k -> new ArrayList<>(2)).add(entry.order);
      }
      for (List<Integer> bucket : buckets.values()) {
        int size = bucket.size();
        if (size < 2) {
          continue;
        }
        if (size <= ALL_PAIRS_BUCKET) {
          for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
              propose(candidates, entries, bucket.get(i), bucket.get(j), config);
            }
          }
        } else {
          // A huge bucket is many near-identical texts; a chain plus a star still joins them all
          // into one group while keeping the pair count linear in the bucket size.
          for (int i = 1; i < size; i++) {
            propose(candidates, entries, bucket.get(0), bucket.get(i), config);
            propose(candidates, entries, bucket.get(i - 1), bucket.get(i), config);
          }
        }
      }
    }
    return candidates;
  }

  private static void propose(
      Map<Long, Double> candidates, List<Entry> entries, int i, int j, DedupConfig config) {
    int first = Math.min(i, j);
    int second = Math.max(i, j);
    long key = ((long) first << 32) | second;
    if (first == second || candidates.containsKey(key)) {
      return;
    }
    double estimate =
        Shingles.estimatedJaccard(entries.get(first).signature, entries.get(second).signature);
    if (estimate >= config.estimateFloor()) {
      candidates.put(key, estimate);
    }
  }

  /** Pass 2: exact similarity of every candidate pair, holding shingle sets only while needed. */
  private static List<Verified> verify(
      Iterable<Article> articles, Corpus corpus, Set<Long> candidates, DedupConfig config) {
    int n = corpus.entries.size();
    Map<Integer, List<Integer>> partners = new HashMap<>();
    for (long key : candidates) {
      int first = (int) (key >>> 32);
      int second = (int) key;
      partners.computeIfAbsent(first, k -> new ArrayList<>()).add(second);
      partners.computeIfAbsent(second, k -> new ArrayList<>()).add(first);
    }
    int[] pending = new int[n];
    partners.forEach((index, list) -> pending[index] = list.size());
    Map<Integer, long[]> held = new HashMap<>();
    Set<Integer> seen = new HashSet<>();
    List<Verified> verified = new ArrayList<>();
    for (Article article : articles) {
      Integer index = corpus.indexOf(article);
      if (index == null || pending[index] == 0 || !seen.add(index)) {
        continue;
      }
      long[] shingles = Shingles.of(WordTokens.of(article.text()).folded(), config.shingleSize());
      for (int partner : partners.get(index)) {
        long[] other = held.get(partner);
        if (other == null) {
          continue;
        }
        int overlap = Shingles.overlap(shingles, other);
        verified.add(
            new Verified(
                Math.min(index, partner),
                Math.max(index, partner),
                Shingles.jaccard(shingles, other, overlap),
                Shingles.containment(shingles, other, overlap)));
        pending[index]--;
        if (--pending[partner] == 0) {
          held.remove(partner);
        }
      }
      if (pending[index] > 0) {
        held.put(index, shingles);
      }
    }
    verified.sort(Comparator.comparingInt(Verified::first).thenComparingInt(Verified::second));
    return verified;
  }

  /** Union-find over the verified duplicate pairs; components of two or more, by first index. */
  private static List<List<Integer>> components(
      int n, List<Verified> verified, DedupConfig config) {
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (Verified pair : verified) {
      if (pair.duplicate(config)) {
        int a = root(parent, pair.first);
        int b = root(parent, pair.second);
        if (a != b) {
          parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
    Map<Integer, List<Integer>> byRoot = new HashMap<>();
    for (Verified pair : verified) {
      if (pair.duplicate(config)) {
        for (int index : new int[] {pair.first, pair.second}) {
          List<Integer> members =
              byRoot.computeIfAbsent(root(parent, index), k -> new ArrayList<>());
          if (!members.contains(index)) {
            members.add(index);
          }
        }
      }
    }
    List<List<Integer>> components = new ArrayList<>(byRoot.values());
    components.sort(Comparator.comparingInt(members -> members.get(0)));
    return components;
  }

  private static int root(int[] parent, int index) {
    while (parent[index] != index) {
      parent[index] = parent[parent[index]];
      index = parent[index];
    }
    return index;
  }

  /** Words of a member met before its group's original. */
  private record Held(WordTokens words, long[] shingles) {}

  /** One group being assembled in pass 3. */
  private static final class GroupBuilder {
    final List<Integer> members;
    final int original;
    WordTokens originalWords;
    long[] originalShingles;
    final Map<Integer, DuplicateMember> compared = new HashMap<>();
    final Map<Integer, Held> waiting = new HashMap<>();

    GroupBuilder(List<Integer> members, int original) {
      this.members = members;
      this.original = original;
    }
  }

  /** Pass 3: originals, member order and word diffs. */
  private static List<DuplicateGroup> groups(
      Iterable<Article> articles,
      Corpus corpus,
      List<List<Integer>> components,
      DedupConfig config) {
    List<Entry> entries = corpus.entries;
    Comparator<Integer> earliest = earliestFirst(entries);
    Map<Integer, GroupBuilder> byMember = new HashMap<>();
    List<GroupBuilder> builders = new ArrayList<>();
    for (List<Integer> component : components) {
      List<Integer> members = new ArrayList<>(component);
      members.sort(earliest);
      GroupBuilder builder = new GroupBuilder(List.copyOf(members), members.get(0));
      builders.add(builder);
      for (int member : members) {
        byMember.put(member, builder);
      }
    }
    Set<Integer> seen = new HashSet<>();
    for (Article article : articles) {
      Integer index = corpus.indexOf(article);
      GroupBuilder builder = index == null ? null : byMember.get(index);
      if (builder == null || !seen.add(index)) {
        continue;
      }
      WordTokens words = WordTokens.of(article.text());
      long[] shingles = Shingles.of(words.folded(), config.shingleSize());
      if (index == builder.original) {
        builder.originalWords = words;
        builder.originalShingles = shingles;
        builder.compared.put(
            index,
            new DuplicateMember(
                article.id(), article.outlet(), article.published(), 1, 1, List.of(), 0));
        for (Map.Entry<Integer, Held> early : builder.waiting.entrySet()) {
          Held held = early.getValue();
          compare(builder, early.getKey(), entries, held.words(), held.shingles(), config);
        }
        builder.waiting.clear();
      } else if (builder.originalWords == null) {
        builder.waiting.put(index, new Held(words, shingles));
      } else {
        compare(builder, index, entries, words, shingles, config);
      }
    }
    List<DuplicateGroup> groups = new ArrayList<>();
    for (GroupBuilder builder : builders) {
      List<DuplicateMember> members = new ArrayList<>();
      String smallestId = null;
      for (int member : builder.members) {
        DuplicateMember compared = builder.compared.get(member);
        if (compared == null) {
          continue; // the article vanished between passes; report what is still there
        }
        members.add(compared);
        if (smallestId == null || compared.id().compareTo(smallestId) < 0) {
          smallestId = compared.id();
        }
      }
      if (members.size() < 2) {
        continue;
      }
      boolean anyDated = builder.members.stream().anyMatch(m -> entries.get(m).publishedAt != null);
      groups.add(
          new DuplicateGroup(
              "dup-" + smallestId,
              entries.get(builder.original).id,
              anyDated ? "published" : "input-order",
              members));
    }
    groups.sort(Comparator.comparing(DuplicateGroup::id));
    return groups;
  }

  private static void compare(
      GroupBuilder builder,
      int index,
      List<Entry> entries,
      WordTokens words,
      long[] shingles,
      DedupConfig config) {
    Entry entry = entries.get(index);
    int overlap = Shingles.overlap(builder.originalShingles, shingles);
    WordDiff.Result diff =
        WordDiff.diff(builder.originalWords, words, config.maxDiffDistance(), config.maxEdits());
    builder.compared.put(
        index,
        new DuplicateMember(
            entry.id,
            entry.outlet,
            entry.published,
            round(Shingles.jaccard(builder.originalShingles, shingles, overlap)),
            round(Shingles.containment(builder.originalShingles, shingles, overlap)),
            diff.edits(),
            diff.omitted()));
  }

  /** Dated articles by date, then undated ones; ties in input order. */
  private static Comparator<Integer> earliestFirst(List<Entry> entries) {
    return (x, y) -> {
      Entry a = entries.get(x);
      Entry b = entries.get(y);
      if (a.publishedAt != null && b.publishedAt != null && !a.publishedAt.equals(b.publishedAt)) {
        return a.publishedAt.compareTo(b.publishedAt);
      }
      if ((a.publishedAt == null) != (b.publishedAt == null)) {
        return a.publishedAt == null ? 1 : -1;
      }
      return Integer.compare(a.order, b.order);
    };
  }

  /** Seconds since the epoch of an ISO date or date-time (UTC when no offset), or null. */
  static Long epochSeconds(String published) {
    if (published == null || published.isBlank()) {
      return null;
    }
    String value = published.strip();
    try {
      return OffsetDateTime.parse(value).toEpochSecond();
    } catch (DateTimeParseException notOffset) {
      // fall through to the less precise forms
    }
    try {
      return LocalDateTime.parse(value).toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException notLocal) {
      // fall through
    }
    try {
      return LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value)
          .atStartOfDay()
          .toEpochSecond(ZoneOffset.UTC);
    } catch (DateTimeParseException notDate) {
      return null;
    }
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
