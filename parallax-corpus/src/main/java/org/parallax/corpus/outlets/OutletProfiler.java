package org.parallax.corpus.outlets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleMention;
import org.parallax.corpus.article.ArticleQuote;
import org.parallax.corpus.article.ArticleSentence;

/**
 * Profiles every outlet of a corpus: what it covers, whom it quotes, how it casts its main entities
 * and which words set it apart, with the public ratings of its domains.
 *
 * <p>Reads the articles twice: the first pass counts the corpus vocabulary and the per-outlet
 * metadata, the second counts the words of each outlet and around each profiled entity, only for
 * words seen at least {@link OutletConfig#minCorpusCount} times in the corpus. Memory is one corpus
 * vocabulary plus per-outlet counts; nothing is kept per article.
 */
public final class OutletProfiler {

  /** The outlet name given to articles that name no outlet and have no URL. */
  public static final String UNKNOWN_OUTLET = "(unknown outlet)";

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

  private OutletProfiler() {}

  /**
   * One profile per outlet, the outlets with the most articles first.
   *
   * @param articles the corpus; iterated twice
   */
  public static List<OutletProfile> profile(Iterable<Article> articles, OutletConfig config) {
    Map<String, OutletTally> outlets = new TreeMap<>();
    Map<String, Integer> corpus = new HashMap<>();
    for (Article article : articles) {
      outlets.computeIfAbsent(outletOf(article), k -> new OutletTally()).add(article);
      for (String term : terms(article.text(), tokens(article), config.bigrams())) {
        corpus.merge(term, 1, Integer::sum);
      }
    }
    corpus.values().removeIf(count -> count < config.minCorpusCount());
    // the kept vocabulary; the second pass recounts into it per language, so corpus counts and
    // outlet counts agree even if the first pass saw a different number of words for some article
    Set<String> vocabulary = corpus.keySet();

    Map<String, Map<String, Map<String, Integer>>> casting = new HashMap<>();
    for (OutletTally tally : outlets.values()) {
      for (String canonical : tally.topEntities(config.topEntities())) {
        casting.putIfAbsent(canonical, new HashMap<>());
      }
    }
    // per language: an outlet's words are contrasted with the other outlets' words in the same
    // language, or every word of the only outlet writing Greek would be "distinctive" of it
    Map<String, Map<String, Integer>> corpusByLanguage = new HashMap<>();
    for (Article article : articles) {
      OutletTally tally = outlets.get(outletOf(article));
      if (tally == null) {
        continue; // the corpus changed between the passes; the article was not profiled
      }
      String language = languageOf(article);
      Map<String, Integer> inLanguage =
          corpusByLanguage.computeIfAbsent(language, k -> new HashMap<>());
      Map<String, Integer> own = tally.words.computeIfAbsent(language, k -> new HashMap<>());
      List<ContentWords.Word> tokens = tokens(article);
      for (String term : terms(article.text(), tokens, config.bigrams())) {
        if (vocabulary.contains(term)) {
          inLanguage.merge(term, 1, Integer::sum);
          own.merge(term, 1, Integer::sum);
        }
      }
      countCasting(
          article,
          tokens,
          config.castingWindow(),
          vocabulary,
          casting,
          castingKey(outletOf(article), language));
    }

    Map<String, Map<String, Map<String, Integer>>> castingTotals = new HashMap<>();
    casting.forEach((canonical, byOutlet) -> castingTotals.put(canonical, byLanguage(byOutlet)));

    List<OutletProfile> profiles = new ArrayList<>();
    for (Map.Entry<String, OutletTally> e : outlets.entrySet()) {
      String outlet = e.getKey();
      OutletTally tally = e.getValue();
      List<WordContrast> distinctive = new ArrayList<>();
      if (outlets.size() >= 2) {
        tally.words.forEach(
            (language, own) -> {
              Map<String, Integer> inLanguage = corpusByLanguage.get(language);
              // the only outlet writing in a language has nothing to be contrasted with there
              if (LogOdds.sum(inLanguage) > LogOdds.sum(own)) {
                distinctive.addAll(
                    contrast(own, inLanguage, inLanguage, config.priorTotal(), config.topWords()));
              }
            });
      }
      List<OutletEntity> entities = new ArrayList<>();
      for (String canonical : tally.topEntities(config.topEntities())) {
        List<WordContrast> cast = new ArrayList<>();
        for (String language : tally.words.keySet()) {
          Map<String, Integer> own =
              casting.get(canonical).getOrDefault(castingKey(outlet, language), Map.of());
          cast.addAll(
              contrast(
                  own,
                  castingTotals.get(canonical).getOrDefault(language, Map.of()),
                  corpusByLanguage.get(language),
                  config.priorTotal(),
                  config.castingWords()));
        }
        EntityTally entity = tally.entities.get(canonical);
        entities.add(
            new OutletEntity(
                canonical,
                entity.type(),
                entity.mentions,
                entity.articles,
                LogOdds.best(cast, config.castingWords())));
      }
      profiles.add(
          new OutletProfile(
              outlet,
              tally.articles,
              byCount(tally.languages, Integer.MAX_VALUE),
              tally.firstPublished,
              tally.lastPublished,
              tally.ratings(outlet),
              entities,
              byCount(tally.speakers, config.topSpeakers()),
              LogOdds.best(distinctive, config.topWords()),
              Map.of()));
    }
    profiles.sort(
        Comparator.comparingInt(OutletProfile::articles)
            .reversed()
            .thenComparing(OutletProfile::outlet));
    return List.copyOf(profiles);
  }

  /** The outlet an article is profiled under: its name, else its URL's host, else unknown. */
  static String outletOf(Article article) {
    return outletKey(article.outlet(), article.url());
  }

  /**
   * The outlet key of a document with outlet name {@code outlet} (may be null) and page {@code url}
   * (may be null): the name, else the URL's host without "www.", else {@link #UNKNOWN_OUTLET}.
   * Every view that groups by outlet uses this, so they agree.
   */
  public static String outletKey(String outlet, String url) {
    if (outlet != null && !outlet.isBlank()) {
      return outlet.trim();
    }
    String host = DomainRatings.host(url);
    return host != null ? host : UNKNOWN_OUTLET;
  }

  private static List<ContentWords.Word> tokens(Article article) {
    String text = article.text() == null ? "" : article.text();
    return ContentWords.of(text, 0, text.length(), article.language());
  }

  /** The words counted for contrast: the content words, and pairs of them when asked for. */
  private static List<String> terms(String text, List<ContentWords.Word> words, boolean bigrams) {
    List<String> result = new ArrayList<>(bigrams ? 2 * words.size() : words.size());
    for (int i = 0; i < words.size(); i++) {
      result.add(words.get(i).text());
      // A pair only when nothing but spaces stands between: no stop word, no punctuation.
      if (bigrams
          && i + 1 < words.size()
          && text.substring(words.get(i).end(), words.get(i + 1).begin()).isBlank()) {
        result.add(words.get(i).text() + " " + words.get(i + 1).text());
      }
    }
    return result;
  }

  /**
   * Adds the content words near each mention of a profiled entity, within its sentence, to {@code
   * casting[entity][outlet]}. A word near two mentions of one entity counts once; words inside any
   * mention and the words of the entity's own name are left out, since names are not casting.
   */
  private static void countCasting(
      Article article,
      List<ContentWords.Word> words,
      int window,
      Set<String> vocabulary,
      Map<String, Map<String, Map<String, Integer>>> casting,
      String outlet) {
    String text = article.text() == null ? "" : article.text();
    List<ArticleMention> mentions = validMentions(article, text.length());
    if (mentions.stream().noneMatch(m -> casting.containsKey(m.canonical()))) {
      return;
    }
    int[] begins = new int[words.size()];
    boolean[] insideMention = new boolean[words.size()];
    for (int i = 0; i < words.size(); i++) {
      begins[i] = words.get(i).begin();
      for (ArticleMention m : mentions) {
        if (words.get(i).begin() < m.end() && m.begin() < words.get(i).end()) {
          insideMention[i] = true;
          break;
        }
      }
    }
    int[][] sentences = sentenceBounds(article, text.length());
    Map<String, Set<Integer>> near = new HashMap<>();
    for (ArticleMention m : mentions) {
      if (!casting.containsKey(m.canonical())) {
        continue;
      }
      int[] sentence = sentenceOf(sentences, m.begin());
      int first = lowerBound(begins, sentence[0]);
      int last = lowerBound(begins, sentence[1]); // exclusive
      int before = lowerBound(begins, m.begin()); // first word at or after the mention
      int after = lowerBound(begins, m.end());
      Set<Integer> indices = near.computeIfAbsent(m.canonical(), k -> new TreeSet<>());
      for (int i = Math.max(first, before - window); i < Math.min(before, last); i++) {
        indices.add(i);
      }
      for (int i = Math.max(after, first); i < Math.min(last, after + window); i++) {
        indices.add(i);
      }
    }
    near.forEach(
        (canonical, indices) -> {
          Set<String> ownName = new HashSet<>(ContentWords.of(canonical, article.language()));
          Map<String, Integer> counts =
              casting.get(canonical).computeIfAbsent(outlet, k -> new HashMap<>());
          for (int i : indices) {
            String word = words.get(i).text();
            if (!insideMention[i] && !ownName.contains(word) && vocabulary.contains(word)) {
              counts.merge(word, 1, Integer::sum);
            }
          }
        });
  }

  private static List<ArticleMention> validMentions(Article article, int length) {
    List<ArticleMention> valid = new ArrayList<>();
    for (ArticleMention m : article.mentions()) {
      if (m.canonical() != null
          && !m.canonical().isBlank()
          && m.begin() >= 0
          && m.begin() < m.end()
          && m.end() <= length) {
        valid.add(m);
      }
    }
    return valid;
  }

  // Without a sentence layer the whole text is one sentence; bad spans are skipped.
  private static int[][] sentenceBounds(Article article, int length) {
    List<int[]> bounds = new ArrayList<>();
    for (ArticleSentence s : article.sentences()) {
      if (s.begin() >= 0 && s.begin() < s.end() && s.end() <= length) {
        bounds.add(new int[] {s.begin(), s.end()});
      }
    }
    if (bounds.isEmpty()) {
      bounds.add(new int[] {0, length});
    }
    bounds.sort(Comparator.comparingInt(b -> b[0]));
    return bounds.toArray(new int[0][]);
  }

  private static int[] sentenceOf(int[][] sentences, int offset) {
    int low = 0;
    int high = sentences.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (sentences[mid][1] <= offset) {
        low = mid + 1;
      } else if (sentences[mid][0] > offset) {
        high = mid - 1;
      } else {
        return sentences[mid];
      }
    }
    // A mention outside every sentence (a title line, say) only sees itself.
    return new int[] {offset, offset};
  }

  /** The index of the first value >= key in the sorted array. */
  private static int lowerBound(int[] sorted, int key) {
    int found = Arrays.binarySearch(sorted, key);
    return found >= 0 ? found : -found - 1;
  }

  /**
   * The words {@code own} over-uses against the rest of {@code all} (which includes it), with the
   * prior from {@code background}.
   */
  private static List<WordContrast> contrast(
      Map<String, Integer> own,
      Map<String, Integer> all,
      Map<String, Integer> background,
      double priorTotal,
      int limit) {
    long rest = LogOdds.sum(all) - LogOdds.sum(own);
    if (own.isEmpty() || background == null || background.isEmpty()) {
      return List.of();
    }
    return LogOdds.top(
        own,
        word -> all.getOrDefault(word, 0) - own.getOrDefault(word, 0),
        rest,
        background,
        LogOdds.sum(background),
        priorTotal,
        limit);
  }

  private static String languageOf(Article article) {
    return article.language() == null || article.language().isBlank() ? "und" : article.language();
  }

  /** Casting counts are kept per outlet and language, joined by a character no name holds. */
  private static String castingKey(String outlet, String language) {
    return outlet + '\u0000' + language;
  }

  /** Per language, the casting counts of every outlet writing in it. */
  private static Map<String, Map<String, Integer>> byLanguage(
      Map<String, Map<String, Integer>> byOutletAndLanguage) {
    Map<String, Map<String, Integer>> all = new HashMap<>();
    byOutletAndLanguage.forEach(
        (key, counts) -> {
          String language = key.substring(key.indexOf('\u0000') + 1);
          Map<String, Integer> inLanguage = all.computeIfAbsent(language, k -> new HashMap<>());
          counts.forEach((w, c) -> inLanguage.merge(w, c, Integer::sum));
        });
    return all;
  }

  private static Map<String, Integer> byCount(Map<String, Integer> counts, int limit) {
    Map<String, Integer> ordered = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }

  /** What the first pass learns about one outlet. */
  private static final class OutletTally {
    int articles;
    final Map<String, Integer> languages = new HashMap<>();
    String firstPublished;
    String lastPublished;
    final Map<String, String> urlByHost = new TreeMap<>();
    final Map<String, EntityTally> entities = new HashMap<>();
    final Map<String, Integer> speakers = new HashMap<>();

    /** Per language, the outlet's counts of the kept vocabulary. */
    final Map<String, Map<String, Integer>> words = new TreeMap<>();

    void add(Article article) {
      articles++;
      String language = article.language() == null ? "und" : article.language();
      languages.merge(language, 1, Integer::sum);
      String published = article.published();
      if (published != null && ISO_DATE.matcher(published).matches()) {
        String date = published.substring(0, 10);
        if (firstPublished == null || date.compareTo(firstPublished) < 0) {
          firstPublished = date;
        }
        if (lastPublished == null || date.compareTo(lastPublished) > 0) {
          lastPublished = date;
        }
      }
      String host = DomainRatings.host(article.url());
      if (host != null) {
        urlByHost.putIfAbsent(host, article.url());
      }
      Set<String> seen = new HashSet<>();
      for (ArticleMention m : article.mentions()) {
        if (m.canonical() == null || m.canonical().isBlank()) {
          continue;
        }
        EntityTally entity = entities.computeIfAbsent(m.canonical(), k -> new EntityTally());
        entity.mentions++;
        entity.types.merge(m.type() == null ? "MISC" : m.type(), 1, Integer::sum);
        if (seen.add(m.canonical())) {
          entity.articles++;
        }
      }
      for (ArticleQuote q : article.quotes()) {
        if (q.speaker() != null && !q.speaker().isBlank()) {
          speakers.merge(q.speaker(), 1, Integer::sum);
        }
      }
    }

    List<String> topEntities(int limit) {
      return entities.entrySet().stream()
          .sorted(
              Comparator.<Map.Entry<String, EntityTally>>comparingInt(e -> -e.getValue().articles)
                  .thenComparingInt(e -> -e.getValue().mentions)
                  .thenComparing(Map.Entry::getKey))
          .limit(limit)
          .map(Map.Entry::getKey)
          .toList();
    }

    /** Ratings per host seen; an outlet named like a domain is rated by its name. */
    List<DomainRating> ratings(String outlet) {
      List<DomainRating> ratings = new ArrayList<>();
      urlByHost.values().forEach(url -> ratings.add(DomainRatings.rate(url)));
      if (ratings.isEmpty() && outlet.indexOf(' ') < 0) {
        String host = DomainRatings.host(outlet);
        if (host != null) {
          ratings.add(DomainRatings.rate(host, null));
        }
      }
      return ratings;
    }
  }

  private static final class EntityTally {
    int mentions;
    int articles;
    final Map<String, Integer> types = new TreeMap<>();

    String type() {
      return types.entrySet().stream()
          .max(Map.Entry.<String, Integer>comparingByValue())
          .map(Map.Entry::getKey)
          .orElse("MISC");
    }
  }
}
