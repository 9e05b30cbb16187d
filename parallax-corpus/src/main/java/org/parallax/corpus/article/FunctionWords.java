package org.parallax.corpus.article;

import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Lucene's stop-word list per language (ISO 639-1): the function words ("alla", "anche", "nie")
 * that say nothing of a text's subject and are no names. One language's function word may be
 * another's content word, so each list applies to text of its own language only.
 */
public final class FunctionWords {

  private static final Map<String, CharArraySet> BY_LANGUAGE =
      Map.ofEntries(
          Map.entry("ar", org.apache.lucene.analysis.ar.ArabicAnalyzer.getDefaultStopSet()),
          Map.entry("bg", org.apache.lucene.analysis.bg.BulgarianAnalyzer.getDefaultStopSet()),
          Map.entry("ca", org.apache.lucene.analysis.ca.CatalanAnalyzer.getDefaultStopSet()),
          Map.entry("cs", org.apache.lucene.analysis.cz.CzechAnalyzer.getDefaultStopSet()),
          Map.entry("da", org.apache.lucene.analysis.da.DanishAnalyzer.getDefaultStopSet()),
          Map.entry("de", org.apache.lucene.analysis.de.GermanAnalyzer.getDefaultStopSet()),
          Map.entry("el", org.apache.lucene.analysis.el.GreekAnalyzer.getDefaultStopSet()),
          Map.entry("en", org.apache.lucene.analysis.en.EnglishAnalyzer.getDefaultStopSet()),
          Map.entry("es", org.apache.lucene.analysis.es.SpanishAnalyzer.getDefaultStopSet()),
          Map.entry("fa", org.apache.lucene.analysis.fa.PersianAnalyzer.getDefaultStopSet()),
          Map.entry("fi", org.apache.lucene.analysis.fi.FinnishAnalyzer.getDefaultStopSet()),
          Map.entry("fr", org.apache.lucene.analysis.fr.FrenchAnalyzer.getDefaultStopSet()),
          Map.entry("hu", org.apache.lucene.analysis.hu.HungarianAnalyzer.getDefaultStopSet()),
          Map.entry("id", org.apache.lucene.analysis.id.IndonesianAnalyzer.getDefaultStopSet()),
          Map.entry("it", org.apache.lucene.analysis.it.ItalianAnalyzer.getDefaultStopSet()),
          Map.entry("nl", org.apache.lucene.analysis.nl.DutchAnalyzer.getDefaultStopSet()),
          Map.entry("no", org.apache.lucene.analysis.no.NorwegianAnalyzer.getDefaultStopSet()),
          Map.entry("pt", org.apache.lucene.analysis.pt.PortugueseAnalyzer.getDefaultStopSet()),
          Map.entry("ro", org.apache.lucene.analysis.ro.RomanianAnalyzer.getDefaultStopSet()),
          Map.entry("ru", org.apache.lucene.analysis.ru.RussianAnalyzer.getDefaultStopSet()),
          Map.entry("sv", org.apache.lucene.analysis.sv.SwedishAnalyzer.getDefaultStopSet()),
          Map.entry("tr", org.apache.lucene.analysis.tr.TurkishAnalyzer.getDefaultStopSet()));

  private FunctionWords() {}

  /** Whether {@code word} is a function word of {@code language}; false for unknown languages. */
  public static boolean contains(String language, CharSequence word) {
    String code = language == null ? null : language.toLowerCase(Locale.ROOT);
    CharArraySet own = code == null ? null : BY_LANGUAGE.get(code);
    if (own == null) {
      return false;
    }
    // Lucene's Greek list is written as its GreekLowerCaseFilter leaves words: without accents,
    // final sigma as σ ("της" is listed as "τησ", "από" as "απο")
    return own.contains(code.equals("el") ? greekLowerCase(word) : word);
  }

  private static String greekLowerCase(CharSequence word) {
    String decomposed =
        java.text.Normalizer.normalize(
            word.toString().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        out.append(c == 'ς' ? 'σ' : c);
      }
    }
    return out.toString();
  }

  /** Whether Lucene has a list for {@code language}. */
  public static boolean known(String language) {
    return language != null && BY_LANGUAGE.containsKey(language.toLowerCase(Locale.ROOT));
  }
}
