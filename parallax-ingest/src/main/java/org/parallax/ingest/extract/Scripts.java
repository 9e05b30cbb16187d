package org.parallax.ingest.extract;

import java.lang.Character.UnicodeScript;

/** Which writing system a text is mostly in, counted over its letters. */
final class Scripts {

  private Scripts() {}

  /** The script of most letters in {@code text}, or {@code COMMON} when it has no letters. */
  static UnicodeScript dominant(CharSequence text) {
    int[] counts = counts(text);
    UnicodeScript best = UnicodeScript.COMMON;
    int most = 0;
    for (int ordinal = 0; ordinal < counts.length; ordinal++) {
      if (counts[ordinal] > most) { // on a tie the first script in declaration order stays
        most = counts[ordinal];
        best = SCRIPTS[ordinal];
      }
    }
    return best;
  }

  private static final UnicodeScript[] SCRIPTS = UnicodeScript.values();

  /** The share of letters in {@code text} that are not in {@code script}; 0 without letters. */
  static double foreignShare(CharSequence text, UnicodeScript script) {
    int letters = 0;
    int foreign = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (isLetter(cp)) {
        letters++;
        if (scriptOf(cp) != script) {
          foreign++;
        }
      }
    }
    return letters == 0 ? 0 : (double) foreign / letters;
  }

  /** Letters per script (by ordinal), Common and Inherited left out. */
  private static int[] counts(CharSequence text) {
    int[] counts = new int[SCRIPTS.length];
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      if (isLetter(cp)) {
        UnicodeScript script = scriptOf(cp);
        if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
          counts[script.ordinal()]++;
        }
      }
    }
    return counts;
  }

  private static boolean isLetter(int cp) {
    return cp < 0x80 ? (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' : Character.isLetter(cp);
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
