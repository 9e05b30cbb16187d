package org.parallax.corpus.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-level diff of a copy against its original: Myers' O((N+M)·D) shortest edit script over the
 * folded words, after trimming the common prefix and suffix (a cross-post usually differs only at
 * its ends and in a few places). The search stops at {@code maxDistance} inserted plus deleted
 * words, so two long texts that differ throughout cost bounded time and memory: the differing
 * middle is then reported as one replacement.
 */
final class WordDiff {

  /** Words shown per side of one edit; a longer span ends in an ellipsis. */
  static final int MAX_WORDS_SHOWN = 100;

  record Result(List<WordEdit> edits, int omitted) {}

  private WordDiff() {}

  static Result diff(WordTokens original, WordTokens copy, int maxDistance, int maxEdits) {
    String[] a = original.folded();
    String[] b = copy.folded();
    int prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.length - prefix
        && suffix < b.length - prefix
        && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
      suffix++;
    }
    int n = a.length - prefix - suffix;
    int m = b.length - prefix - suffix;
    List<int[]> runs = new ArrayList<>();
    if (n > 0 || m > 0) {
      List<int[]> script = shortestEditScript(a, b, prefix, n, m, maxDistance);
      if (script == null) {
        runs.add(new int[] {prefix, prefix + n, prefix, prefix + m});
      } else {
        runs = runs(script, prefix);
      }
    }
    List<WordEdit> edits = new ArrayList<>();
    for (int i = 0; i < runs.size() && i < maxEdits; i++) {
      int[] run = runs.get(i);
      String removed = words(original.surface(), run[0], run[1]);
      String added = words(copy.surface(), run[2], run[3]);
      String op = removed.isEmpty() ? "insert" : added.isEmpty() ? "delete" : "replace";
      edits.add(new WordEdit(op, removed, added, run[0]));
    }
    return new Result(List.copyOf(edits), Math.max(0, runs.size() - maxEdits));
  }

  /**
   * Myers' greedy forward search. Returns the operations as {@code {kind, x, y}} in text order
   * (kind 0 deletes middle word x of the original, kind 1 inserts middle word y of the copy before
   * original word x), or {@code null} when more than {@code maxDistance} operations are needed.
   */
  private static List<int[]> shortestEditScript(
      String[] a, String[] b, int offset, int n, int m, int maxDistance) {
    int max = Math.min(maxDistance, n + m);
    int center = max + 1;
    int[] v = new int[2 * max + 3];
    // Only the diagonals of step d's parity change at step d, so each snapshot keeps d+1 values.
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= max && found < 0; d++) {
      int[] snapshot = new int[d + 1];
      for (int k = -d; k <= d; k += 2) {
        int x;
        if (k == -d || (k != d && v[center + k - 1] < v[center + k + 1])) {
          x = v[center + k + 1];
        } else {
          x = v[center + k - 1] + 1;
        }
        int y = x - k;
        while (x < n && y < m && a[offset + x].equals(b[offset + y])) {
          x++;
          y++;
        }
        v[center + k] = x;
        snapshot[(k + d) / 2] = x;
        if (x >= n && y >= m) {
          found = d;
        }
      }
      trace.add(snapshot);
    }
    if (found < 0) {
      return null;
    }
    List<int[]> reversed = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = found; d > 0; d--) {
      int[] previous = trace.get(d - 1);
      int k = x - y;
      boolean down = k == -d || (k != d && at(previous, d - 1, k - 1) < at(previous, d - 1, k + 1));
      int previousK = down ? k + 1 : k - 1;
      int previousX = at(previous, d - 1, previousK);
      int previousY = previousX - previousK;
      x = previousX;
      y = previousY;
      reversed.add(down ? new int[] {1, x, y} : new int[] {0, x, y});
    }
    List<int[]> script = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      script.add(reversed.get(i));
    }
    return script;
  }

  private static int at(int[] snapshot, int d, int k) {
    return snapshot[(k + d) / 2];
  }

  /** Merges adjacent operations into runs {@code {aFrom, aTo, bFrom, bTo}} in whole-text words. */
  private static List<int[]> runs(List<int[]> script, int prefix) {
    List<int[]> runs = new ArrayList<>();
    int[] current = null;
    int nextX = -1;
    int nextY = -1;
    for (int[] operation : script) {
      int x = operation[1];
      int y = operation[2];
      if (current == null || x != nextX || y != nextY) {
        current = new int[] {prefix + x, prefix + x, prefix + y, prefix + y};
        runs.add(current);
      }
      if (operation[0] == 0) {
        current[1] = prefix + x + 1;
        nextX = x + 1;
        nextY = y;
      } else {
        current[3] = prefix + y + 1;
        nextX = x;
        nextY = y + 1;
      }
    }
    return runs;
  }

  private static String words(String[] words, int from, int to) {
    StringBuilder text = new StringBuilder();
    int shownTo = Math.min(to, from + MAX_WORDS_SHOWN);
    for (int i = from; i < shownTo; i++) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(words[i]);
    }
    if (shownTo < to) {
      text.append(" …");
    }
    return text.toString();
  }
}
