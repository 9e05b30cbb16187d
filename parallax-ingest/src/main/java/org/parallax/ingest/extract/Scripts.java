package org.parallax.ingest.extract;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Map;

/** Which writing system a text is mostly in, counted over its letters. */
final class Scripts {

  private Scripts() {}

  /** The script of most letters in {@code text}, or {@code COMMON} when it has no letters. */
  static UnicodeScript dominant(CharSequence text) {
    Map<UnicodeScript, Integer> counts = counts(text);
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(UnicodeScript.COMMON);
  }

  /** The share of letters in {@code text} that are not in {@code script}; 0 without letters. */
  static double foreignShare(CharSequence text, UnicodeScript script) {
    int letters = 0;
    int foreign = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
        if (scriptOf(cp) != script) {
          foreign++;
        }
      }
    }
    return letters == 0 ? 0 : (double) foreign / letters;
  }

  private static Map<UnicodeScript, Integer> counts(CharSequence text) {
    Map<UnicodeScript, Integer> counts = new EnumMap<>(UnicodeScript.class);
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        UnicodeScript script = scriptOf(cp);
        if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
          counts.merge(script, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /**
   * {@link UnicodeScript#of}, without its table search for the ASCII letters most text is, and with
   * kana counted as Han: Japanese writes one sentence in all three, so a line of mostly kanji in a
   * page of mostly kana is not in another language.
   */
  private static UnicodeScript scriptOf(int letter) {
    if (letter < 0x80) {
      return UnicodeScript.LATIN;
    }
    UnicodeScript script = UnicodeScript.of(letter);
    return script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA
        ? UnicodeScript.HAN
        : script;
  }
}
