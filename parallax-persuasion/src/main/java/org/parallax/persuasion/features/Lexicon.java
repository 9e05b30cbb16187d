package org.parallax.persuasion.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the training annotations say about single words: for each word seen often enough, a few
 * smoothed rates (how often it lies inside a technique span; how its span occurrences spread over
 * the techniques). Frozen encoders smooth words into their context; a loaded word ("thugs",
 * "martyr", "so-called") is often its own best evidence, and these rates keep it.
 *
 * <p>Rates are shrunk towards the overall rate with {@value #PRIOR_WEIGHT} pseudo-counts, so rare
 * words say little. Built from the fitting articles only; for the fitting articles' own features
 * the trainer builds one lexicon per fold without them, so the heads do not learn to trust rates
 * that saw the very word they are reading.
 */
public final class Lexicon {

  /** Pseudo-counts of the overall rate added to every word's counts. */
  static final double PRIOR_WEIGHT = 4;

  /** Words seen fewer times are left out (they read as the overall rate). */
  static final int MIN_COUNT = 3;

  private final int width;
  private final float[] fallback;
  private final Map<String, float[]> values;

  public Lexicon(int width, float[] fallback, Map<String, float[]> values) {
    this.width = width;
    this.fallback = fallback.clone();
    this.values = Map.copyOf(values);
  }

  /** The lexicon's key for a word: lower case, without surrounding punctuation. */
  public static String key(String word) {
    int begin = 0;
    int end = word.length();
    while (begin < end && !Character.isLetterOrDigit(word.charAt(begin))) {
      begin++;
    }
    while (end > begin && !Character.isLetterOrDigit(word.charAt(end - 1))) {
      end--;
    }
    return word.substring(begin, end).toLowerCase(Locale.ROOT);
  }

  public int width() {
    return width;
  }

  public int size() {
    return values.size();
  }

  /** The word's rates, or the overall rates for a word not in the lexicon. */
  public float[] get(String word) {
    return values.getOrDefault(key(word), fallback);
  }

  /** Counts words towards a lexicon of {@code width} rates. */
  public static final class Builder {
    private final int width;
    private final Map<String, double[]> counts = new HashMap<>();
    private final double[] totals;
    private double words;

    public Builder(int width) {
      this.width = width;
      this.totals = new double[width];
    }

    /** One occurrence of {@code word} whose outcomes (0/1 or weights) are {@code outcome}. */
    public void add(String word, float[] outcome) {
      String key = key(word);
      if (key.isEmpty()) {
        return;
      }
      double[] c = counts.computeIfAbsent(key, k -> new double[width + 1]);
      c[width]++;
      words++;
      for (int i = 0; i < width; i++) {
        c[i] += outcome[i];
        totals[i] += outcome[i];
      }
    }

    public Lexicon build() {
      float[] fallback = new float[width];
      for (int i = 0; i < width; i++) {
        fallback[i] = (float) (words == 0 ? 0 : totals[i] / words);
      }
      Map<String, float[]> values = new HashMap<>();
      for (Map.Entry<String, double[]> entry : counts.entrySet()) {
        double[] c = entry.getValue();
        if (c[width] < MIN_COUNT) {
          continue;
        }
        float[] rates = new float[width];
        for (int i = 0; i < width; i++) {
          rates[i] = (float) ((c[i] + PRIOR_WEIGHT * fallback[i]) / (c[width] + PRIOR_WEIGHT));
        }
        values.put(entry.getKey(), rates);
      }
      return new Lexicon(width, fallback, values);
    }
  }

  public void write(DataOutputStream out) throws IOException {
    out.writeInt(width);
    for (float v : fallback) {
      out.writeFloat(v);
    }
    out.writeInt(values.size());
    for (Map.Entry<String, float[]> entry : new TreeMap<>(values).entrySet()) {
      out.writeUTF(entry.getKey());
      for (float v : entry.getValue()) {
        out.writeFloat(v);
      }
    }
  }

  public static Lexicon read(DataInputStream in) throws IOException {
    int width = in.readInt();
    float[] fallback = new float[width];
    for (int i = 0; i < width; i++) {
      fallback[i] = in.readFloat();
    }
    int n = in.readInt();
    Map<String, float[]> values = new HashMap<>(n * 2);
    for (int k = 0; k < n; k++) {
      String key = in.readUTF();
      float[] rates = new float[width];
      for (int i = 0; i < width; i++) {
        rates[i] = in.readFloat();
      }
      values.put(key, rates);
    }
    return new Lexicon(width, fallback, values);
  }

  /** An empty lexicon of {@code width} rates, all zero: for texts read without one. */
  public static Lexicon empty(int width) {
    float[] zero = new float[width];
    Arrays.fill(zero, 0f);
    return new Lexicon(width, zero, Map.of());
  }

  /** The words and rates, for tests. */
  List<String> words() {
    return values.keySet().stream().sorted().toList();
  }
}
