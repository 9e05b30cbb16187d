package org.parallax.corpus.talkingpoints;

import java.util.Random;

/**
 * Random-hyperplane (SimHash) sign bits of embeddings: two vectors at angle θ agree on a bit with
 * probability 1 − θ/π, so the Hamming distance of their signatures estimates their cosine and
 * groups of sampled bits serve as LSH keys.
 */
final class HyperplaneSignatures {

  private final float[][] planes;
  private final int words;
  private final int[][] tableBits;

  HyperplaneSignatures(int dimension, int bits, int tables, int bitsPerTable, long seed) {
    Random random = new Random(seed);
    planes = new float[bits][dimension];
    for (float[] plane : planes) {
      for (int d = 0; d < dimension; d++) {
        plane[d] = (float) random.nextGaussian();
      }
    }
    words = bits / 64;
    tableBits = new int[tables][bitsPerTable];
    for (int[] table : tableBits) {
      // a partial Fisher-Yates shuffle: distinct bits within one table
      int[] order = new int[bits];
      for (int i = 0; i < bits; i++) {
        order[i] = i;
      }
      for (int i = 0; i < bitsPerTable; i++) {
        int j = i + random.nextInt(bits - i);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
        table[i] = order[i];
      }
    }
  }

  int dimension() {
    return planes[0].length;
  }

  int words() {
    return words;
  }

  int bits() {
    return planes.length;
  }

  int tables() {
    return tableBits.length;
  }

  /** Writes the signature of {@code vector} into {@code out} at {@code offset}. */
  void sign(float[] vector, long[] out, int offset) {
    for (int b = 0; b < planes.length; b++) {
      float[] plane = planes[b];
      // four accumulators let the JIT overlap the multiply-adds
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      int d = 0;
      for (; d + 3 < plane.length; d += 4) {
        s0 += plane[d] * vector[d];
        s1 += plane[d + 1] * vector[d + 1];
        s2 += plane[d + 2] * vector[d + 2];
        s3 += plane[d + 3] * vector[d + 3];
      }
      for (; d < plane.length; d++) {
        s0 += plane[d] * vector[d];
      }
      if (s0 + s1 + s2 + s3 >= 0) {
        out[offset + (b >>> 6)] |= 1L << (b & 63);
      }
    }
  }

  /** The key of the signature at {@code offset} in LSH table {@code table}. */
  int key(long[] signatures, int offset, int table) {
    int key = 0;
    int[] bits = tableBits[table];
    for (int i = 0; i < bits.length; i++) {
      int b = bits[i];
      if ((signatures[offset + (b >>> 6)] & (1L << (b & 63))) != 0) {
        key |= 1 << i;
      }
    }
    return key;
  }

  /** The cosine the Hamming distance between two signatures estimates. */
  double estimatedCosine(long[] signatures, int a, int b) {
    int distance = 0;
    for (int w = 0; w < words; w++) {
      distance += Long.bitCount(signatures[a + w] ^ signatures[b + w]);
    }
    return Math.cos(Math.PI * distance / planes.length);
  }
}
