package org.parallax.corpus.stories;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleMention;
import org.parallax.corpus.names.NameForms;
import org.parallax.corpus.names.NameKeys;

/**
 * Groups articles into stories across outlets and languages, incrementally.
 *
 * <p>Online clustering: the articles of each {@link #add} call are taken in date order; each is
 * scored (see {@link StoryConfig}) against at most {@code maxCandidates} stories found through an
 * inverted index of rare name keys and LSH buckets of story centroids, never against every story,
 * and joins the best one above the threshold or opens a new story. A merge pass then joins stories
 * touched by the call with candidate stories that now score above {@code mergeThreshold}. The state
 * ({@link #state}) keeps per story only a vector sum, name and term counts, dates and members.
 *
 * <pre>{@code
 * StoryClusterer clusterer = StoryClusterer.create(StoryConfig.DEFAULTS);
 * clusterer.add(articles);
 * List<Story> stories = clusterer.stories();
 * JsonNode saved = Json.MAPPER.valueToTree(clusterer.state());
 * StoryClusterer later = StoryClusterer.resume(Json.MAPPER.treeToValue(saved, StoryState.class),
 *     StoryConfig.DEFAULTS);
 * later.add(newArticles);
 * }</pre>
 */
public final class StoryClusterer {

  static final int STATE_VERSION = 1;
  private static final int TERMS_PER_ARTICLE = 15;
  private static final int GATE_NAME_SHARE = 10;
  private static final int BASELINE_MIN_ARTICLES = 50;
  private static final int BASELINE_PAIRS = 4000;
  private static final long BASELINE_SEED = 20200103L;
  private static final double BASELINE_MAX = 0.95;

  private final StoryConfig config;
  private final NameKeys nameKeys = new NameKeys();
  private final Map<String, NameStats> names = new HashMap<>();
  private final Map<String, Cluster> clusters = new LinkedHashMap<>();
  private final Map<String, String> storyOfArticle = new HashMap<>();
  private final Map<String, Set<String>> postings = new HashMap<>();
  private final VectorBuckets buckets = new VectorBuckets();
  private final Map<String, Double> baselines = new HashMap<>();
  private final Map<String, Integer> termDocuments = new HashMap<>();
  private final Set<String> vectorLanguages;

  private final Map<String, Long> articlesByLanguage = new HashMap<>();
  private long articles;
  private long nextStory;

  private StoryClusterer(StoryConfig config) {
    this.config = config;
    this.vectorLanguages = config.vectorLanguageSet();
  }

  /** An empty clusterer. */
  public static StoryClusterer create(StoryConfig config) {
    return new StoryClusterer(config);
  }

  /** A clusterer that goes on from a saved {@link #state}. */
  public static StoryClusterer resume(StoryState state, StoryConfig config) {
    if (state.version() != STATE_VERSION) {
      throw new IllegalArgumentException(
          "stories: saved state has version "
              + state.version()
              + ", this version reads "
              + STATE_VERSION
              + "; cluster the corpus again");
    }
    StoryClusterer clusterer = new StoryClusterer(config);
    if (state.baselines() != null) {
      clusterer.baselines.putAll(state.baselines());
    }
    clusterer.articles = state.articles();
    clusterer.nextStory = state.nextStory();
    state
        .names()
        .forEach(
            (key, name) -> {
              NameStats stats = new NameStats();
              stats.vote(name.display(), name.type(), Math.max(1, name.documents()));
              stats.documents = name.documents();
              stats.byLanguage.putAll(name.languages());
              clusterer.names.put(key, stats);
            });
    clusterer.articlesByLanguage.putAll(state.articlesByLanguage());
    clusterer.termDocuments.putAll(state.termDocuments());
    for (StoryState.Cluster saved : state.stories()) {
      Cluster cluster = Cluster.of(saved);
      clusterer.clusters.put(cluster.id, cluster);
      clusterer.index(cluster);
      for (StoryState.Member member : cluster.members) {
        clusterer.storyOfArticle.put(member.articleId(), cluster.id);
      }
    }
    return clusterer;
  }

  /** Clusters {@code articles} from scratch. */
  public static List<Story> cluster(Iterable<Article> articles, StoryConfig config) {
    StoryClusterer clusterer = create(config);
    clusterer.add(articles);
    return clusterer.stories();
  }

  /**
   * Assigns new articles to existing stories or to new ones; articles already clustered are left
   * where they are. Reads {@code articles} once.
   *
   * @return one line per article that could not be clustered, naming it and why
   */
  public List<String> add(Iterable<Article> articles) {
    List<String> problems = new ArrayList<>();
    List<Features> batch = new ArrayList<>();
    List<NameKeys.TextNames> textNames = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Article article : articles) {
      String id = article == null ? null : article.id();
      if (id == null || storyOfArticle.containsKey(id) || !seen.add(id)) {
        if (id == null) {
          problems.add("stories: an article without id was skipped");
        }
        continue;
      }
      try {
        Map<String, ArticleMention> mentionKeys = new LinkedHashMap<>();
        Map<String, Integer> mentionCounts = new HashMap<>();
        for (ArticleMention mention : article.mentions()) {
          String key = nameKeys.nameKey(mention.type(), mention.canonical());
          if (key != null) {
            mentionKeys.putIfAbsent(key, mention);
            mentionCounts.merge(key, 1, Integer::sum);
          }
        }
        for (Map.Entry<String, ArticleMention> entry : mentionKeys.entrySet()) {
          ArticleMention mention = entry.getValue();
          names
              .computeIfAbsent(entry.getKey(), k -> new NameStats())
              .vote(NameForms.display(mention.type(), mention.canonical()), mention.type());
        }
        boolean readText = mentionKeys.isEmpty() || !"en".equals(article.language());
        textNames.add(
            readText && article.text() != null ? nameKeys.textNames(article.text()) : null);
        String language = article.language() == null ? "und" : article.language();
        // an encoder's cosine is evidence only in the languages it was trained on
        boolean vectorLanguage = vectorLanguages.contains(language.toLowerCase(Locale.ROOT));
        batch.add(
            new Features(
                id,
                article.outlet(),
                language,
                date(article.published()),
                vectorLanguage ? normalised(article.vector()) : null,
                new LinkedHashSet<>(mentionKeys.keySet()),
                new HashSet<>(),
                mentionCounts,
                LabelTerms.top(article.text(), TERMS_PER_ARTICLE)));
      } catch (RuntimeException e) {
        problems.add("stories: article " + id + " skipped: " + e.getMessage());
      }
    }
    // names written in the text are looked up once every mention of the batch is known
    Map<String, Set<String>> bySurname = surnameIndex();
    for (int i = 0; i < batch.size(); i++) {
      if (textNames.get(i) != null) {
        resolve(textNames.get(i), bySurname, batch.get(i).keys(), batch.get(i).surnameOnly());
      }
    }
    for (Features features : batch) {
      String language = features.language().toLowerCase(Locale.ROOT);
      articlesByLanguage.merge(language, 1L, Long::sum);
      features.terms().forEach(t -> termDocuments.merge(t, 1, Integer::sum));
      for (String key : features.keys()) {
        NameStats stats = names.get(key);
        stats.documents++;
        stats.byLanguage.merge(language, 1, Integer::sum);
      }
    }
    this.articles += batch.size();
    // in date and id order, whatever order the articles came in: the stories must not depend on it
    batch.sort(
        Comparator.comparing(Features::published, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Features::id));
    estimateBaselines(batch);
    Set<String> touched = new LinkedHashSet<>();
    for (Features features : batch) {
      touched.add(assign(features));
    }
    mergePass(touched);
    return List.copyOf(problems);
  }

  /** The story id of an article, or {@code null} when it has not been clustered. */
  public String storyOf(String articleId) {
    return storyOfArticle.get(articleId);
  }

  /** The stories, largest first. */
  public List<Story> stories() {
    Map<String, Integer> storiesWithTerm = new HashMap<>();
    for (Cluster cluster : clusters.values()) {
      cluster.terms.keySet().forEach(t -> storiesWithTerm.merge(t, 1, Integer::sum));
    }
    List<Story> stories = new ArrayList<>();
    for (Cluster cluster : clusters.values()) {
      stories.add(story(cluster, storiesWithTerm));
    }
    stories.sort(
        Comparator.comparing((Story s) -> -s.members().size())
            .thenComparing(Story::firstPublished, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Story::id));
    return List.copyOf(stories);
  }

  /** The compact state to save and {@link #resume} from. */
  public StoryState state() {
    Map<String, StoryState.Name> savedNames = new TreeMap<>();
    names.forEach(
        (key, stats) ->
            savedNames.put(
                key,
                new StoryState.Name(
                    stats.display(), stats.type(), stats.documents, stats.byLanguage)));
    List<StoryState.Cluster> saved = new ArrayList<>();
    for (Cluster cluster : clusters.values()) {
      saved.add(cluster.saved());
    }
    saved.sort(Comparator.comparingLong(StoryState.Cluster::sequence));
    Map<String, Integer> savedTerms = new HashMap<>();
    termDocuments.forEach(
        (term, documents) -> {
          if (documents > 1) {
            savedTerms.put(term, documents);
          }
        });
    return new StoryState(
        STATE_VERSION,
        articles,
        nextStory,
        savedNames,
        saved,
        baselines,
        articlesByLanguage,
        savedTerms);
  }

  // --- assignment ---

  private String assign(Features article) {
    Cluster best = null;
    double bestScore = -1;
    for (String id : candidates(article.keys(), article.vector(), null)) {
      Cluster cluster = clusters.get(id);
      double score =
          score(
              article.vector(),
              1,
              salience(article),
              article.surnameOnly(),
              Set.of(article.language()),
              article.termCounts(),
              1,
              article.published() == null
                  ? Collections.emptyNavigableMap()
                  : Collections.unmodifiableNavigableMap(
                      new TreeMap<>(Map.of(article.published(), 1))),
              cluster);
      if (score > bestScore
          && score >= threshold(config.joinThreshold(), Set.of(article.language()), cluster)) {
        bestScore = score;
        best = cluster;
      }
    }
    if (best == null) {
      String id = "story-" + article.id().substring(0, Math.min(12, article.id().length()));
      if (clusters.containsKey(id)) {
        id = id + "-" + nextStory;
      }
      best = new Cluster(id, nextStory++);
      clusters.put(id, best);
      bestScore = 1;
    }
    Set<String> before = new HashSet<>(best.names.keySet());
    long[] oldBuckets = best.buckets;
    best.add(article, bestScore, config);
    storyOfArticle.put(article.id(), best.id);
    reindex(best, before, oldBuckets);
    return best.id;
  }

  /**
   * The similarity of a story-like side (vector sum over {@code size} members, weighted name keys,
   * date range) to a story; 0 when the evidence gate fails. Names in {@code weakNames} add to the
   * score but do not count as shared names for the gate. When the sides share no language the
   * embedding is left out and more shared names are asked for.
   */
  private double score(
      float[] vector,
      int vectorCount,
      Map<String, Double> weightedNames,
      Set<String> weakNames,
      Set<String> languages,
      Map<String, Integer> terms,
      int termMembers,
      NavigableMap<LocalDate, Integer> dates,
      Cluster cluster) {
    double vec = Double.NaN;
    // the encoder is English-centric: across languages its cosine is no evidence either way
    boolean sameLanguage = shareLanguage(languages, cluster);
    if (sameLanguage && vector != null && vectorCount > 0 && cluster.vectors > 0) {
      vec = cosine(vector, cluster.vectorSum);
    }
    Map<String, Double> other = weights(cluster.names, cluster.members.size());
    double dot = 0;
    int sharedRare = 0;
    for (Map.Entry<String, Double> entry : weightedNames.entrySet()) {
      Double y = other.get(entry.getKey());
      if (y != null) {
        dot += entry.getValue() * y;
        // a name a large story holds for a few members only is no sign of its topic: counted, the
        // story's growing union of names would let any article in
        if (!common(entry.getKey())
            && !weakNames.contains(entry.getKey())
            && cluster.names.get(entry.getKey()) * GATE_NAME_SHARE >= cluster.members.size()) {
          sharedRare++;
        }
      }
    }
    double namesScore = Double.NaN;
    if (!weightedNames.isEmpty() && !other.isEmpty()) {
      namesScore = dot / (norm(weightedNames) * norm(other));
    }
    double baseline = config.vectorBaseline();
    for (String language : languages) {
      if (cluster.languages.containsKey(language)) {
        baseline = Math.max(baseline, baselines.getOrDefault(language, baseline));
      }
    }
    double textFloor = rescaled(config.textFloor(), baseline);
    double vectorOnlyFloor = rescaled(config.vectorOnlyFloor(), baseline);
    boolean gate =
        sharedRare >= (sameLanguage ? 2 : config.crossLanguageMinNames())
            // across languages, two rare names do when they dominate both sides' names
            || (!sameLanguage
                && sharedRare >= 2
                && !Double.isNaN(namesScore)
                && namesScore >= config.crossLanguageNamesFloor())
            || (sharedRare >= 1 && !Double.isNaN(vec) && vec >= textFloor)
            || (!Double.isNaN(vec) && vec >= vectorOnlyFloor);
    if (!gate) {
      return 0;
    }
    double sum = 0;
    double weight = 0;
    if (!Double.isNaN(vec)) {
      double aboveBaseline = (vec - baseline) / (1 - baseline);
      sum += config.vectorWeight() * Math.max(0, aboveBaseline);
      weight += config.vectorWeight();
    } else if (sameLanguage && (vector == null || cluster.vectors == 0)) {
      // without a usable embedding, the words of the same language stand in for it
      double termsScore = termCosine(terms, termMembers, cluster);
      if (!Double.isNaN(termsScore)) {
        sum += config.vectorWeight() * termsScore;
        weight += config.vectorWeight();
      }
    }
    if (!Double.isNaN(namesScore)) {
      sum += config.namesWeight() * namesScore;
      weight += config.namesWeight();
    }
    // a near copy is the same story whenever it was (re)published
    double time = !Double.isNaN(vec) && vec >= vectorOnlyFloor ? 1 : time(dates, cluster.dates);
    return weight == 0 ? 0 : time * sum / weight;
  }

  /**
   * Time closeness from the gap between the nearest dates of the two sides, not their ranges: a
   * story that has grown over months must not become close to everything in between.
   */
  private double time(
      NavigableMap<LocalDate, Integer> dates, NavigableMap<LocalDate, Integer> other) {
    if (dates.isEmpty() || other.isEmpty()) {
      return 1;
    }
    NavigableMap<LocalDate, Integer> few = dates.size() <= other.size() ? dates : other;
    NavigableMap<LocalDate, Integer> many = few == dates ? other : dates;
    long gap = Long.MAX_VALUE;
    for (LocalDate date : few.keySet()) {
      LocalDate before = many.floorKey(date);
      LocalDate after = many.ceilingKey(date);
      if (before != null) {
        gap = Math.min(gap, ChronoUnit.DAYS.between(before, date));
      }
      if (after != null) {
        gap = Math.min(gap, ChronoUnit.DAYS.between(date, after));
      }
      if (gap == 0) {
        break;
      }
    }
    double beyond = gap - config.timeSlackDays();
    return beyond <= 0 ? 1 : Math.exp(-beyond / config.timeScaleDays());
  }

  /**
   * A floor set on the scale of {@code vectorBaseline} moved onto the scale of a higher language
   * baseline, keeping its place between baseline and 1.
   */
  private double rescaled(double floor, double baseline) {
    double base = config.vectorBaseline();
    return baseline <= base ? floor : baseline + (floor - base) * (1 - baseline) / (1 - base);
  }

  /**
   * Estimates, per language with enough articles in the batch, the embedding cosine of unrelated
   * articles as mean + 2 sd over sampled random pairs: the English-centric encoder puts any two
   * texts of another language close together, far above the English baseline.
   */
  private void estimateBaselines(List<Features> batch) {
    Map<String, List<float[]>> byLanguage = new TreeMap<>();
    for (Features features : batch) {
      if (features.vector() != null) {
        byLanguage
            .computeIfAbsent(features.language().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(features.vector());
      }
    }
    Random random = new Random(BASELINE_SEED);
    byLanguage.forEach(
        (language, vectors) -> {
          if (vectors.size() < BASELINE_MIN_ARTICLES) {
            return;
          }
          double sum = 0;
          double squares = 0;
          int pairs = 0;
          for (int i = 0; i < BASELINE_PAIRS; i++) {
            int a = random.nextInt(vectors.size());
            int b = random.nextInt(vectors.size());
            double cosine = a == b ? Double.NaN : cosine(vectors.get(a), vectors.get(b));
            if (!Double.isNaN(cosine)) {
              sum += cosine;
              squares += cosine * cosine;
              pairs++;
            }
          }
          if (pairs > 0) {
            double mean = sum / pairs;
            double sd = Math.sqrt(Math.max(0, squares / pairs - mean * mean));
            baselines.put(
                language, Math.min(BASELINE_MAX, Math.max(config.vectorBaseline(), mean + 2 * sd)));
          }
        });
  }

  /**
   * Cosine of two idf-weighted term profiles, each term counted by the share of its side's members
   * that have it among their top terms; {@code NaN} when a side has no terms.
   */
  private double termCosine(Map<String, Integer> terms, int members, Cluster cluster) {
    if (terms.isEmpty() || cluster.terms.isEmpty()) {
      return Double.NaN;
    }
    double dot = 0;
    double left = 0;
    for (Map.Entry<String, Integer> entry : terms.entrySet()) {
      double w = termIdf(entry.getKey()) * entry.getValue() / members;
      left += w * w;
      Integer count = cluster.terms.get(entry.getKey());
      if (count != null) {
        dot += w * termIdf(entry.getKey()) * count / cluster.members.size();
      }
    }
    double right = 0;
    for (Map.Entry<String, Integer> entry : cluster.terms.entrySet()) {
      double w = termIdf(entry.getKey()) * entry.getValue() / cluster.members.size();
      right += w * w;
    }
    return dot / Math.sqrt(left * right);
  }

  private double termIdf(String term) {
    return Math.log(1 + (double) Math.max(articles, 1) / termDocuments.getOrDefault(term, 1));
  }

  /** Name keys weighted by rarity, scaled by the share of {@code size} members carrying them. */
  private Map<String, Double> weights(Map<String, Integer> counts, int size) {
    Map<String, Double> weighted = new HashMap<>(counts.size() * 2);
    counts.forEach((key, count) -> weighted.put(key, weight(key) * count / size));
    return weighted;
  }

  /**
   * An article's name keys weighted by rarity and salience: {@code (1 + ln mentions)}, so that the
   * person an article is about outweighs the names it cites once.
   */
  private Map<String, Double> salience(Features article) {
    Map<String, Double> weighted = new HashMap<>(article.keys().size() * 2);
    for (String key : article.keys()) {
      int mentions = article.mentions().getOrDefault(key, 1);
      weighted.put(key, weight(key) * (1 + Math.log(mentions)));
    }
    return weighted;
  }

  /** Inverse document frequency, smoothed so that a name in every article still counts a little. */
  private double weight(String key) {
    NameStats stats = names.get(key);
    int documents = stats == null ? 1 : Math.max(1, stats.documents);
    return Math.log(1 + (double) Math.max(articles, 1) / documents);
  }

  /**
   * Whether a key is too frequent to be evidence, in the whole corpus or within one language: an
   * entity recogniser run on a language it was not trained for finds the same junk names (common
   * words, the country's own name) in a large share of that language's articles.
   */
  private boolean common(String key) {
    NameStats stats = names.get(key);
    if (stats == null) {
      return false;
    }
    if (stats.documents > Math.max(config.commonMinDocs(), config.commonFraction() * articles)) {
      return true;
    }
    for (Map.Entry<String, Integer> entry : stats.byLanguage.entrySet()) {
      // the floor shrinks with the language's share, so a one-language corpus sees the corpus rule
      double inLanguage = articlesByLanguage.getOrDefault(entry.getKey(), 0L);
      double floor = config.commonMinDocs() * inLanguage / Math.max(articles, 1);
      if (entry.getValue() > Math.max(floor, config.commonFraction() * inLanguage)) {
        return true;
      }
    }
    return false;
  }

  /** Stories sharing a rare name key or an LSH band, those sharing most first, at most the cap. */
  private List<String> candidates(Set<String> keys, float[] vector, String self) {
    Map<String, Integer> hits = new HashMap<>();
    for (String key : keys) {
      Set<String> stories = postings.get(key);
      if (stories != null && !common(key)) {
        stories.forEach(id -> hits.merge(id, 1, Integer::sum));
      }
    }
    if (vector != null) {
      for (Set<String> stories : buckets.neighbours(buckets.keys(vector))) {
        stories.forEach(id -> hits.merge(id, 1, Integer::sum));
      }
    }
    if (self != null) {
      hits.remove(self);
    }
    List<Map.Entry<String, Integer>> ranked = new ArrayList<>(hits.entrySet());
    ranked.sort(
        Map.Entry.<String, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < ranked.size() && i < config.maxCandidates(); i++) {
      ids.add(ranked.get(i).getKey());
    }
    return ids;
  }

  // --- merge pass ---

  private void mergePass(Set<String> touched) {
    Deque<String> queue = new ArrayDeque<>(touched);
    while (!queue.isEmpty()) {
      Cluster cluster = clusters.get(queue.poll());
      if (cluster == null) {
        continue;
      }
      Cluster best = null;
      double bestScore = -1;
      Map<String, Double> weighted = weights(cluster.names, cluster.members.size());
      for (String id : candidates(cluster.names.keySet(), cluster.vectorSum, cluster.id)) {
        Cluster other = clusters.get(id);
        double score =
            score(
                cluster.vectorSum,
                cluster.vectors,
                weighted,
                Set.of(),
                cluster.languages.keySet(),
                cluster.terms,
                cluster.members.size(),
                cluster.dates,
                other);
        if (score > bestScore
            && score >= threshold(config.mergeThreshold(), cluster.languages.keySet(), other)) {
          bestScore = score;
          best = other;
        }
      }
      // the other side must agree: a large story's broad name profile must not pull in a small one
      // that merely cites its frequent names, which chains stories together at scale
      if (best != null
          && score(
                  best.vectorSum,
                  best.vectors,
                  weights(best.names, best.members.size()),
                  Set.of(),
                  best.languages.keySet(),
                  best.terms,
                  best.members.size(),
                  best.dates,
                  cluster)
              >= threshold(config.mergeThreshold(), best.languages.keySet(), cluster)) {
        boolean keepBest =
            best.members.size() > cluster.members.size()
                || (best.members.size() == cluster.members.size()
                    && best.sequence < cluster.sequence);
        Cluster survivor = keepBest ? best : cluster;
        Cluster absorbed = keepBest ? cluster : best;
        merge(survivor, absorbed);
        queue.add(survivor.id);
      }
    }
  }

  /**
   * A join or merge threshold ({@code base}), raised to {@code crossLanguageJoinThreshold} when the
   * side in {@code languages} shares no language with the story.
   */
  private double threshold(double base, Set<String> languages, Cluster cluster) {
    return shareLanguage(languages, cluster)
        ? base
        : Math.max(base, config.crossLanguageJoinThreshold());
  }

  private static boolean shareLanguage(Set<String> languages, Cluster cluster) {
    return languages.stream().anyMatch(cluster.languages::containsKey);
  }

  private void merge(Cluster survivor, Cluster absorbed) {
    unindex(absorbed);
    clusters.remove(absorbed.id);
    Set<String> before = new HashSet<>(survivor.names.keySet());
    long[] oldBuckets = survivor.buckets;
    survivor.absorb(absorbed, config);
    for (StoryState.Member member : absorbed.members) {
      storyOfArticle.put(member.articleId(), survivor.id);
    }
    reindex(survivor, before, oldBuckets);
  }

  // --- indexes ---

  private void index(Cluster cluster) {
    for (String key : cluster.names.keySet()) {
      postings.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(cluster.id);
    }
    if (cluster.vectorSum != null) {
      cluster.buckets = buckets.keys(cluster.vectorSum);
      buckets.add(cluster.buckets, cluster.id);
    }
  }

  private void unindex(Cluster cluster) {
    for (String key : cluster.names.keySet()) {
      Set<String> stories = postings.get(key);
      if (stories != null) {
        stories.remove(cluster.id);
        if (stories.isEmpty()) {
          postings.remove(key);
        }
      }
    }
    if (cluster.buckets != null) {
      buckets.remove(cluster.buckets, cluster.id);
    }
  }

  private void reindex(Cluster cluster, Set<String> namesBefore, long[] oldBuckets) {
    for (String key : namesBefore) {
      if (!cluster.names.containsKey(key)) {
        Set<String> stories = postings.get(key);
        if (stories != null) {
          stories.remove(cluster.id);
        }
      }
    }
    for (String key : cluster.names.keySet()) {
      if (!namesBefore.contains(key)) {
        postings.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(cluster.id);
      }
    }
    if (oldBuckets != null) {
      buckets.remove(oldBuckets, cluster.id);
    }
    if (cluster.vectorSum != null) {
      cluster.buckets = buckets.keys(cluster.vectorSum);
      buckets.add(cluster.buckets, cluster.id);
    }
  }

  // --- names in text ---

  /** Last-word key of every multi-word person name to the full keys ending with it. */
  private Map<String, Set<String>> surnameIndex() {
    Map<String, Set<String>> index = new HashMap<>();
    names.forEach(
        (key, stats) -> {
          String last = nameKeys.lastWordKey(key);
          if (last != null && "PERSON".equals(stats.type())) {
            index.computeIfAbsent(last, k -> new TreeSet<>()).add(key);
          }
        });
    return index;
  }

  /**
   * Adds to {@code keys} the corpus name keys found among a text's name-like words: pairs that are
   * a known two-word name, single words that are a known name or the surname of exactly one known
   * person (those also go to {@code surnameOnly}). A single word must have the name word's vowels
   * where the name has them, not only its consonants, where its script writes vowels ({@link
   * NameKeys#sameShape}: "Κυβέρνησης" is no "Kobernos"); the closer spelling rule of the names
   * stage ({@link NameKeys#sameName}) is not asked here, as fewer names let weak pairs through the
   * gate.
   */
  private void resolve(
      NameKeys.TextNames text,
      Map<String, Set<String>> bySurname,
      Set<String> keys,
      Set<String> surnameOnly) {
    for (String pair : text.pairs()) {
      if (names.containsKey(pair)) {
        keys.add(pair);
      }
    }
    Map<String, String> shapeOfKey = new HashMap<>();
    for (String single : text.singles()) {
      Set<String> spellings = text.spellings().get(single);
      boolean cyrillic = text.cyrillic().contains(single);
      String key = known(single, bySurname, spellings, cyrillic, shapeOfKey);
      if (key == null && cyrillic && single.length() >= 4) {
        // a case ending
        String stem = single.substring(0, single.length() - 1);
        key = known(stem, bySurname, spellings, true, shapeOfKey);
      }
      if (key != null && keys.add(key) && !key.equals(single)) {
        // a surname alone may be another person's, whom the corpus does not know yet
        surnameOnly.add(key);
      }
    }
  }

  private String known(
      String lookup,
      Map<String, Set<String>> bySurname,
      Set<String> spellings,
      boolean cyrillic,
      Map<String, String> shapeOfKey) {
    String key = names.containsKey(lookup) ? lookup : null;
    if (key == null) {
      Set<String> people = bySurname.get(lookup);
      key = people != null && people.size() == 1 ? people.iterator().next() : null;
    }
    if (key == null) {
      return null;
    }
    if (spellings == null) {
      return key; // Arabic and Hebrew write too few vowels to compare
    }
    String nameShape =
        shapeOfKey.computeIfAbsent(
            key,
            k -> {
              String[] words = names.get(k).display().split("[\\s\\-]+");
              return nameKeys.shapeKey(words[words.length - 1]);
            });
    for (String spelling : spellings) {
      if (NameKeys.sameShape(NameKeys.shapeOfSpelling(spelling), nameShape, cyrillic)) {
        return key;
      }
    }
    return null;
  }

  // --- output ---

  private Story story(Cluster cluster, Map<String, Integer> storiesWithTerm) {
    int size = cluster.members.size();
    List<String> rankedNames = new ArrayList<>(cluster.names.keySet());
    Map<String, Double> nameScore = weights(cluster.names, size);
    // names some member's entities carry come first: a name only matched in the words of a text
    // written in another script ("Кроме" taken for Krymie) is evidence, not a label
    rankedNames.sort(
        Comparator.comparing((String k) -> cluster.mentioned.containsKey(k) ? 0 : 1)
            .thenComparing(k -> -nameScore.get(k))
            .thenComparing(k -> k));
    List<String> topNames = new ArrayList<>();
    Set<String> nameWords = new HashSet<>();
    for (String key : rankedNames) {
      NameStats stats = names.get(key);
      if (stats == null) {
        continue;
      }
      if (topNames.size() < 10 && !overlaps(stats.display(), topNames)) {
        topNames.add(stats.display());
        for (String word : stats.display().split("\\s+")) {
          nameWords.add(NameForms.fold(word));
        }
        nameWords.addAll(List.of(key.split(" ")));
      }
    }
    List<String> rankedTerms = new ArrayList<>();
    Map<String, Double> termScore = new HashMap<>();
    int storyCount = clusters.size();
    cluster.terms.forEach(
        (term, count) -> {
          String skeleton = nameKeys.wordKey(term);
          if ((size > 1 && count < 2)
              || LabelTerms.functionWord(term, cluster.languages.keySet())
              || nameWords.contains(NameForms.fold(term))
              || (skeleton != null && nameWords.contains(skeleton))) {
            return;
          }
          termScore.put(
              term,
              (double) count
                  / size
                  * Math.log(1 + (double) storyCount / storiesWithTerm.getOrDefault(term, 1)));
          rankedTerms.add(term);
        });
    rankedTerms.sort(Comparator.comparing((String t) -> -termScore.get(t)).thenComparing(t -> t));
    List<String> terms = rankedTerms.subList(0, Math.min(5, rankedTerms.size()));
    StringBuilder label =
        new StringBuilder(String.join(" · ", topNames.subList(0, Math.min(3, topNames.size()))));
    List<String> labelTerms = terms.subList(0, Math.min(3, terms.size()));
    if (!labelTerms.isEmpty()) {
      label.append(label.length() == 0 ? "" : " — ").append(String.join(", ", labelTerms));
    }
    List<StoryMember> members = new ArrayList<>();
    Map<String, Integer> outlets = new HashMap<>();
    Map<String, Integer> languages = new HashMap<>();
    for (StoryState.Member member : cluster.members) {
      members.add(new StoryMember(member.articleId(), Math.round(member.score() * 1000) / 1000.0));
      if (member.outlet() != null) {
        outlets.merge(member.outlet(), 1, Integer::sum);
      }
      languages.merge(member.language(), 1, Integer::sum);
    }
    members.sort(
        Comparator.comparing((StoryMember m) -> -m.score()).thenComparing(StoryMember::articleId));
    return new Story(
        cluster.id,
        label.length() == 0 ? "(no names or terms)" : label.toString(),
        cluster.first == null ? null : cluster.first.toString(),
        cluster.last == null ? null : cluster.last.toString(),
        byCount(outlets),
        byCount(languages),
        topNames.subList(0, Math.min(5, topNames.size())),
        terms,
        members);
  }

  /** Whether a name shares a word with one already chosen ("Paddock", "Stephen Paddock"). */
  private static boolean overlaps(String name, List<String> chosen) {
    Set<String> words = new HashSet<>();
    for (String word : name.split("\\s+")) {
      words.add(NameForms.fold(word));
    }
    for (String other : chosen) {
      for (String word : other.split("\\s+")) {
        if (words.contains(NameForms.fold(word))) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> byCount(Map<String, Integer> counts) {
    List<String> keys = new ArrayList<>(counts.keySet());
    keys.sort(Comparator.comparing((String k) -> -counts.get(k)).thenComparing(k -> k));
    return keys;
  }

  // --- values ---

  static LocalDate date(String published) {
    if (published == null || published.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(published.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null; // an unreadable date is no date: the article is placed without time
    }
  }

  private static float[] normalised(float[] vector) {
    if (vector == null || vector.length == 0) {
      return null;
    }
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    if (!(norm > 0) || Double.isInfinite(norm)) {
      return null;
    }
    float[] out = new float[vector.length];
    double scale = 1 / Math.sqrt(norm);
    for (int i = 0; i < vector.length; i++) {
      out[i] = (float) (vector[i] * scale);
    }
    return out;
  }

  private static double cosine(float[] a, float[] b) {
    if (a.length != b.length) {
      return Double.NaN;
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? Double.NaN : dot / Math.sqrt(na * nb);
  }

  private static double norm(Map<String, Double> weighted) {
    double sum = 0;
    for (double w : weighted.values()) {
      sum += w * w;
    }
    return Math.sqrt(sum);
  }

  /** What one new article brings. */
  private record Features(
      String id,
      String outlet,
      String language,
      LocalDate published,
      float[] vector,
      Set<String> keys,
      Set<String> surnameOnly,
      Map<String, Integer> mentions,
      List<String> terms) {

    /** The top terms as a profile of one member. */
    Map<String, Integer> termCounts() {
      Map<String, Integer> counts = new HashMap<>(terms.size() * 2);
      terms.forEach(t -> counts.put(t, 1));
      return counts;
    }
  }

  /** Corpus statistics of one name key. */
  /**
   * What the corpus knows of one name key: its display form and entity type are those most of its
   * articles give (ties: the first in alphabetical order), so that they do not depend on the order
   * in which the articles are read; the type decides whether a surname alone may stand for it.
   */
  private static final class NameStats {
    private final Votes displays = new Votes();
    private final Votes types = new Votes();
    int documents;
    final Map<String, Integer> byLanguage = new HashMap<>(4);

    void vote(String display, String type) {
      vote(display, type, 1);
    }

    void vote(String display, String type, int count) {
      displays.add(display, count);
      types.add(type == null ? "" : type, count);
    }

    String display() {
      return displays.mostGiven();
    }

    String type() {
      return types.mostGiven();
    }
  }

  /**
   * Counts of the values given for one thing, small while all agree: most names are written and
   * typed one way, and a corpus holds many names.
   */
  private static final class Votes {
    private String only;
    private int onlyCount;
    private Map<String, Integer> many;

    void add(String value, int count) {
      if (many == null) {
        if (only == null || only.equals(value)) {
          only = value;
          onlyCount += count;
          return;
        }
        many = new HashMap<>(4);
        many.put(only, onlyCount);
      }
      many.merge(value, count, Integer::sum);
    }

    /** The value given most often, ties to the first in alphabetical order. */
    String mostGiven() {
      if (many == null) {
        return only;
      }
      String best = null;
      int most = -1;
      for (Map.Entry<String, Integer> entry : many.entrySet()) {
        if (entry.getValue() > most
            || (entry.getValue() == most && entry.getKey().compareTo(best) < 0)) {
          best = entry.getKey();
          most = entry.getValue();
        }
      }
      return best;
    }
  }

  /** The working form of a story; {@link StoryState.Cluster} is its saved form. */
  private static final class Cluster {
    final String id;
    final long sequence;
    float[] vectorSum;
    int vectors;
    final Map<String, Integer> names = new HashMap<>();
    // members whose entity mentions (not only their text) gave each name key: what labels show
    final Map<String, Integer> mentioned = new HashMap<>();
    final Map<String, Integer> terms = new HashMap<>();
    final Map<String, Integer> languages = new HashMap<>();
    LocalDate first;
    LocalDate last;
    final TreeMap<LocalDate, Integer> dates = new TreeMap<>();
    final List<StoryState.Member> members = new ArrayList<>();
    long[] buckets;

    Cluster(String id, long sequence) {
      this.id = id;
      this.sequence = sequence;
    }

    static Cluster of(StoryState.Cluster saved) {
      Cluster cluster = new Cluster(saved.id(), saved.sequence());
      cluster.vectorSum = saved.vectorSum() == null ? null : saved.vectorSum().clone();
      cluster.vectors = saved.vectors();
      cluster.names.putAll(saved.names());
      // a state saved before this count was kept: every name counts as mentioned
      cluster.mentioned.putAll(saved.mentioned() != null ? saved.mentioned() : saved.names());
      cluster.terms.putAll(saved.terms());
      cluster.first = date(saved.first());
      cluster.last = date(saved.last());
      cluster.members.addAll(saved.members());
      for (StoryState.Member member : saved.members()) {
        LocalDate published = date(member.published());
        if (published != null) {
          cluster.dates.merge(published, 1, Integer::sum);
        }
      }
      saved.members().forEach(m -> cluster.languages.merge(m.language(), 1, Integer::sum));
      return cluster;
    }

    StoryState.Cluster saved() {
      return new StoryState.Cluster(
          id,
          sequence,
          vectorSum == null ? null : vectorSum.clone(),
          vectors,
          names,
          terms,
          first == null ? null : first.toString(),
          last == null ? null : last.toString(),
          members,
          mentioned);
    }

    void add(Features article, double score, StoryConfig config) {
      if (article.vector() != null
          && (vectorSum == null || vectorSum.length == article.vector().length)) {
        if (vectorSum == null) {
          vectorSum = new float[article.vector().length];
        }
        for (int i = 0; i < vectorSum.length; i++) {
          vectorSum[i] += article.vector()[i];
        }
        vectors++;
      }
      boolean opens = members.isEmpty();
      for (String key : article.keys()) {
        // a surname alone is kept only once the story it joined confirms whose it is
        if (!opens || !article.surnameOnly().contains(key)) {
          names.merge(key, 1, Integer::sum);
          if (article.mentions().containsKey(key)) {
            mentioned.merge(key, 1, Integer::sum);
          }
        }
      }
      article.terms().forEach(t -> terms.merge(t, 1, Integer::sum));
      widen(article.published(), article.published());
      if (article.published() != null) {
        dates.merge(article.published(), 1, Integer::sum);
      }
      languages.merge(article.language().toLowerCase(Locale.ROOT), 1, Integer::sum);
      members.add(
          new StoryState.Member(
              article.id(),
              article.outlet(),
              article.language().toLowerCase(Locale.ROOT),
              article.published() == null ? null : article.published().toString(),
              score));
      prune(config);
    }

    void absorb(Cluster other, StoryConfig config) {
      if (other.vectorSum != null
          && (vectorSum == null || vectorSum.length == other.vectorSum.length)) {
        if (vectorSum == null) {
          vectorSum = new float[other.vectorSum.length];
        }
        for (int i = 0; i < vectorSum.length; i++) {
          vectorSum[i] += other.vectorSum[i];
        }
        vectors += other.vectors;
      }
      other.names.forEach((k, c) -> names.merge(k, c, Integer::sum));
      other.mentioned.forEach((k, c) -> mentioned.merge(k, c, Integer::sum));
      other.terms.forEach((t, c) -> terms.merge(t, c, Integer::sum));
      widen(other.first, other.last);
      other.dates.forEach((d, c) -> dates.merge(d, c, Integer::sum));
      members.addAll(other.members);
      other.languages.forEach((l, c) -> languages.merge(l, c, Integer::sum));
      prune(config);
    }

    private void widen(LocalDate from, LocalDate to) {
      if (from != null && (first == null || from.isBefore(first))) {
        first = from;
      }
      if (to != null && (last == null || to.isAfter(last))) {
        last = to;
      }
    }

    /** Keeps the most frequent keys only, pruning in steps so that it is rarely done. */
    private void prune(StoryConfig config) {
      pruneTo(names, config.maxNamesPerStory());
      mentioned.keySet().retainAll(names.keySet());
      pruneTo(terms, config.maxTermsPerStory());
    }

    private static void pruneTo(Map<String, Integer> counts, int limit) {
      if (counts.size() <= limit + limit / 2) {
        return;
      }
      List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
      entries.sort(
          Map.Entry.<String, Integer>comparingByValue()
              .reversed()
              .thenComparing(Map.Entry.comparingByKey()));
      for (int i = limit; i < entries.size(); i++) {
        counts.remove(entries.get(i).getKey());
      }
    }
  }
}
