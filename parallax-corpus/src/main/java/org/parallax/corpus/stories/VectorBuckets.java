package org.parallax.corpus.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Locality-sensitive hashing of story centroids by random hyperplanes (cosine LSH): {@value BANDS}
 * bands of {@value BITS} sign bits; a story is a candidate for an article when they share a band.
 * Two vectors at cosine 0.7 share a band with probability about 0.67, at cosine 0 about 0.02, so
 * the candidates stay few while the likely ones are found. The planes come from a fixed seed, so
 * the buckets of a loaded state are the same as those of the saved one.
 */
final class VectorBuckets {

  static final int BANDS = 20;
  static final int BITS = 10;

  private float[][] planes;
  private final Map<Long, Set<String>> buckets = new HashMap<>();

  /** The band keys of {@code vector} (any length; need not be normalised). */
  long[] keys(float[] vector) {
    if (planes == null || planes[0].length != vector.length) {
      planes = planes(vector.length);
    }
    long[] keys = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long bits = 0;
      for (int b = 0; b < BITS; b++) {
        float[] plane = planes[band * BITS + b];
        double dot = 0;
        for (int i = 0; i < vector.length; i++) {
          dot += plane[i] * vector[i];
        }
        bits = (bits << 1) | (dot >= 0 ? 1 : 0);
      }
      keys[band] = ((long) band << BITS) | bits;
    }
    return keys;
  }

  void add(long[] keys, String story) {
    for (long key : keys) {
      buckets.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(story);
    }
  }

  void remove(long[] keys, String story) {
    for (long key : keys) {
      Set<String> stories = buckets.get(key);
      if (stories != null) {
        stories.remove(story);
        if (stories.isEmpty()) {
          buckets.remove(key);
        }
      }
    }
  }

  /** Stories sharing a band with {@code keys}. */
  List<Set<String>> neighbours(long[] keys) {
    List<Set<String>> found = new ArrayList<>();
    for (long key : keys) {
      Set<String> stories = buckets.get(key);
      if (stories != null) {
        found.add(stories);
      }
    }
    return found;
  }

  private static float[][] planes(int dimension) {
    Random random = new Random(0x5701e5L);
    float[][] planes = new float[BANDS * BITS][dimension];
    for (float[] plane : planes) {
      for (int i = 0; i < dimension; i++) {
        plane[i] = (float) random.nextGaussian();
      }
    }
    return planes;
  }
}
