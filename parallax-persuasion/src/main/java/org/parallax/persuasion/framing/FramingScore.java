package org.parallax.persuasion.framing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Framing figures as SemEval-2023 subtask 2 scores them: micro-F1 over (article, frame) pairs (the
 * official measure), with macro-F1 and each frame's F1 beside it, per language and pooled.
 *
 * @param byLanguage each language's figures, by ISO 639-1 code (empty when scored from files)
 * @param all every article pooled
 */
public record FramingScore(Map<String, Figures> byLanguage, Figures all) {

  /**
   * One set of figures.
   *
   * @param articles scored articles
   * @param microF1 F1 over all (article, frame) decisions
   * @param macroF1 mean F1 of the frames found in the gold or the predictions
   * @param f1 F1 per frame
   */
  public record Figures(int articles, double microF1, double macroF1, Map<String, Double> f1) {}

  /** One article's gold and predicted frames. */
  public record Pair(Set<String> gold, Set<String> predicted) {}

  /** Scores pairs, each of the language at the same index ({@code languages} null: pooled only). */
  public static FramingScore of(List<Pair> pairs, List<String> languages) {
    Map<String, Figures> byLanguage = new LinkedHashMap<>();
    if (languages != null) {
      Map<String, List<Pair>> grouped = new TreeMap<>();
      for (int i = 0; i < pairs.size(); i++) {
        grouped.computeIfAbsent(languages.get(i), k -> new ArrayList<>()).add(pairs.get(i));
      }
      grouped.forEach((language, list) -> byLanguage.put(language, figures(list)));
    }
    return new FramingScore(byLanguage, figures(pairs));
  }

  static Figures figures(List<Pair> pairs) {
    Map<String, int[]> counts = new TreeMap<>(); // tp, gold, predicted
    for (Pair pair : pairs) {
      for (String frame : pair.gold()) {
        counts.computeIfAbsent(frame, k -> new int[3])[1]++;
        if (pair.predicted().contains(frame)) {
          counts.get(frame)[0]++;
        }
      }
      for (String frame : pair.predicted()) {
        counts.computeIfAbsent(frame, k -> new int[3])[2]++;
      }
    }
    int tp = 0;
    int gold = 0;
    int predicted = 0;
    double sum = 0;
    Map<String, Double> f1 = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      tp += c[0];
      gold += c[1];
      predicted += c[2];
      double value = c[0] == 0 ? 0 : 2.0 * c[0] / (c[1] + c[2]);
      f1.put(e.getKey(), value);
      sum += value;
    }
    double micro = tp == 0 ? 0 : 2.0 * tp / (gold + predicted);
    return new Figures(pairs.size(), micro, counts.isEmpty() ? 0 : sum / counts.size(), f1);
  }

  /** The figures as a table: one line per language and one for all, then each frame's F1. */
  public String table() {
    StringBuilder out = new StringBuilder();
    byLanguage.forEach((language, f) -> out.append(line(language, f)));
    out.append(line("all", all));
    all.f1()
        .forEach(
            (frame, value) ->
                out.append(String.format(Locale.ROOT, "  %-46s F1 %.3f%n", frame, value)));
    return out.toString();
  }

  private static String line(String name, Figures f) {
    return String.format(
        Locale.ROOT,
        "%-4s %4d articles  micro-F1 %.3f  macro-F1 %.3f%n",
        name,
        f.articles(),
        f.microF1(),
        f.macroF1());
  }
}
