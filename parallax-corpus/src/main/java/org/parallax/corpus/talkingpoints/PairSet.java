package org.parallax.corpus.talkingpoints;

import java.util.Arrays;

/**
 * A set of sentence pairs packed into longs, open addressing without boxing: the LSH tables propose
 * the same pair many times, and there can be millions of them.
 */
final class PairSet {

  private static final long EMPTY = -1L;
  private long[] slots = new long[1 << 10];
  private int size;

  PairSet() {
    Arrays.fill(slots, EMPTY);
  }

  /** Adds the pair {@code (low, high)}; both are non-negative sentence indexes. */
  void add(int low, int high) {
    long pair = ((long) low << 32) | (high & 0xffffffffL);
    if ((size + 1) * 2 > slots.length) {
      grow();
    }
    insert(slots, pair);
  }

  /** Whether the pair {@code (low, high)} was added. */
  boolean contains(int low, int high) {
    long pair = ((long) low << 32) | (high & 0xffffffffL);
    int mask = slots.length - 1;
    for (int i = mix(pair) & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
      if (slots[i] == pair) {
        return true;
      }
    }
    return false;
  }

  private boolean insert(long[] table, long pair) {
    int mask = table.length - 1;
    int i = mix(pair) & mask;
    while (table[i] != EMPTY) {
      if (table[i] == pair) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[i] = pair;
    if (table == slots) {
      size++;
    }
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    Arrays.fill(slots, EMPTY);
    size = 0; // insert() counts the pairs again
    for (long pair : old) {
      if (pair != EMPTY) {
        insert(slots, pair);
      }
    }
  }

  private static int mix(long pair) {
    long h = pair * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }

  int size() {
    return size;
  }

  /** The pairs, in ascending order so that results do not depend on hashing. */
  long[] toArray() {
    long[] pairs = new long[size];
    int n = 0;
    for (long pair : slots) {
      if (pair != EMPTY) {
        pairs[n++] = pair;
      }
    }
    Arrays.sort(pairs);
    return pairs;
  }
}
