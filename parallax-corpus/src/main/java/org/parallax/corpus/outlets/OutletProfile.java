package org.parallax.corpus.outlets;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one outlet published in the corpus and how it differs from the others.
 *
 * @param outlet the outlet's name; the URL's host when the article names no outlet, {@value
 *     OutletProfiler#UNKNOWN_OUTLET} when it has neither
 * @param articles its articles in the corpus
 * @param languages article count per language code, most used first
 * @param firstPublished the earliest publication date (yyyy-MM-dd) of its articles, or null
 * @param lastPublished the latest publication date, or null
 * @param ratings the public quality ratings of each domain seen in its URLs (empty without URLs)
 * @param topEntities its most covered entities, each with how it is cast
 * @param quotesBySpeaker quotes per named speaker (canonical name), most quoted first
 * @param distinctiveWords the words it uses more than the rest of the corpus, best first (empty
 *     when the corpus has one outlet)
 * @param layers summaries of later annotation layers by layer name, e.g. "techniques" → technique →
 *     density, "genres" → genre → share; empty until those layers exist
 */
public record OutletProfile(
    String outlet,
    int articles,
    Map<String, Integer> languages,
    String firstPublished,
    String lastPublished,
    List<DomainRating> ratings,
    List<OutletEntity> topEntities,
    Map<String, Integer> quotesBySpeaker,
    List<WordContrast> distinctiveWords,
    Map<String, Map<String, Double>> layers) {

  public OutletProfile {
    languages = ordered(languages);
    ratings = List.copyOf(ratings);
    topEntities = List.copyOf(topEntities);
    quotesBySpeaker = ordered(quotesBySpeaker);
    distinctiveWords = List.copyOf(distinctiveWords);
    layers = ordered(layers);
  }

  // Map.copyOf would lose the "most first" order that readers of the JSON rely on.
  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
