package org.parallax.corpus.stories;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.corpus.names.NameForms;

/**
 * Script- and spelling-insensitive keys of names, so that "Qasem Soleimani", "Касем Сулеймани" and
 * "قاسم سليماني" meet: the name is transliterated to ASCII Latin (ICU "Any-Latin; Latin-ASCII"),
 * each word folded with {@link NameForms#fold} and reduced to a consonant skeleton with the
 * consonants that transliterations swap put in one class (q/k/c, z/s, p/b, v/f) and the letters
 * they disagree about (vowels, h, j, y, w) dropped: all three forms give "ksm slmn". Not
 * thread-safe (the transliterator is not).
 */
final class NameKeys {

  private final Transliterator toLatin = Transliterator.getInstance("Any-Latin; Latin-ASCII");
  private final Map<String, String> latinCache = new HashMap<>();

  /** The key of a whole name, or {@code null} when no word keeps two consonants. */
  String nameKey(String type, String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String display = NameForms.display(type, latin(name));
    List<String> keys = new ArrayList<>();
    for (String word : display.split("[\\s\\-]+")) {
      String key = wordKey(word);
      if (key != null) {
        keys.add(key);
      }
    }
    if (keys.isEmpty() || (keys.size() == 1 && !strongAlone(keys.get(0)))) {
      return null;
    }
    return String.join(" ", keys);
  }

  /** Whether a word key may stand for a name alone: two consonants at least. */
  static boolean strongAlone(String wordKey) {
    return wordKey.length() >= 3;
  }

  /** The key of the last word of a name, for looking up a surname written alone. */
  String lastWordKey(String nameKey) {
    int space = nameKey.lastIndexOf(' ');
    return space < 0 ? null : nameKey.substring(space + 1);
  }

  /**
   * The skeleton of one word as written in any script, "=" before it when it has fewer than three
   * consonants ("Iran", "إيران" give "=rn"), {@code null} when it has none.
   */
  String wordKey(String word) {
    String folded = NameForms.fold(latin(word));
    StringBuilder ascii = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        ascii.append(c);
      }
    }
    String s =
        ascii
            .toString()
            .replace("kh", "h")
            .replace("gh", "g")
            .replace("ph", "f")
            .replace("sh", "s")
            .replace("ch", "c")
            .replace("th", "t");
    StringBuilder skeleton = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c =
          switch (s.charAt(i)) {
            // w is dropped, not put with v/f: in Arabic transliteration it is mostly a vowel
            case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'j', 'w' -> 0;
            case 'q', 'c', 'k' -> 'k';
            case 'z' -> 's';
            case 'p' -> 'b';
            case 'v' -> 'f';
            default -> s.charAt(i);
          };
      if (c != 0 && (skeleton.length() == 0 || skeleton.charAt(skeleton.length() - 1) != c)) {
        skeleton.append(c);
      }
    }
    if (skeleton.length() >= 3) {
      return skeleton.toString();
    }
    // two consonants or fewer say little ("Iran" and "Reneé" are both r-n): marked, so that they
    // count alone only with two consonants and otherwise only as a word of a longer name
    return skeleton.length() == 0 ? null : "=" + skeleton;
  }

  private String latin(String text) {
    boolean ascii = true;
    for (int i = 0; i < text.length() && ascii; i++) {
      ascii = text.charAt(i) < 128;
    }
    if (ascii) {
      return text;
    }
    if (latinCache.size() > 200_000) {
      latinCache.clear(); // bounded: a cache, not a dictionary
    }
    return latinCache.computeIfAbsent(text, toLatin::transliterate);
  }

  /**
   * Name-like words of a text, as keys of single words and of adjacent pairs: in scripts with
   * letter case, words that start with a capital; in scripts without (Arabic, Hebrew, ...), every
   * word of three letters or more, without the Arabic article and conjunction prefixes.
   */
  TextNames textNames(String text) {
    Set<String> singles = new LinkedHashSet<>();
    Set<String> pairs = new LinkedHashSet<>();
    Set<String> cyrillic = new LinkedHashSet<>();
    String previous = null;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        if (!Character.isWhitespace(c) || c == '\n') {
          previous = null; // punctuation or a line break ends a name
        }
        i++;
        continue;
      }
      int begin = i;
      while (i < n
          && (Character.isLetter(text.charAt(i))
              || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
        i++;
      }
      String word = text.substring(begin, i);
      boolean cased = Character.isUpperCase(c) || Character.isLowerCase(c);
      boolean nameLike = cased ? Character.isUpperCase(c) : word.length() >= 3;
      if (!nameLike) {
        previous = null;
        continue;
      }
      if (!cased) {
        word = withoutArabicPrefix(word);
      }
      String key = wordKey(word);
      if (key == null) {
        previous = null;
        continue;
      }
      if (strongAlone(key)) {
        singles.add(key);
        if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
          cyrillic.add(key);
        }
      }
      if (previous != null) {
        pairs.add(previous + " " + key);
      }
      previous = key;
    }
    return new TextNames(singles, pairs, cyrillic);
  }

  private static String withoutArabicPrefix(String word) {
    for (String prefix : new String[] {"وال", "بال", "فال", "كال", "لل", "ال"}) {
      if (word.startsWith(prefix) && word.length() - prefix.length() >= 3) {
        return word.substring(prefix.length());
      }
    }
    return word;
  }

  /**
   * Keys found in a text.
   *
   * @param singles keys of single name-like words
   * @param pairs keys of adjacent name-like words
   * @param cyrillic the singles written in Cyrillic, which may carry a case ending
   */
  record TextNames(Set<String> singles, Set<String> pairs, Set<String> cyrillic) {}
}
