package org.parallax.corpus.talkingpoints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleQuote;
import org.parallax.corpus.article.ArticleSentence;
import org.parallax.corpus.talkingpoints.TalkingPoints.Carrier;
import org.parallax.corpus.talkingpoints.TalkingPoints.FirstAppearance;
import org.parallax.corpus.talkingpoints.TalkingPoints.SpeakerQuotes;
import org.parallax.corpus.talkingpoints.TalkingPoints.TalkingPoint;

/**
 * Finds sentences that recur, copied or paraphrased, in at least two outlets.
 *
 * <p>Reads the corpus twice. The first pass keeps per sentence only a 192-bit signature and its
 * content keys; LSH over the signatures proposes candidate pairs (never all pairs). The second pass
 * loads the vectors and text of the candidates only, so memory follows the number of candidates,
 * not the corpus. Pairs from one document never link; outlets, not documents, are counted.
 */
public final class TalkingPointFinder {

  /** How far below {@code minCosine} a signature estimate may fall and still get an exact check. */
  private static final double ESTIMATE_MARGIN = 0.2;

  /** Largest error of a cosine computed on the 8-bit copies of two unit vectors (384 dims). */
  private static final double QUANTISED_MARGIN = 0.02;

  /** Sentences sampled, and pairs of them compared, for a corpus's background cosine. */
  private static final int BACKGROUND_SAMPLE = 2000;

  private static final int BACKGROUND_PAIRS = 4000;

  /** Fewer sampled sentences than this (a handful of short documents): no estimate. */
  private static final int MIN_BACKGROUND_SENTENCES = 50;

  private TalkingPointFinder() {}

  /** The talking points and recurring quotes of {@code articles}, which is iterated twice. */
  public static TalkingPoints find(Iterable<Article> articles, TalkingPointsConfig config) {
    Corpus corpus = Corpus.read(articles, config);
    config = effective(config, corpus.background());
    PairSet candidates = candidates(corpus, config);
    PairSet sameQuote = sameQuotePairs(corpus);
    for (long pair : sameQuote.toArray()) {
      candidates.add((int) (pair >>> 32), (int) pair);
    }
    Loaded loaded = Loaded.read(articles, corpus, candidates);
    List<List<Integer>> links = new ArrayList<>();
    List<List<Integer>> quoteLinks = new ArrayList<>();
    for (int s = 0; s < corpus.size(); s++) {
      links.add(null);
      quoteLinks.add(null);
    }
    long linked = 0;
    for (long pair : candidates.toArray()) {
      int a = (int) (pair >>> 32);
      int b = (int) pair;
      List<List<Integer>> graph =
          sameQuote.contains(a, b)
              ? quoteLinks
              : paraphrases(corpus, loaded, a, b, config) ? links : null;
      if (graph != null) {
        linked++;
        link(graph, a, b);
        link(graph, b, a);
      }
    }
    // a sentence that repeats a quote of its speaker belongs to that recurring quote, not to the
    // talking points its topic words would otherwise pull it into
    List<int[]> clusters = new ArrayList<>(Clusters.majorityLink(quoteLinks, config.majority()));
    boolean[] recurringQuote = new boolean[corpus.size()];
    for (int[] cluster : clusters) {
      for (int s : cluster) {
        recurringQuote[s] = true;
      }
    }
    for (int s = 0; s < corpus.size(); s++) {
      List<Integer> list = links.get(s);
      if (list != null) {
        list.removeIf(t -> recurringQuote[t]);
        if (recurringQuote[s] || list.isEmpty()) {
          links.set(s, null);
        }
      }
    }
    int sameQuoteClusters = clusters.size();
    clusters.addAll(Clusters.majorityLink(links, config.majority()));
    // withRepeats keeps the order of the clusters it is given, so the first ones stay quotes
    clusters = withRepeats(corpus, clusters);
    List<TalkingPoint> points = new ArrayList<>();
    Map<String, List<TalkingPoint>> bySpeaker = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> speakerForms = new HashMap<>();
    for (int c = 0; c < clusters.size(); c++) {
      int[] cluster = clusters.get(c);
      if (outletCount(corpus, cluster) < config.minOutlets()) {
        continue;
      }
      TalkingPoint point = describe(corpus, loaded, cluster, config);
      boolean sameQuoteCluster = c < sameQuoteClusters;
      int quoted = 0;
      Map<String, Integer> speakers = new HashMap<>();
      for (int s : cluster) {
        String named = sameQuoteCluster ? corpus.quoteSpeakerName.get(s) : null;
        if (named != null || loaded.quoted(s)) {
          quoted++;
          speakers.merge(
              named != null ? named : String.valueOf(loaded.speaker(s)), 1, Integer::sum);
        }
      }
      if (sameQuoteCluster || quoted * 2 >= cluster.length) {
        String speaker =
            speakers.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .orElse("null");
        bySpeaker.computeIfAbsent(speakerKey(speaker), k -> new ArrayList<>()).add(point);
        speakerForms
            .computeIfAbsent(speakerKey(speaker), k -> new HashMap<>())
            .merge(speaker, point.size(), Integer::sum);
      } else {
        points.add(point);
      }
    }
    points.sort(ORDER);
    List<SpeakerQuotes> quotes = new ArrayList<>();
    for (Map.Entry<String, List<TalkingPoint>> entry : bySpeaker.entrySet()) {
      List<TalkingPoint> list = new ArrayList<>(entry.getValue());
      list.sort(ORDER);
      Set<String> outlets = new LinkedHashSet<>();
      list.forEach(q -> outlets.addAll(q.outlets()));
      // the form carried by the most sentences names the speaker
      String speaker =
          speakerForms.get(entry.getKey()).entrySet().stream()
              .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey))
              .map(Map.Entry::getKey)
              .orElseThrow();
      quotes.add(new SpeakerQuotes("null".equals(speaker) ? null : speaker, outlets.size(), list));
    }
    quotes.sort(
        Comparator.comparingInt(SpeakerQuotes::outletCount)
            .reversed()
            .thenComparing(q -> String.valueOf(q.speaker())));
    return new TalkingPoints(
        points, quotes, corpus.documents.size(), corpus.size(), candidates.size(), linked);
  }

  /**
   * The speaker a quote is filed under: case, a leading article and possessive marks aside, so "The
   * Kestrany foreign ministry" and "Kestrany's foreign ministry" are one speaker.
   */
  static String speakerKey(String speaker) {
    String key = speaker.strip().toLowerCase(Locale.ROOT).replaceAll("['’]s\\b", "");
    return key.replaceFirst("^(the|a|an)\\s+", "").replaceAll("\\s+", " ");
  }

  /**
   * Adds to each cluster of representatives their repeats (identical sentences elsewhere), and
   * makes a cluster of every repeated sentence that joined none.
   */
  private static List<int[]> withRepeats(Corpus corpus, List<int[]> clusters) {
    Map<Integer, List<Integer>> repeats = new HashMap<>();
    for (int s = 0; s < corpus.size(); s++) {
      if (corpus.representativeOf(s) != s) {
        repeats.computeIfAbsent(corpus.representativeOf(s), k -> new ArrayList<>()).add(s);
      }
    }
    if (repeats.isEmpty()) {
      return clusters;
    }
    List<int[]> result = new ArrayList<>();
    Set<Integer> clustered = new java.util.HashSet<>();
    for (int[] cluster : clusters) {
      List<Integer> members = new ArrayList<>();
      for (int s : cluster) {
        members.add(s);
        clustered.add(s);
        members.addAll(repeats.getOrDefault(s, List.of()));
      }
      result.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
    }
    repeats.forEach(
        (representative, copies) -> {
          if (!clustered.contains(representative)) {
            List<Integer> members = new ArrayList<>(copies);
            members.add(representative);
            result.add(members.stream().mapToInt(Integer::intValue).sorted().toArray());
          }
        });
    return result;
  }

  /** The settings with both cosine floors moved onto the scale of the corpus's own background. */
  private static TalkingPointsConfig effective(TalkingPointsConfig config, double background) {
    double min = config.adjusted(config.minCosine(), background);
    if (min == config.minCosine()) {
      return config;
    }
    return new TalkingPointsConfig(
        config.minWords(),
        min,
        Math.max(min, config.adjusted(config.strongCosine(), background)),
        config.minSharedContent(),
        config.minLexicalDice(),
        config.copyJaccard(),
        config.minOutlets(),
        config.majority(),
        config.signatureBits(),
        config.tables(),
        config.bitsPerTable(),
        config.maxBucket(),
        config.seed(),
        config.backgroundCosine(),
        config.minLexicalDiceWithoutVectors(),
        config.vectorLanguages());
  }

  private static final Comparator<TalkingPoint> ORDER =
      Comparator.comparingInt(TalkingPoint::outletCount)
          .reversed()
          .thenComparing(Comparator.comparingInt(TalkingPoint::size).reversed())
          .thenComparing(TalkingPoint::id);

  /** The paraphrase test: high cosine alone, or moderate cosine backed by shared content words. */
  static boolean paraphrases(double cosine, int shared, double dice, TalkingPointsConfig config) {
    if (cosine >= config.strongCosine()) {
      return true;
    }
    return cosine >= config.minCosine()
        && shared >= config.minSharedContent()
        && dice >= config.minLexicalDice();
  }

  /**
   * The paraphrase test where a sentence's language is outside the encoder's: the cosine is no
   * evidence, the shared content words decide alone, at a higher overlap.
   */
  static boolean wordParaphrases(int shared, double dice, TalkingPointsConfig config) {
    return shared >= config.minSharedContent() && dice >= config.minLexicalDiceWithoutVectors();
  }

  private static boolean paraphrases(
      Corpus corpus, Loaded loaded, int a, int b, TalkingPointsConfig config) {
    int[] keysA = corpus.keys.get(a);
    int[] keysB = corpus.keys.get(b);
    if (!corpus.vectorEvidence(a, b)) {
      return wordParaphrases(SentenceText.shared(keysA, keysB), dice(corpus, a, b), config);
    }
    return paraphrases(
        cosine(loaded.vector(a), loaded.vector(b)),
        SentenceText.shared(keysA, keysB),
        dice(corpus, a, b),
        config);
  }

  /** Overlap of two sentences' content keys, each weighted by its inverse sentence frequency. */
  private static double dice(Corpus corpus, int a, int b) {
    double weightA = corpus.weight(a);
    double weightB = corpus.weight(b);
    return weightA + weightB == 0
        ? 0
        : 2
            * SentenceText.sharedWeight(corpus.keys.get(a), corpus.keys.get(b), corpus::idf)
            / (weightA + weightB);
  }

  private static void link(List<List<Integer>> links, int from, int to) {
    List<Integer> list = links.get(from);
    if (list == null) {
      list = new ArrayList<>(2);
      links.set(from, list);
    }
    list.add(to);
  }

  /**
   * Candidate pairs from multi-probe LSH: per table, sentences are bucketed by their key (counting
   * sort), and each bucket is compared with itself and with the buckets one bit away. Pairs from
   * one document, and pairs whose signature estimate and content words both rule them out, are
   * dropped before any exact cosine.
   */
  private static PairSet candidates(Corpus corpus, TalkingPointsConfig config) {
    PairSet pairs = new PairSet();
    // only the first of each set of identical sentences is compared; its repeats join it later
    int[] reps = corpus.representatives();
    int n = reps.length;
    if (n < 2) {
      return pairs;
    }
    HyperplaneSignatures planes = corpus.planes;
    int buckets = 1 << config.bitsPerTable();
    int[] keyOf = new int[n];
    int[] start = new int[buckets + 1];
    int[] members = new int[n];
    double floor = config.minCosine() - ESTIMATE_MARGIN;
    double strongFloor = config.strongCosine() - ESTIMATE_MARGIN;
    for (int table = 0; table < planes.tables(); table++) {
      Arrays.fill(start, 0);
      for (int r = 0; r < n; r++) {
        keyOf[r] = planes.key(corpus.signatures, reps[r] * planes.words(), table);
        start[keyOf[r] + 1]++;
      }
      for (int k = 0; k < buckets; k++) {
        start[k + 1] += start[k];
      }
      int[] fill = Arrays.copyOf(start, buckets);
      for (int r = 0; r < n; r++) {
        members[fill[keyOf[r]]++] = reps[r];
      }
      for (int key = 0; key < buckets; key++) {
        int from = start[key];
        int to = start[key + 1];
        if (to - from == 0) {
          continue;
        }
        for (int i = from; i < to; i++) {
          int limit = Math.min(to, i + 1 + config.maxBucket());
          for (int j = i + 1; j < limit; j++) {
            consider(corpus, pairs, members[i], members[j], floor, strongFloor, config);
          }
        }
        for (int bit = 0; bit < config.bitsPerTable(); bit++) {
          int other = key ^ (1 << bit);
          if (other < key) {
            continue;
          }
          int otherFrom = start[other];
          int otherTo = Math.min(start[other + 1], otherFrom + config.maxBucket());
          int ownTo = Math.min(to, from + config.maxBucket());
          for (int i = from; i < ownTo; i++) {
            for (int j = otherFrom; j < otherTo; j++) {
              consider(corpus, pairs, members[i], members[j], floor, strongFloor, config);
            }
          }
        }
      }
    }
    sharedKeyPairs(corpus, reps, pairs, floor, strongFloor, config);
    return pairs;
  }

  /** Partitions of the key-pair postings, so that only a slice of them is in memory at a time. */
  private static final int KEY_PAIR_PARTITIONS = 8;

  /**
   * Lexical blocking: paraphrases with a modest cosine must share two content keys anyway, so every
   * pair of keys of a sentence is a bucket, and sentences in one bucket are candidates. Pairs of
   * keys are far rarer than single keys ("soleimani" is everywhere, "soleimani"+"isis" is not),
   * which keeps buckets small; a bucket over {@code maxBucket} is compared in a sliding window.
   */
  private static void sharedKeyPairs(
      Corpus corpus,
      int[] reps,
      PairSet pairs,
      double floor,
      double strongFloor,
      TalkingPointsConfig config) {
    for (int partition = 0; partition < KEY_PAIR_PARTITIONS; partition++) {
      long[] postings = new long[1024];
      int count = 0;
      for (int s : reps) {
        int[] keys = corpus.keys.get(s);
        for (int i = 0; i < keys.length; i++) {
          for (int j = i + 1; j < keys.length; j++) {
            int bucket = keys[i] * 31 + keys[j];
            if (Math.floorMod(bucket * 0x9E3779B1, KEY_PAIR_PARTITIONS) != partition) {
              continue;
            }
            if (count == postings.length) {
              postings = Arrays.copyOf(postings, count * 2);
            }
            postings[count++] = ((long) bucket << 32) | s;
          }
        }
      }
      Arrays.sort(postings, 0, count);
      int from = 0;
      while (from < count) {
        int to = from + 1;
        while (to < count && (postings[to] >>> 32) == (postings[from] >>> 32)) {
          to++;
        }
        for (int i = from; i < to; i++) {
          int limit = Math.min(to, i + 1 + config.maxBucket());
          for (int j = i + 1; j < limit; j++) {
            consider(
                corpus, pairs, (int) postings[i], (int) postings[j], floor, strongFloor, config);
          }
        }
        from = to;
      }
    }
  }

  private static void consider(
      Corpus corpus,
      PairSet pairs,
      int a,
      int b,
      double floor,
      double strongFloor,
      TalkingPointsConfig config) {
    if (corpus.documentOf[a] == corpus.documentOf[b]) {
      return;
    }
    int words = corpus.planes.words();
    double estimate = corpus.planes.estimatedCosine(corpus.signatures, a * words, b * words);
    if (estimate < floor) {
      return;
    }
    // the signature only estimates the cosine (to about 0.1); the 8-bit copies of the vectors
    // give it to about 0.01, so only pairs that can pass the paraphrase test are kept
    double cosine = corpus.quantisedCosine(a, b);
    if (cosine < config.minCosine() - QUANTISED_MARGIN) {
      return;
    }
    if (!corpus.vectorEvidence(a, b)) {
      // the cosine only proposed the pair: the words decide
      if (!wordParaphrases(
          SentenceText.shared(corpus.keys.get(a), corpus.keys.get(b)),
          dice(corpus, a, b),
          config)) {
        return;
      }
    } else if (cosine < config.strongCosine() - QUANTISED_MARGIN) {
      // below the strong cosine, the words must pass the paraphrase test's lexical part
      int[] keysA = corpus.keys.get(a);
      int[] keysB = corpus.keys.get(b);
      if (SentenceText.shared(keysA, keysB) < config.minSharedContent()
          || dice(corpus, a, b) < config.minLexicalDice()) {
        return;
      }
    }
    pairs.add(Math.min(a, b), Math.max(a, b));
  }

  /** Shorter quote's content keys another quote of its speaker must share to be the same quote. */
  private static final double SAME_QUOTE_OVERLAP = 0.6;

  /** Fewest shared content keys for two quotes to be the same one. */
  private static final int SAME_QUOTE_SHARED = 2;

  /** Longest list of one speaker's quotes with one key that still proposes pairs. */
  private static final int SAME_QUOTE_POSTINGS = 200;

  /**
   * Pairs of sentences, from different documents, that quote one speaker saying the same thing: the
   * quoted words (not the whole sentences) share at least {@link #SAME_QUOTE_SHARED} content keys
   * and {@link #SAME_QUOTE_OVERLAP} of the shorter quote's. "Trump said: “We took action last night
   * to stop a war …”" and "Trump said the US killed Soleimani “to stop a war, not to start one”"
   * are one recurring quote although the sentences around it differ too much for the paraphrase
   * test. Speakers are compared by name (the workspace resolves them corpus-wide first); candidates
   * come from per-speaker postings of the quotes' keys, so only quotes that share a key are ever
   * compared, and a key in more than {@link #SAME_QUOTE_POSTINGS} quotes of one speaker proposes
   * none (nothing quadratic in a prolific speaker's quotes).
   */
  private static PairSet sameQuotePairs(Corpus corpus) {
    PairSet pairs = new PairSet();
    Map<Long, List<Integer>> postings = new HashMap<>();
    Map<String, Integer> speakers = new HashMap<>();
    corpus.quoteKeys.forEach(
        (s, keys) -> {
          if (corpus.representativeOf(s) == s) {
            long speaker =
                speakers.computeIfAbsent(
                    speakerKey(corpus.quoteSpeakerName.get(s)), k -> speakers.size());
            for (int key : keys) {
              postings
                  .computeIfAbsent((speaker << 32) | (key & 0xffffffffL), k -> new ArrayList<>())
                  .add(s);
            }
          }
        });
    PairSet proposed = new PairSet();
    for (List<Integer> posting : postings.values()) {
      // a key most of a speaker's quotes use ("war" in a war) proposes nothing by itself; the
      // exact test below still counts it
      if (posting.size() > SAME_QUOTE_POSTINGS) {
        continue;
      }
      posting.sort(null);
      for (int i = 0; i < posting.size(); i++) {
        for (int j = i + 1; j < posting.size(); j++) {
          int a = posting.get(i);
          int b = posting.get(j);
          if (corpus.documentOf[a] != corpus.documentOf[b]) {
            proposed.add(a, b);
          }
        }
      }
    }
    for (long pair : proposed.toArray()) {
      int[] a = corpus.quoteKeys.get((int) (pair >>> 32));
      int[] b = corpus.quoteKeys.get((int) pair);
      int shared = SentenceText.shared(a, b);
      if (shared >= SAME_QUOTE_SHARED
          && shared >= SAME_QUOTE_OVERLAP * Math.min(a.length, b.length)) {
        pairs.add((int) (pair >>> 32), (int) pair);
      }
    }
    return pairs;
  }

  private static int outletCount(Corpus corpus, int[] cluster) {
    Set<String> outlets = new LinkedHashSet<>();
    for (int s : cluster) {
      outlets.add(corpus.documents.get(corpus.documentOf[s]).outletKey());
    }
    return outlets.size();
  }

  private static TalkingPoint describe(
      Corpus corpus, Loaded loaded, int[] cluster, TalkingPointsConfig config) {
    int medoid = cluster[0];
    double best = Double.NEGATIVE_INFINITY;
    for (int s : cluster) {
      double sum = 0;
      for (int t : cluster) {
        if (t != s) {
          sum += cosine(loaded.vector(s), loaded.vector(t));
        }
      }
      if (sum > best) {
        best = sum;
        medoid = s;
      }
    }
    Integer[] order = Arrays.stream(cluster).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparing((Integer s) -> corpus.firstKey(s)));
    List<Carrier> carriers = new ArrayList<>();
    Set<String> outlets = new LinkedHashSet<>();
    Set<String> documents = new LinkedHashSet<>();
    boolean copied = true;
    for (int s : order) {
      Document doc = corpus.documents.get(corpus.documentOf[s]);
      outlets.add(doc.outlet());
      documents.add(doc.id());
      carriers.add(carrier(corpus, loaded, s, cosine(loaded.vector(s), loaded.vector(medoid))));
      if (SentenceText.wordJaccard(loaded.text(s), loaded.text(medoid)) < config.copyJaccard()) {
        copied = false;
      }
    }
    Document firstDoc = corpus.documents.get(corpus.documentOf[order[0]]);
    Document medoidDoc = corpus.documents.get(corpus.documentOf[medoid]);
    String id =
        "tp-"
            + Integer.toHexString((medoidDoc.id() + ":" + loaded.begin(medoid)).hashCode())
                .toLowerCase(Locale.ROOT);
    return new TalkingPoint(
        id,
        copied ? "copied" : "paraphrased",
        carrier(corpus, loaded, medoid, 1.0),
        cluster.length,
        outlets.size(),
        List.copyOf(outlets),
        List.copyOf(documents),
        new FirstAppearance(firstDoc.id(), firstDoc.outlet(), firstDoc.published()),
        carriers);
  }

  private static Carrier carrier(Corpus corpus, Loaded loaded, int s, double similarity) {
    Document doc = corpus.documents.get(corpus.documentOf[s]);
    return new Carrier(
        doc.id(),
        loaded.begin(s),
        loaded.end(s),
        loaded.text(s),
        doc.outlet(),
        doc.published(),
        Math.round(similarity * 1000) / 1000.0);
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** What the finder keeps of one document. */
  record Document(String id, String outletKey, String outlet, String published, int order) {

    static Document of(Article article, int order) {
      String outlet = article.outlet() == null ? "" : article.outlet().strip();
      String published =
          article.published() == null || article.published().isBlank()
              ? null
              : article.published().strip();
      if (outlet.isEmpty()) {
        // an unnamed outlet counts as its own: never merge two unknown outlets into one
        String own = "unknown:" + article.id();
        return new Document(article.id(), own, own, published, order);
      }
      return new Document(
          article.id(),
          outlet.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "),
          outlet,
          published,
          order);
    }
  }

  /** The first pass: documents, and per eligible sentence its signature and content keys. */
  static final class Corpus {
    final List<Document> documents = new ArrayList<>();
    final List<int[]> keys = new ArrayList<>();
    final Map<Integer, Integer> frequency = new HashMap<>();
    // per quoted sentence with a named speaker: the content keys of its quoted words, and the
    // speaker as written
    final Map<Integer, int[]> quoteKeys = new HashMap<>();
    final Map<Integer, String> quoteSpeakerName = new HashMap<>();
    int[] documentOf = new int[1024];
    int[] sentenceOf = new int[1024];
    int[] documentStart = new int[1024];
    long[] signatures = new long[0];
    HyperplaneSignatures planes;
    private int size;
    private final TalkingPointsConfig config;
    // per representative sentence, its unit vector in 8 bits (x 127); null for repeats
    byte[][] quantised = new byte[1024][];
    // per sentence, the summed idf of its content keys, set once every sentence is read
    double[] weights;
    // per sentence, the first sentence with the same normalised text (itself when none before)
    int[] representative = new int[1024];
    private final Map<Long, Integer> firstByText = new HashMap<>();
    private final java.util.BitSet repeatedRepresentatives = new java.util.BitSet();
    // a uniform sample of sentence vectors (reservoir), for the corpus's background cosine
    private final List<float[]> sample = new ArrayList<>();
    private final List<Integer> sampleDocuments = new ArrayList<>();
    private final Random sampler;
    // sentences of the encoder's languages offered to the sample so far
    private int sampled;

    // per document, whether its language is one whose embeddings count as evidence
    private final java.util.BitSet vectorDocuments = new java.util.BitSet();
    private final Set<String> vectorLanguages;

    private Corpus(TalkingPointsConfig config) {
      this.config = config;
      this.sampler = new Random(config.seed());
      this.vectorLanguages = config.vectorLanguageSet();
    }

    /** Whether the embedding cosine of sentences {@code a} and {@code b} is evidence. */
    boolean vectorEvidence(int a, int b) {
      return vectorDocuments.get(documentOf[a]) && vectorDocuments.get(documentOf[b]);
    }

    /**
     * Mean cosine of random pairs of sampled sentences from different documents, {@code NaN} when
     * there are too few sentences, or pairs from different documents, to tell.
     */
    double background() {
      if (sample.size() < MIN_BACKGROUND_SENTENCES) {
        return Double.NaN;
      }
      Random random = new Random(config.seed() + 1);
      double sum = 0;
      int pairs = 0;
      for (int i = 0; i < BACKGROUND_PAIRS * 4 && pairs < BACKGROUND_PAIRS; i++) {
        int a = random.nextInt(sample.size());
        int b = random.nextInt(sample.size());
        if (sampleDocuments.get(a).equals(sampleDocuments.get(b))) {
          continue;
        }
        sum += cosine(sample.get(a), sample.get(b));
        pairs++;
      }
      return pairs < BACKGROUND_PAIRS / 4 ? Double.NaN : sum / pairs;
    }

    int size() {
      return size;
    }

    /** A unit-length copy of {@code vector} in signed bytes, each component times 127. */
    private static byte[] quantise(float[] vector) {
      double norm = 0;
      for (float v : vector) {
        norm += v * v;
      }
      double scale = norm == 0 ? 0 : 127 / Math.sqrt(norm);
      byte[] bytes = new byte[vector.length];
      for (int i = 0; i < vector.length; i++) {
        bytes[i] = (byte) Math.round(vector[i] * scale);
      }
      return bytes;
    }

    /** The cosine of two representative sentences from their 8-bit vectors. */
    double quantisedCosine(int a, int b) {
      byte[] x = quantised[a];
      byte[] y = quantised[b];
      int dot = 0;
      for (int i = 0; i < x.length; i++) {
        dot += x[i] * y[i];
      }
      return dot / (127.0 * 127.0);
    }

    /** The first sentence read with the same normalised text as {@code s} (maybe {@code s}). */
    int representativeOf(int s) {
      return representative[s];
    }

    /** Whether {@code s} is a representative whose text was read again later. */
    boolean repeated(int s) {
      return repeatedRepresentatives.get(s);
    }

    /** The sentences that are their own representative, in reading order. */
    int[] representatives() {
      int[] reps = new int[size];
      int n = 0;
      for (int s = 0; s < size; s++) {
        if (representative[s] == s) {
          reps[n++] = s;
        }
      }
      return Arrays.copyOf(reps, n);
    }

    static Corpus read(Iterable<Article> articles, TalkingPointsConfig config) {
      Corpus corpus = new Corpus(config);
      for (Article article : articles) {
        int d = corpus.documents.size();
        corpus.documents.add(Document.of(article, d));
        if (d + 1 >= corpus.documentStart.length) {
          corpus.documentStart =
              Arrays.copyOf(corpus.documentStart, corpus.documentStart.length * 2);
        }
        corpus.documentStart[d] = corpus.size;
        String language = article.language() == null ? "" : article.language();
        if (corpus.vectorLanguages.contains(language.toLowerCase(Locale.ROOT))) {
          corpus.vectorDocuments.set(d);
        }
        corpus.addSentences(article, d);
        corpus.documentStart[d + 1] = corpus.size;
      }
      for (int[] keys : corpus.keys) {
        for (int key : keys) {
          corpus.frequency.merge(key, 1, Integer::sum);
        }
      }
      corpus.weights = new double[corpus.size];
      for (int s = 0; s < corpus.size; s++) {
        double sum = 0;
        for (int key : corpus.keys.get(s)) {
          sum += corpus.idf(key);
        }
        corpus.weights[s] = sum;
      }
      if (corpus.planes == null) {
        corpus.planes =
            new HyperplaneSignatures(
                1, config.signatureBits(), config.tables(), config.bitsPerTable(), config.seed());
      }
      return corpus;
    }

    private void addSentences(Article article, int d) {
      List<ArticleSentence> sentences = article.sentences();
      String text = article.text();
      for (int i = 0; i < sentences.size(); i++) {
        ArticleSentence sentence = sentences.get(i);
        float[] vector = sentence.vector();
        // bad spans or vectors of another model are data problems of one document: skip them
        if (vector == null
            || text == null
            || sentence.begin() < 0
            || sentence.end() > text.length()
            || sentence.begin() >= sentence.end()
            || (planes != null && vector.length != planes.dimension())
            || !SentenceText.eligible(
                text.substring(sentence.begin(), sentence.end()),
                article.title(),
                config.minWords())) {
          continue;
        }
        if (planes == null) {
          planes =
              new HyperplaneSignatures(
                  vector.length,
                  config.signatureBits(),
                  config.tables(),
                  config.bitsPerTable(),
                  config.seed());
        }
        int words = planes.words();
        if (size == documentOf.length) {
          documentOf = Arrays.copyOf(documentOf, size * 2);
          sentenceOf = Arrays.copyOf(sentenceOf, size * 2);
        }
        if ((size + 1) * words > signatures.length) {
          signatures = Arrays.copyOf(signatures, Math.max(1024, signatures.length * 2));
        }
        planes.sign(vector, signatures, size * words);
        // the background is the scale of the cosines that count: of the encoder's languages only
        if (vectorDocuments.get(d)) {
          if (sample.size() < BACKGROUND_SAMPLE) {
            sample.add(vector);
            sampleDocuments.add(d);
          } else {
            int slot = sampler.nextInt(sampled + 1);
            if (slot < BACKGROUND_SAMPLE) {
              sample.set(slot, vector);
              sampleDocuments.set(slot, d);
            }
          }
          sampled++;
        }
        if (size == representative.length) {
          representative = Arrays.copyOf(representative, size * 2);
        }
        Integer first =
            firstByText.putIfAbsent(
                SentenceText.textHash(text, sentence.begin(), sentence.end()), size);
        representative[size] = first == null ? size : first;
        if (size == quantised.length) {
          quantised = Arrays.copyOf(quantised, size * 2);
        }
        quantised[size] = first == null ? quantise(vector) : null;
        if (first != null) {
          repeatedRepresentatives.set(first);
        }
        documentOf[size] = d;
        sentenceOf[size] = i;
        keys.add(SentenceText.contentKeys(article, sentence.begin(), sentence.end()));
        addQuote(article, sentence);
        size++;
      }
    }

    /**
     * Keeps the quoted words of sentence {@code size} and their speaker when the sentence quotes
     * someone: the direct quotes inside it when they have content words ("Trump said the US killed
     * him “to stop a war”" is about the quoted words), else the quote that covers most of it.
     */
    private void addQuote(Article article, ArticleSentence sentence) {
      ArticleQuote covering = coveringQuote(article, sentence);
      String speaker = covering == null ? null : covering.speaker();
      Set<Integer> direct = new java.util.TreeSet<>();
      for (ArticleQuote quote : article.quotes()) {
        if ("direct".equals(quote.kind())
            && quote.begin() >= sentence.begin()
            && quote.end() <= sentence.end()
            && quote.begin() < quote.end()
            && quote.speaker() != null
            && !quote.speaker().isBlank()
            && (speaker == null || speaker.equalsIgnoreCase(quote.speaker()))) {
          speaker = quote.speaker();
          for (int key : SentenceText.contentKeys(article, quote.begin(), quote.end())) {
            direct.add(key);
          }
        }
      }
      if (speaker == null || speaker.isBlank()) {
        return;
      }
      int[] quoted;
      if (direct.size() >= SAME_QUOTE_SHARED) {
        quoted = direct.stream().mapToInt(Integer::intValue).toArray();
      } else if (covering != null) {
        int length = article.text().length();
        int begin = Math.max(0, Math.min(length, covering.begin()));
        quoted =
            SentenceText.contentKeys(
                article, begin, Math.max(begin, Math.min(length, covering.end())));
      } else {
        return;
      }
      if (quoted.length < SAME_QUOTE_SHARED) {
        return;
      }
      quoteKeys.put(size, quoted);
      quoteSpeakerName.put(size, speaker.strip());
    }

    /**
     * Inverse sentence frequency of a content key: the event's main names are in every other
     * sentence and say little about which claim a sentence makes.
     */
    double idf(int key) {
      return Math.log((size + 1.0) / (frequency.getOrDefault(key, 0) + 1.0));
    }

    /** The summed inverse sentence frequency of sentence {@code s}'s content keys. */
    double weight(int s) {
      return weights[s];
    }

    /** Sort key for "earliest first": dated documents by date, then reading order. */
    String firstKey(int s) {
      Document doc = documents.get(documentOf[s]);
      // padded so that a bare date sorts before the date-times of that day (space < 'T')
      String date = doc.published() == null ? "~" : doc.published();
      return String.format(Locale.ROOT, "%-40s|%09d|%06d", date, doc.order(), sentenceOf[s]);
    }
  }

  /** The first quote that covers most of {@code sentence} (the sentence is a quote), or null. */
  static ArticleQuote coveringQuote(Article article, ArticleSentence sentence) {
    int length = sentence.end() - sentence.begin();
    for (ArticleQuote quote : article.quotes()) {
      int overlap =
          Math.min(quote.end(), sentence.end()) - Math.max(quote.begin(), sentence.begin());
      if (overlap * 2 >= length) {
        return quote;
      }
    }
    return null;
  }

  /** The second pass: vectors, spans, text and quote attribution of candidate sentences only. */
  static final class Loaded {
    private final Map<Integer, float[]> vectors = new HashMap<>();
    private final Map<Integer, String> texts = new HashMap<>();
    private final Map<Integer, int[]> spans = new HashMap<>();
    private final Map<Integer, String> speakers = new HashMap<>();
    private final Set<Integer> quoted = new java.util.HashSet<>();

    static Loaded read(Iterable<Article> articles, Corpus corpus, PairSet candidates) {
      boolean[] needed = new boolean[corpus.size()];
      for (long pair : candidates.toArray()) {
        needed[(int) (pair >>> 32)] = true;
        needed[(int) pair] = true;
      }
      for (int s = 0; s < corpus.size(); s++) {
        // a sentence repeated elsewhere is a talking point candidate by itself
        if (corpus.repeated(s)) {
          needed[corpus.representativeOf(s)] = true;
        }
      }
      for (int s = 0; s < corpus.size(); s++) {
        if (needed[corpus.representativeOf(s)]) {
          needed[s] = true;
        }
      }
      Loaded loaded = new Loaded();
      int d = 0;
      for (Article article : articles) {
        if (d >= corpus.documents.size() || !corpus.documents.get(d).id().equals(article.id())) {
          throw new IllegalStateException(
              "the corpus changed while talking points were computed (document "
                  + article.id()
                  + " at position "
                  + d
                  + "); run the stage again");
        }
        for (int s = corpus.documentStart[d]; s < corpus.documentStart[d + 1]; s++) {
          if (needed[s]) {
            loaded.add(s, article, article.sentences().get(corpus.sentenceOf[s]));
          }
        }
        d++;
      }
      return loaded;
    }

    private void add(int s, Article article, ArticleSentence sentence) {
      vectors.put(s, sentence.vector());
      texts.put(s, sentence.text(article));
      spans.put(s, new int[] {sentence.begin(), sentence.end()});
      ArticleQuote quote = coveringQuote(article, sentence);
      if (quote != null) {
        quoted.add(s);
        if (quote.speaker() != null) {
          speakers.put(s, quote.speaker());
        }
      }
    }

    float[] vector(int s) {
      return vectors.get(s);
    }

    String text(int s) {
      return texts.get(s);
    }

    int begin(int s) {
      return spans.get(s)[0];
    }

    int end(int s) {
      return spans.get(s)[1];
    }

    boolean quoted(int s) {
      return quoted.contains(s);
    }

    String speaker(int s) {
      return speakers.get(s);
    }
  }
}
