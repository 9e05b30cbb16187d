package org.parallax.persuasion.genre;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.parallax.persuasion.data.SemEval2023Labels;

/**
 * Genre figures as SemEval-2023 subtask 1 scores them: macro-F1, the mean F1 of the genres found in
 * the gold labels or the predictions (scikit-learn's {@code f1_score(average="macro")}, which the
 * official scorer calls), per language and over all languages pooled.
 *
 * @param byLanguage each language's figures, by ISO 639-1 code
 * @param all the figures over every article pooled
 */
public record GenreScore(Map<String, Figures> byLanguage, Figures all) {

  /**
   * One set of figures.
   *
   * @param articles scored articles
   * @param accuracy share predicted right
   * @param macroF1 mean F1 of the genres present in the gold or the predictions
   * @param f1 F1 per genre
   */
  public record Figures(int articles, double accuracy, double macroF1, Map<String, Double> f1) {}

  /** Scores {@code model} on labelled articles. */
  public static GenreScore of(GenreModel model, List<SemEval2023Labels.Article> articles) {
    List<String[]> pairs = new ArrayList<>();
    List<String> languages = new ArrayList<>();
    for (SemEval2023Labels.Article article : articles) {
      pairs.add(
          new String[] {
            article.label(), model.classify(article.text(), article.language()).genre()
          });
      languages.add(article.language());
    }
    return of(pairs, languages);
  }

  /**
   * Scores (gold, predicted) pairs, each of the language at the same index; an empty prediction (an
   * article left out of a prediction file) is wrong and names no genre.
   */
  public static GenreScore of(List<String[]> pairs, List<String> languages) {
    Map<String, List<String[]>> byLanguage = new TreeMap<>();
    for (int i = 0; i < pairs.size(); i++) {
      byLanguage.computeIfAbsent(languages.get(i), k -> new ArrayList<>()).add(pairs.get(i));
    }
    Map<String, Figures> figures = new LinkedHashMap<>();
    byLanguage.forEach((language, list) -> figures.put(language, figures(list)));
    return new GenreScore(figures, figures(pairs));
  }

  /** Scores (gold, predicted) pairs of no particular language: only {@link #all} is set. */
  public static GenreScore pooled(List<String[]> pairs) {
    return new GenreScore(Map.of(), figures(pairs));
  }

  static Figures figures(List<String[]> pairs) {
    TreeSet<String> genres = new TreeSet<>();
    int right = 0;
    for (String[] pair : pairs) {
      genres.add(pair[0]);
      if (!pair[1].isEmpty()) {
        genres.add(pair[1]);
      }
      if (pair[0].equals(pair[1])) {
        right++;
      }
    }
    Map<String, Double> f1 = new LinkedHashMap<>();
    double sum = 0;
    for (String genre : genres) {
      int tp = 0;
      int predicted = 0;
      int gold = 0;
      for (String[] pair : pairs) {
        boolean g = pair[0].equals(genre);
        boolean p = pair[1].equals(genre);
        tp += g && p ? 1 : 0;
        gold += g ? 1 : 0;
        predicted += p ? 1 : 0;
      }
      double value = tp == 0 ? 0 : 2.0 * tp / (gold + predicted);
      f1.put(genre, value);
      sum += value;
    }
    return new Figures(
        pairs.size(),
        pairs.isEmpty() ? 0 : right / (double) pairs.size(),
        genres.isEmpty() ? 0 : sum / genres.size(),
        f1);
  }

  /** The figures as a table, one line per language and one for all. */
  public String table() {
    StringBuilder out = new StringBuilder();
    byLanguage.forEach((language, f) -> out.append(line(language, f)));
    out.append(line("all", all));
    return out.toString();
  }

  private static String line(String name, Figures f) {
    StringBuilder perGenre = new StringBuilder();
    f.f1()
        .forEach(
            (genre, value) ->
                perGenre.append(String.format(Locale.ROOT, "  %s %.3f", genre, value)));
    return String.format(
        Locale.ROOT,
        "%-4s %4d articles  macro-F1 %.3f  accuracy %.3f %s%n",
        name,
        f.articles(),
        f.macroF1(),
        f.accuracy(),
        perGenre);
  }
}
