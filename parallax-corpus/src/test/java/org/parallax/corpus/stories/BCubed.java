package org.parallax.corpus.stories;

import java.util.HashMap;
import java.util.Map;

/** B-cubed precision, recall and F1 of a clustering against gold labels (Bagga & Baldwin 1998). */
record BCubed(double precision, double recall, double f1) {

  /** Scores {@code predicted} (item to cluster) against {@code gold} (item to label). */
  static BCubed of(Map<String, String> predicted, Map<String, String> gold) {
    Map<String, Integer> clusterSize = new HashMap<>();
    Map<String, Integer> labelSize = new HashMap<>();
    Map<String, Integer> both = new HashMap<>();
    for (String item : gold.keySet()) {
      String cluster = predicted.getOrDefault(item, "alone:" + item);
      clusterSize.merge(cluster, 1, Integer::sum);
      labelSize.merge(gold.get(item), 1, Integer::sum);
      both.merge(cluster + "\u0000" + gold.get(item), 1, Integer::sum);
    }
    double precision = 0;
    double recall = 0;
    for (String item : gold.keySet()) {
      String cluster = predicted.getOrDefault(item, "alone:" + item);
      int common = both.get(cluster + "\u0000" + gold.get(item));
      precision += (double) common / clusterSize.get(cluster);
      recall += (double) common / labelSize.get(gold.get(item));
    }
    precision /= gold.size();
    recall /= gold.size();
    return new BCubed(precision, recall, 2 * precision * recall / (precision + recall));
  }
}
