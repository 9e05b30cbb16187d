package org.parallax.corpus.stories;

import java.util.Set;
import org.parallax.corpus.article.LanguageCodes;

/**
 * Settings of {@link StoryClusterer}; {@link #DEFAULTS} holds the documented defaults.
 *
 * <p>An article joins the best-scoring candidate story when its score reaches {@code joinThreshold}
 * and the evidence gate passes. The score is {@code time * (vectorWeight * vec + namesWeight *
 * names) / (weights of the parts present)}: {@code vec} is the cosine of the article embedding with
 * the story centroid (only in {@code vectorLanguages}; elsewhere, between articles and stories of
 * one language, the cosine of idf-weighted top content words stands in for it), {@code names} the
 * cosine of idf-weighted name keys (weight {@code ln(1 + N/df)}, story side scaled by the share of
 * members carrying the key), {@code time} is 1 within {@code timeSlackDays} of the nearest member
 * date and decays as {@code exp(-(gap - slack) / timeScaleDays)} beyond it (1 when a date is
 * unknown or the cosine passes the cosine-only floor). Per language with enough articles, the
 * clusterer estimates its own baseline from random pairs (never below {@code vectorBaseline}) and
 * moves both cosine floors onto that scale. The gate asks for at least two shared rare names, or
 * one rare name plus {@code vec >= textFloor}, or {@code vec >= vectorOnlyFloor} alone; a key is
 * common (not rare) when more than {@code max(commonMinDocs, commonFraction * N)} articles carry
 * it, or more than {@code max(commonMinDocs * language share, commonFraction * articles of the
 * language)} of one language's articles; a story's key counts for the gate only when a tenth of its
 * members carry it, and a merge must pass from both sides.
 *
 * @param joinThreshold minimum score for an article to join a story (default 0.25)
 * @param mergeThreshold minimum score for two stories to merge in the merge pass (default 0.3)
 * @param vectorWeight weight of embedding similarity (default 0.5)
 * @param namesWeight weight of name similarity (default 0.5)
 * @param vectorBaseline embedding cosine of unrelated articles, counted as 0 similarity (default
 *     0.5: all-MiniLM-L6-v2 gives 0.5 to 0.65 to English news on different events)
 * @param textFloor embedding cosine that lets a single shared rare name suffice (default 0.7)
 * @param vectorOnlyFloor embedding cosine that suffices without any shared name (default 0.9)
 * @param crossLanguageMinNames shared rare names asked of an article and a story with no language
 *     in common, whose embedding cosine is left out (default 3)
 * @param timeSlackDays days outside a story's date range with no penalty (default 3)
 * @param timeScaleDays decay scale in days beyond the slack (default 10)
 * @param commonFraction share of articles above which a name is common (default 0.05)
 * @param commonMinDocs articles a name may have and still count as rare (default 50)
 * @param maxCandidates candidate stories scored per article (default 64)
 * @param maxNamesPerStory name keys kept per story, most frequent first (default 300)
 * @param maxTermsPerStory label terms kept per story (default 40)
 * @param crossLanguageNamesFloor name similarity at which two shared rare names suffice between an
 *     article and a story with no language in common (default 0.4: the shared names make up most of
 *     both sides' weighted names, as in short reports of one event)
 * @param crossLanguageJoinThreshold minimum score for an article to join, or a story to merge with,
 *     a story with no language in common (default 0.3): there the score is the name similarity
 *     alone, with no text to confirm it, and two reports that only share the names of one war
 *     (country, capital, region) reach 0.25 to 0.28 on real news
 * @param vectorLanguages comma-separated languages (ISO 639-1 codes) whose document embeddings
 *     count as evidence; an article in another language is clustered on names alone (default {@code
 *     en}: the default all-MiniLM-L6-v2 encoder was trained on English and gives any two texts of
 *     another language a high cosine whatever they are about)
 */
public record StoryConfig(
    double joinThreshold,
    double mergeThreshold,
    double vectorWeight,
    double namesWeight,
    double vectorBaseline,
    double textFloor,
    double vectorOnlyFloor,
    int crossLanguageMinNames,
    double timeSlackDays,
    double timeScaleDays,
    double commonFraction,
    int commonMinDocs,
    int maxCandidates,
    int maxNamesPerStory,
    int maxTermsPerStory,
    double crossLanguageNamesFloor,
    double crossLanguageJoinThreshold,
    String vectorLanguages) {

  /** The codes of {@code vectorLanguages}. */
  public Set<String> vectorLanguageSet() {
    return LanguageCodes.set(vectorLanguages);
  }

  /** The defaults listed on each parameter. */
  public static final StoryConfig DEFAULTS =
      new StoryConfig(
          0.25, 0.3, 0.5, 0.5, 0.5, 0.7, 0.9, 3, 3, 10, 0.05, 50, 64, 300, 40, 0.4, 0.3, "en");

  public StoryConfig {
    requireRange("joinThreshold", joinThreshold, 0, 1);
    requireRange("mergeThreshold", mergeThreshold, 0, 1);
    requireRange("vectorWeight", vectorWeight, 0, 1);
    requireRange("namesWeight", namesWeight, 0, 1);
    requireRange("vectorBaseline", vectorBaseline, -1, 0.99);
    if (vectorWeight + namesWeight <= 0) {
      throw new IllegalArgumentException("stories: vectorWeight + namesWeight must be above 0");
    }
    requireRange("textFloor", textFloor, -1, 1);
    requireRange("vectorOnlyFloor", vectorOnlyFloor, -1, 1.01);
    requireRange("crossLanguageMinNames", crossLanguageMinNames, 1, 1000);
    requireRange("timeSlackDays", timeSlackDays, 0, 36500);
    requireRange("timeScaleDays", timeScaleDays, 0.001, 36500);
    requireRange("commonFraction", commonFraction, 0, 1);
    requireRange("commonMinDocs", commonMinDocs, 1, Integer.MAX_VALUE);
    requireRange("maxCandidates", maxCandidates, 1, 100_000);
    requireRange("maxNamesPerStory", maxNamesPerStory, 1, 1_000_000);
    requireRange("maxTermsPerStory", maxTermsPerStory, 1, 1_000_000);
    requireRange("crossLanguageNamesFloor", crossLanguageNamesFloor, 0, 1.01);
    requireRange("crossLanguageJoinThreshold", crossLanguageJoinThreshold, 0, 1);
    vectorLanguages = LanguageCodes.normalised(vectorLanguages);
  }

  private static void requireRange(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          "stories." + key + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
