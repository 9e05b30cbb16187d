package org.parallax.app.analyze;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parallax.core.model.Document;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.outlets.OutletProfile;
import org.parallax.corpus.outlets.OutletProfiler;
import org.parallax.persuasion.annotate.ArticleFrame;
import org.parallax.persuasion.annotate.ArticleGenre;
import org.parallax.persuasion.annotate.Density;
import org.parallax.persuasion.annotate.TechniqueSpan;

/**
 * Adds persuasion techniques and genres to outlet profiles: per outlet, how often each technique
 * occurs per 1,000 words of the outlet's analysed articles, in its own voice ({@value #AUTHOR}) and
 * in the quotes it prints ({@value #QUOTED}) — the outlet's choice of words kept apart from its
 * sources'; only articles the techniques annotator read (English ones) count, words included. And
 * the outlet's genre mix ({@value #GENRES}): the share of its articles with a genre that are
 * opinion, reporting or satire; and its frames ({@value #FRAMES}): the share of its articles the
 * framing model read that use each frame.
 */
final class OutletTechniques {

  /** Layer-summary key for techniques in the outlet's own voice. */
  static final String AUTHOR = "techniques";

  /** Layer-summary key for techniques inside quotes the outlet printed. */
  static final String QUOTED = "techniquesInQuotes";

  /** Layer-summary key for the outlet's genre mix. */
  static final String GENRES = "genres";

  /** Layer-summary key for the share of the outlet's articles using each frame. */
  static final String FRAMES = "frames";

  private OutletTechniques() {}

  /** Counts per outlet key, filled from the documents. */
  static final class Tally {
    private final Map<String, long[]> words = new HashMap<>();
    private final Map<String, Map<String, Integer>> author = new HashMap<>();
    private final Map<String, Map<String, Integer>> quoted = new HashMap<>();
    private final Map<String, Map<String, Integer>> genres = new HashMap<>();
    private final Map<String, Map<String, Integer>> frames = new HashMap<>();
    private final Map<String, Integer> framed = new HashMap<>();

    private final java.util.Set<String> seen = new java.util.HashSet<>();

    /**
     * Counts one document, whose article view the caller has already made; a document met again
     * (the profiler reads the corpus twice) is not counted twice.
     */
    void add(Document document, Article article) {
      if (!seen.add(document.id())) {
        return;
      }
      String outlet = OutletProfiler.outletKey(article.outlet(), article.url());
      document
          .find(ArticleGenre.LAYER)
          .ifPresent(
              genre ->
                  genres
                      .computeIfAbsent(outlet, k -> new TreeMap<>())
                      .merge(genre.genre(), 1, Integer::sum));
      document
          .find(ArticleFrame.LAYER)
          .filter(list -> !hasDiagnostic(document, "frames"))
          .ifPresent(
              list -> {
                framed.merge(outlet, 1, Integer::sum);
                for (ArticleFrame frame : list) {
                  frames
                      .computeIfAbsent(outlet, k -> new TreeMap<>())
                      .merge(frame.frame(), 1, Integer::sum);
                }
              });
      List<TechniqueSpan> spans = document.find(TechniqueSpan.LAYER).orElse(null);
      if (spans == null || !"en".equals(language(document))) {
        return;
      }
      words.computeIfAbsent(outlet, k -> new long[1])[0] += Density.words(document.text());
      for (TechniqueSpan span : spans) {
        Map<String, Map<String, Integer>> target =
            TechniqueSpan.QUOTED.equals(span.voice()) ? quoted : author;
        target
            .computeIfAbsent(outlet, k -> new TreeMap<>())
            .merge(span.technique(), 1, Integer::sum);
      }
    }

    /** The profiles with their technique densities added to {@code layers}. */
    List<OutletProfile> apply(List<OutletProfile> profiles) {
      List<OutletProfile> result = new ArrayList<>(profiles.size());
      for (OutletProfile profile : profiles) {
        long[] count = words.get(profile.outlet());
        Map<String, Integer> genreCounts = genres.get(profile.outlet());
        Integer framedArticles = framed.get(profile.outlet());
        if ((count == null || count[0] == 0) && genreCounts == null && framedArticles == null) {
          result.add(profile);
          continue;
        }
        Map<String, Map<String, Double>> layers = new LinkedHashMap<>(profile.layers());
        if (count != null && count[0] > 0) {
          layers.put(AUTHOR, densities(author.get(profile.outlet()), count[0]));
          layers.put(QUOTED, densities(quoted.get(profile.outlet()), count[0]));
        }
        if (genreCounts != null) {
          layers.put(GENRES, shares(genreCounts));
        }
        if (framedArticles != null) {
          layers.put(FRAMES, frameShares(frames.get(profile.outlet()), framedArticles));
        }
        result.add(
            new OutletProfile(
                profile.outlet(),
                profile.articles(),
                profile.languages(),
                profile.firstPublished(),
                profile.lastPublished(),
                profile.ratings(),
                profile.topEntities(),
                profile.quotesBySpeaker(),
                profile.distinctiveWords(),
                layers));
      }
      return result;
    }
  }

  /**
   * The share of {@code articles} (those the framing model read) using each frame, most frequent
   * first, to two decimals; an article may use several.
   */
  static Map<String, Double> frameShares(Map<String, Integer> counts, int articles) {
    Map<String, Double> result = new LinkedHashMap<>();
    if (counts == null) {
      return result;
    }
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(e -> result.put(e.getKey(), Math.round(100.0 * e.getValue() / articles) / 100.0));
    return result;
  }

  private static boolean hasDiagnostic(Document document, String stage) {
    return document.find(org.parallax.core.model.Diagnostic.LAYER).orElse(List.of()).stream()
        .anyMatch(d -> d.stage().equals(stage));
  }

  /** Each genre's share of the counted articles, most frequent first, to two decimals. */
  static Map<String, Double> shares(Map<String, Integer> counts) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Double> result = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(e -> result.put(e.getKey(), Math.round(100.0 * e.getValue() / total) / 100.0));
    return result;
  }

  /** Occurrences per 1,000 words, most frequent first, to two decimals. */
  static Map<String, Double> densities(Map<String, Integer> counts, long words) {
    Map<String, Double> result = new LinkedHashMap<>();
    if (counts == null) {
      return result;
    }
    counts.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(
            e ->
                result.put(
                    e.getKey(),
                    Math.round(100 * Density.perThousand(e.getValue(), words)) / 100.0));
    return result;
  }

  private static String language(Document document) {
    return document
        .find(org.parallax.nlp.lang.Language.DOCUMENT)
        .map(org.parallax.nlp.lang.Language::code)
        .orElse(null);
  }
}
