package org.parallax.corpus.talkingpoints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups linked sentences. Plain connected components chain: A paraphrases B, B shares a clause
 * with C, and two different claims become one. So a sentence joins a cluster only when it is linked
 * to at least a {@code majority} share of the cluster's members; otherwise it starts its own.
 * Sentences are placed best-connected first, so each cluster grows around its densest core.
 */
final class Clusters {

  private Clusters() {}

  /**
   * Clusters of at least two sentences; {@code links.get(s)} lists the sentences linked to {@code
   * s} ({@code null} when none).
   */
  static List<int[]> majorityLink(List<List<Integer>> links, double majority) {
    Integer[] order =
        java.util.stream.IntStream.range(0, links.size())
            .filter(s -> links.get(s) != null)
            .boxed()
            .toArray(Integer[]::new);
    Arrays.sort(
        order,
        (a, b) ->
            links.get(b).size() != links.get(a).size()
                ? Integer.compare(links.get(b).size(), links.get(a).size())
                : Integer.compare(a, b));
    Map<Integer, Integer> clusterOf = new HashMap<>();
    List<List<Integer>> clusters = new ArrayList<>();
    for (int s : order) {
      Map<Integer, Integer> linkedIn = new HashMap<>();
      for (int t : links.get(s)) {
        Integer c = clusterOf.get(t);
        if (c != null) {
          linkedIn.merge(c, 1, Integer::sum);
        }
      }
      int best = -1;
      double bestShare = 0;
      for (Map.Entry<Integer, Integer> entry : linkedIn.entrySet()) {
        double share = entry.getValue() / (double) clusters.get(entry.getKey()).size();
        if (share >= majority
            && (share > bestShare || (share == bestShare && entry.getKey() < best))) {
          best = entry.getKey();
          bestShare = share;
        }
      }
      if (best < 0) {
        best = clusters.size();
        clusters.add(new ArrayList<>());
      }
      clusters.get(best).add(s);
      clusterOf.put(s, best);
    }
    List<int[]> result = new ArrayList<>();
    for (List<Integer> cluster : clusters) {
      if (cluster.size() >= 2) {
        result.add(cluster.stream().mapToInt(Integer::intValue).sorted().toArray());
      }
    }
    return result;
  }
}
