package org.parallax.nlp.segment;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The dominant writing system of a stretch of text: it decides which tokenizer and models apply.
 */
public final class Scripts {

  private Scripts() {}

  /** The script of most letters in {@code text[begin, end)}; {@code COMMON} when it has none. */
  public static Character.UnicodeScript dominant(CharSequence text, int begin, int end) {
    Map<Character.UnicodeScript, Integer> counts = new EnumMap<>(Character.UnicodeScript.class);
    for (int i = begin; i < end; ) {
      int c = Character.codePointAt(text, i);
      if (Character.isLetter(c)) {
        counts.merge(Character.UnicodeScript.of(c), 1, Integer::sum);
      }
      i += Character.charCount(c);
    }
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(Character.UnicodeScript.COMMON);
  }

  /** Whether CoreNLP's tokenizer and English models suit text of this script (or of no letters). */
  public static boolean latin(Character.UnicodeScript script) {
    return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.COMMON;
  }

  /** A locale whose break rules suit the script, for {@link java.text.BreakIterator}. */
  static Locale locale(Character.UnicodeScript script) {
    return switch (script) {
      case ARABIC -> Locale.forLanguageTag("ar");
      case CYRILLIC -> Locale.forLanguageTag("ru");
      case GREEK -> Locale.forLanguageTag("el");
      case HEBREW -> Locale.forLanguageTag("he");
      case HAN -> Locale.forLanguageTag("zh");
      case HIRAGANA, KATAKANA -> Locale.forLanguageTag("ja");
      case HANGUL -> Locale.forLanguageTag("ko");
      case THAI -> Locale.forLanguageTag("th");
      case DEVANAGARI -> Locale.forLanguageTag("hi");
      default -> Locale.ROOT;
    };
  }
}
