package org.parallax.corpus.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link DuplicateFinder} found in a corpus.
 *
 * @param articles articles read
 * @param compared articles long enough to be compared (at least {@code minWords} words)
 * @param candidatePairs pairs LSH proposed, before verification
 * @param groups duplicate groups by id
 * @param pairs every verified pair, by {@code a} then {@code b}
 */
public record DuplicateReport(
    int articles,
    int compared,
    int candidatePairs,
    List<DuplicateGroup> groups,
    List<DuplicatePair> pairs) {

  public DuplicateReport {
    groups = List.copyOf(groups);
    pairs = List.copyOf(pairs);
  }

  /** Group id by article id, for the articles that have a copy (others are absent). */
  public Map<String, String> groupByArticle() {
    Map<String, String> byArticle = new HashMap<>();
    for (DuplicateGroup group : groups) {
      for (DuplicateMember member : group.members()) {
        byArticle.put(member.id(), group.id());
      }
    }
    return Map.copyOf(byArticle);
  }
}
