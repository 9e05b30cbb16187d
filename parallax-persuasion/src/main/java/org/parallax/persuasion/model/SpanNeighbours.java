package org.parallax.persuasion.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training spans' vectors, kept (int8-quantised, no text) so that a prediction can say which
 * techniques the most similar annotated spans carried: evidence a reader can weigh, unlike a bare
 * score.
 */
public final class SpanNeighbours {

  private final List<String> techniques;
  private final int dimension;
  private final byte[] vectors; // count x dimension, unit length scaled by 127
  private final byte[] labels;
  // the vectors dequantised by dimension, built on first use: one similarity pass is then a run of
  // multiply-adds over contiguous floats that the JIT vectorises (about 9 MB for 6,000 spans)
  private volatile float[][] columns;

  public SpanNeighbours(List<String> techniques, int dimension, byte[] vectors, byte[] labels) {
    this.techniques = List.copyOf(techniques);
    this.dimension = dimension;
    this.vectors = vectors;
    this.labels = labels;
    if (vectors.length != labels.length * dimension) {
      throw new IllegalArgumentException("one label per vector expected");
    }
  }

  /** Quantises {@code spanVectors} (any length, same dimension) with their technique indices. */
  public static SpanNeighbours of(
      List<String> techniques, List<float[]> spanVectors, int[] labels) {
    int dimension = spanVectors.isEmpty() ? 0 : spanVectors.get(0).length;
    byte[] vectors = new byte[spanVectors.size() * dimension];
    byte[] labelBytes = new byte[labels.length];
    for (int i = 0; i < spanVectors.size(); i++) {
      float[] unit = unit(spanVectors.get(i));
      for (int d = 0; d < dimension; d++) {
        vectors[i * dimension + d] = (byte) Math.round(unit[d] * 127);
      }
      labelBytes[i] = (byte) labels[i];
    }
    return new SpanNeighbours(techniques, dimension, vectors, labelBytes);
  }

  public int size() {
    return labels.length;
  }

  private float[][] columns() {
    float[][] c = columns;
    if (c == null) {
      int n = size();
      c = new float[dimension][n];
      for (int i = 0; i < n; i++) {
        for (int d = 0; d < dimension; d++) {
          c[d][i] = vectors[i * dimension + d];
        }
      }
      columns = c;
    }
    return c;
  }

  /**
   * How many of the {@code k} training spans most similar to {@code vector} carry each technique,
   * most frequent first.
   */
  public Map<String, Integer> nearest(float[] vector, int k) {
    float[] query = unit(vector);
    int n = size();
    float[][] byDimension = columns();
    float[] scores = new float[n];
    for (int d = 0; d < dimension; d++) {
      float q = query[d];
      float[] column = byDimension[d];
      for (int i = 0; i < n; i++) {
        scores[i] += q * column[i];
      }
    }
    int[] best = new int[Math.min(k, n)];
    float[] bestScore = new float[best.length];
    Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      float s = scores[i];
      if (best.length > 0 && s > bestScore[best.length - 1]) {
        int at = best.length - 1;
        while (at > 0 && bestScore[at - 1] < s) {
          bestScore[at] = bestScore[at - 1];
          best[at] = best[at - 1];
          at--;
        }
        bestScore[at] = s;
        best[at] = i;
      }
    }
    int[] counts = new int[techniques.size()];
    for (int i : best) {
      counts[labels[i]]++;
    }
    List<Integer> order = new ArrayList<>();
    for (int t = 0; t < counts.length; t++) {
      if (counts[t] > 0) {
        order.add(t);
      }
    }
    order.sort((a, b) -> counts[b] - counts[a]);
    Map<String, Integer> result = new LinkedHashMap<>();
    for (int t : order) {
      result.put(techniques.get(t), counts[t]);
    }
    return result;
  }

  private static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * scale;
    }
    return out;
  }

  public void write(DataOutputStream out) throws IOException {
    out.writeInt(techniques.size());
    for (String technique : techniques) {
      out.writeUTF(technique);
    }
    out.writeInt(dimension);
    out.writeInt(labels.length);
    out.write(vectors);
    out.write(labels);
  }

  public static SpanNeighbours read(DataInputStream in) throws IOException {
    int t = in.readInt();
    List<String> techniques = new ArrayList<>(t);
    for (int i = 0; i < t; i++) {
      techniques.add(in.readUTF());
    }
    int dimension = in.readInt();
    int count = in.readInt();
    byte[] vectors = new byte[count * dimension];
    in.readFully(vectors);
    byte[] labels = new byte[count];
    in.readFully(labels);
    return new SpanNeighbours(techniques, dimension, vectors, labels);
  }
}
