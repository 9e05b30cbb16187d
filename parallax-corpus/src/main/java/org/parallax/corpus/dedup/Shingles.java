package org.parallax.corpus.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Word shingles hashed to 64 bits, as a sorted set of distinct values, and their MinHash signature.
 * 64-bit hashes make accidental collisions between different shingles negligible, so the exact
 * Jaccard over hashes is the exact Jaccard over shingles for every practical purpose.
 */
final class Shingles {

  private Shingles() {}

  /** Sorted distinct hashes of the {@code k}-word shingles; a shorter text is one shingle. */
  static long[] of(String[] foldedWords, int k) {
    int n = foldedWords.length;
    if (n == 0) {
      return new long[0];
    }
    long[] wordHashes = new long[n];
    for (int i = 0; i < n; i++) {
      wordHashes[i] = wordHash(foldedWords[i]);
    }
    int width = Math.min(k, n);
    long[] shingles = new long[n - width + 1];
    for (int start = 0; start < shingles.length; start++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int i = start; i < start + width; i++) {
        h = mix(h * 0x100000001B3L + wordHashes[i]);
      }
      shingles[start] = h;
    }
    Arrays.sort(shingles);
    int distinct = 0;
    for (int i = 0; i < shingles.length; i++) {
      if (i == 0 || shingles[i] != shingles[i - 1]) {
        shingles[distinct++] = shingles[i];
      }
    }
    return Arrays.copyOf(shingles, distinct);
  }

  /**
   * MinHash signature: for each of {@code hashes} functions {@code x -> mix(x ^ salt_i)}, the
   * minimum over the set. Mixing with a strong finaliser gives functions close enough to random
   * permutations for the estimate, at one multiply-xorshift chain per value.
   */
  static long[] signature(long[] shingles, int hashes, long seed) {
    long[] salts = salts(hashes, seed);
    long[] signature = new long[hashes];
    Arrays.fill(signature, Long.MAX_VALUE);
    for (long shingle : shingles) {
      for (int i = 0; i < hashes; i++) {
        long value = mix(shingle ^ salts[i]);
        if (value < signature[i]) {
          signature[i] = value;
        }
      }
    }
    return signature;
  }

  static long[] salts(int hashes, long seed) {
    long[] salts = new long[hashes];
    long state = seed;
    for (int i = 0; i < hashes; i++) {
      state += 0x9E3779B97F4A7C15L;
      salts[i] = mix(state);
    }
    return salts;
  }

  /** Share of signature positions that agree: an unbiased estimate of the Jaccard similarity. */
  static double estimatedJaccard(long[] a, long[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  /** Size of the intersection of two sorted distinct sets. */
  static int overlap(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common;
  }

  static double jaccard(long[] a, long[] b, int overlap) {
    int union = a.length + b.length - overlap;
    return union == 0 ? 0 : (double) overlap / union;
  }

  static double containment(long[] a, long[] b, int overlap) {
    int smaller = Math.min(a.length, b.length);
    return smaller == 0 ? 0 : (double) overlap / smaller;
  }

  private static long wordHash(String word) {
    // FNV-1a over UTF-8 bytes, then mixed: stable across JVMs, unlike String.hashCode's 32 bits.
    long h = 0xcbf29ce484222325L;
    for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  /** SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
