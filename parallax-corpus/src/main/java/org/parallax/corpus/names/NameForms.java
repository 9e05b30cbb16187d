package org.parallax.corpus.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a written name is reduced to comparable parts: titles and possessives stripped, tokens folded
 * to a spelling-insensitive key.
 */
public final class NameForms {

  static final String PERSON = "PERSON";

  /** Words that precede a person's name without being part of it (compared without a dot). */
  private static final Set<String> TITLES =
      Set.of(
          "general",
          "gen",
          "major",
          "maj",
          "lieutenant",
          "lt",
          "brigadier",
          "brig",
          "colonel",
          "col",
          "captain",
          "capt",
          "commander",
          "cmdr",
          "admiral",
          "adm",
          "marshal",
          "field",
          "sergeant",
          "sgt",
          "president",
          "pres",
          "vice",
          "prime",
          "minister",
          "foreign",
          "defense",
          "defence",
          "interior",
          "secretary",
          "sec",
          "of",
          "the",
          "state",
          "mr",
          "mrs",
          "ms",
          "miss",
          "dr",
          "prof",
          "professor",
          "sir",
          "dame",
          "lord",
          "lady",
          "rev",
          "reverend",
          "ayatollah",
          "grand",
          "imam",
          "sheikh",
          "shaykh",
          "hajj",
          "haji",
          "pope",
          "king",
          "queen",
          "prince",
          "princess",
          "crown",
          "emir",
          "sultan",
          "supreme",
          "leader",
          "spokeswoman",
          "spokesman",
          "spokesperson",
          "senator",
          "sen",
          "rep",
          "representative",
          "congressman",
          "congresswoman",
          "governor",
          "gov",
          "mayor",
          "judge",
          "chancellor",
          "premier",
          "chairman",
          "chairwoman",
          "chief",
          "deputy",
          "ambassador",
          "envoy",
          "former",
          "late");

  /** Definite articles, lower case, of the languages whose models may take them into a name. */
  private static final Set<String> ARTICLES =
      Set.of(
          "the", "le", "la", "les", "il", "lo", "gli", "i", "el", "los", "las", "der", "die", "das",
          "den", "dem", "des", "o", "a", "os", "as");

  private NameForms() {}

  /** Whether {@code word} is a definite article, whatever its case ("La", "the", "Die"). */
  static boolean isArticle(String word) {
    return ARTICLES.contains(word.toLowerCase(Locale.ROOT));
  }

  /**
   * The words of a name as written ("Donald J. Trump", "Middle East & North Africa"), without a
   * possessive ending, punctuation around the whole name and (for persons) leading titles; never
   * strips the last remaining word.
   */
  static List<String> words(String type, String name) {
    String cleaned = name.replace('\u2019', '\'').replace('\u02bc', '\'').strip();
    if (cleaned.endsWith("'s") || cleaned.endsWith("'S")) {
      cleaned = cleaned.substring(0, cleaned.length() - 2);
    } else if (cleaned.endsWith("s'")) {
      cleaned = cleaned.substring(0, cleaned.length() - 1);
    }
    List<String> words = new ArrayList<>();
    for (String word : trimPunctuation(cleaned).split("\\s+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    // an article written in lower case is no part of the name ("la Chine", "l'Europe", "il
    // Cremlino"); one with a capital may be ("Los Angeles", "Le Pen", "La Paz")
    if (words.size() > 1 && ARTICLES.contains(words.get(0))) {
      words.remove(0);
    }
    if (!words.isEmpty()) {
      String first = words.get(0);
      if (first.length() > 3
          && (first.startsWith("l'") || first.startsWith("d'"))
          && Character.isUpperCase(first.charAt(2))) {
        words.set(0, first.substring(2));
      }
    }
    if (PERSON.equals(type)) {
      while (words.size() > 1 && TITLES.contains(titleKey(words.get(0)))) {
        words.remove(0);
      }
    }
    return List.copyOf(words);
  }

  /** The display form of a name: its {@link #words} joined by single spaces. */
  public static String display(String type, String name) {
    return String.join(" ", words(type, name));
  }

  private static String titleKey(String word) {
    return word.toLowerCase(Locale.ROOT).replace(".", "");
  }

  private static String trimPunctuation(String word) {
    int begin = 0;
    int end = word.length();
    while (begin < end && !Character.isLetterOrDigit(word.charAt(begin))) {
      begin++;
    }
    while (end > begin && !Character.isLetterOrDigit(word.charAt(end - 1))) {
      end--;
    }
    return word.substring(begin, end);
  }

  /**
   * A spelling-insensitive key of one word: lower case, no diacritics, letters and digits only,
   * doubled letters collapsed ("Qassem" and "Qasem" both give "qasem").
   */
  public static String fold(String word) {
    String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        continue;
      }
      char lower = Character.toLowerCase(c);
      if (out.length() == 0 || out.charAt(out.length() - 1) != lower) {
        out.append(lower);
      }
    }
    return out.toString();
  }

  /** The consonants of a folded word: transliterations mostly disagree about vowels. */
  static String consonants(String folded) {
    return folded.replaceAll("[aeiouy]", "");
  }

  /**
   * Whether two words are spelling variants of one name: equal folded keys, or the same first
   * letter and consonant skeleton (at least two consonants) with a small edit distance between the
   * folded keys (1, or 2 for words over six letters). "Soleimani"/"Suleimani" and
   * "Khamenei"/"Khameinei" match; "Iran"/"Iraq" do not.
   */
  static boolean similar(String folded, String otherFolded) {
    if (folded.equals(otherFolded)) {
      return true;
    }
    if (folded.isEmpty() || otherFolded.isEmpty() || folded.charAt(0) != otherFolded.charAt(0)) {
      return false;
    }
    String skeleton = consonants(folded);
    if (skeleton.length() < 2 || !skeleton.equals(consonants(otherFolded))) {
      return false;
    }
    int allowed = Math.max(folded.length(), otherFolded.length()) <= 6 ? 1 : 2;
    return editDistance(folded, otherFolded) <= allowed;
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
