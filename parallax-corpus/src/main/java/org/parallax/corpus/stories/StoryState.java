package org.parallax.corpus.stories;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link StoryClusterer} keeps between runs, small enough to store as JSON: name statistics of
 * the corpus and, per story, a vector sum, name and term counts, a date range and the members.
 *
 * @param version format version ({@value StoryClusterer#STATE_VERSION})
 * @param articles articles seen
 * @param nextStory sequence number of the next story opened
 * @param names every name key seen: display form, type and the number of articles carrying it
 * @param stories the stories
 * @param baselines per language, the estimated embedding cosine of unrelated articles (empty in
 *     states saved before it was kept; then {@code vectorBaseline} applies until the next batch)
 * @param articlesByLanguage articles seen per language code
 * @param termDocuments per content term, the articles having it among their top terms; terms of one
 *     article only are left out (an unknown term counts as one article's), empty in states saved
 *     before it was kept
 */
public record StoryState(
    int version,
    long articles,
    long nextStory,
    Map<String, Name> names,
    List<Cluster> stories,
    Map<String, Double> baselines,
    Map<String, Long> articlesByLanguage,
    Map<String, Integer> termDocuments) {

  public StoryState {
    names = sorted(names);
    baselines = baselines == null ? Map.of() : sorted(baselines);
    articlesByLanguage = articlesByLanguage == null ? Map.of() : sorted(articlesByLanguage);
    termDocuments = termDocuments == null ? Map.of() : sorted(termDocuments);
    stories = List.copyOf(stories);
  }

  /** A copy in key order, so that the stored JSON is stable. */
  static <V> Map<String, V> sorted(Map<String, V> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /**
   * A name key's statistics.
   *
   * @param display the canonical name as shown
   * @param type entity type (PERSON, ORGANIZATION, LOCATION, MISC)
   * @param documents articles carrying the key
   * @param languages articles carrying the key per language code
   */
  public record Name(String display, String type, int documents, Map<String, Integer> languages) {

    public Name {
      languages = languages == null ? Map.of() : sorted(languages);
    }
  }

  /**
   * One story's state.
   *
   * @param id the story id
   * @param sequence opening order, older first
   * @param vectorSum sum of member embeddings, or {@code null} when none had one
   * @param vectors members that had an embedding
   * @param names name key to number of members carrying it
   * @param terms term to number of members carrying it among their top terms
   * @param first earliest member date, or {@code null}
   * @param last latest member date, or {@code null}
   * @param members the members
   * @param mentioned name key to number of members whose entity mentions gave it (not only a match
   *     in their text); {@code null} in states saved before it was kept
   */
  public record Cluster(
      String id,
      long sequence,
      float[] vectorSum,
      int vectors,
      Map<String, Integer> names,
      Map<String, Integer> terms,
      String first,
      String last,
      List<Member> members,
      Map<String, Integer> mentioned) {

    public Cluster {
      names = sorted(names);
      terms = sorted(terms);
      members = List.copyOf(members);
      mentioned = mentioned == null ? null : sorted(mentioned);
    }
  }

  /**
   * A member as the state keeps it.
   *
   * @param articleId the article id
   * @param outlet its outlet, or {@code null}
   * @param language its language code
   * @param published its date (yyyy-mm-dd), or {@code null}
   * @param score its score when it joined
   */
  public record Member(
      String articleId, String outlet, String language, String published, double score) {}
}
