package org.parallax.corpus.names;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Script- and spelling-insensitive keys of names, so that "Qasem Soleimani", "Касем Сулеймани" and
 * "قاسم سليماني" meet: the name is transliterated to ASCII Latin (ICU "Any-Latin; Latin-ASCII"),
 * each word folded with {@link NameForms#fold} and reduced to a consonant skeleton with the
 * consonants that transliterations swap put in one class (q/k/c, z/s, p/b, v/f) and the letters
 * they disagree about (vowels, h, j, y, w) dropped: all three forms give "ksm slmn". Not
 * thread-safe (the transliterator is not).
 */
public final class NameKeys {

  private final Transliterator toLatin = Transliterator.getInstance("Any-Latin; Latin-ASCII");
  private final Map<String, String> latinCache = new HashMap<>();

  /** The key of a whole name, or {@code null} when no word keeps two consonants. */
  public String nameKey(String type, String name) {
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
  public static boolean strongAlone(String wordKey) {
    return wordKey.length() >= 3;
  }

  /** The key of the last word of a name, for looking up a surname written alone. */
  public String lastWordKey(String nameKey) {
    int space = nameKey.lastIndexOf(' ');
    return space < 0 ? null : nameKey.substring(space + 1);
  }

  /**
   * The skeleton of one word as written in any script, "=" before it when it has fewer than three
   * consonants ("Iran", "إيران" give "=rn"), {@code null} when it has none.
   */
  public String wordKey(String word) {
    String skeleton = classes(letters(word), false);
    if (skeleton.length() >= 3) {
      return skeleton;
    }
    // two consonants or fewer say little ("Iran" and "Reneé" are both r-n): marked, so that they
    // count alone only with two consonants and otherwise only as a word of a longer name
    return skeleton.length() == 0 ? null : "=" + skeleton;
  }

  /**
   * The consonant classes of a word with its vowels kept, each run of them as one "V" ("Путина"
   * gives "bVtVnV", "Putin" "bVtVn", "Польше" "bVlsV" and "Pelosi" "bVlVsV"): where a skeleton
   * ({@link #wordKey}) matches many words, the place of the vowels tells names apart. Only for
   * scripts that write vowels: Arabic mostly does not.
   */
  public String shapeKey(String word) {
    return classes(letters(word), true);
  }

  /**
   * A word as {@link #sameName} compares it: transliterated to lower-case ASCII, the digraphs of
   * one sound as one letter.
   */
  public String spelling(String word) {
    return letters(word);
  }

  /** The {@link #shapeKey shape} of a word from its {@link #spelling}. */
  public static String shapeOfSpelling(String spelling) {
    return classes(spelling, true);
  }

  /** A word transliterated to lower-case ASCII, with the digraphs of one sound as one letter. */
  private String letters(String word) {
    String folded = NameForms.fold(latin(greekDigraphs(word)));
    StringBuilder ascii = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        ascii.append(c);
      }
    }
    return ascii
        .toString()
        .replace("kh", "h")
        .replace("gh", "g")
        .replace("ph", "f")
        .replace("sh", "s")
        .replace("ch", "c")
        .replace("th", "t");
  }

  /**
   * The letters by class (q/c/k, z/s, p/b, v/f together), repeats as one; the letters that
   * transliterations disagree about (vowels, h, j, y, w) dropped, or as "V" when {@code vowels}.
   */
  private static String classes(String s, boolean vowels) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c =
          switch (s.charAt(i)) {
            // w is dropped, not put with v/f: in Arabic transliteration it is mostly a vowel
            case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'j', 'w' -> vowels ? 'V' : 0;
            case 'q', 'c', 'k' -> 'k';
            case 'z' -> 's';
            case 'p' -> 'b';
            case 'v' -> 'f';
            default -> s.charAt(i);
          };
      if (c != 0 && (out.length() == 0 || out.charAt(out.length() - 1) != c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A Greek word with the letter pairs that Greek writes foreign sounds with put as those sounds
   * before transliteration, which would take them letter by letter: "μπ" b, "ντ" d, "γκ" g, and a
   * word-initial "γι" before a vowel as y ("Μπάιντεν" is Biden, "Γιουσούφ" Yusuf).
   */
  static String greekDigraphs(String word) {
    if (word.isEmpty()
        || Character.UnicodeBlock.of(word.charAt(0)) != Character.UnicodeBlock.GREEK) {
      return word;
    }
    String lower =
        java.text.Normalizer.normalize(
                word.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    if (lower.length() > 2 && lower.startsWith("γι") && "αεηιουω".indexOf(lower.charAt(2)) >= 0) {
      lower = "y" + lower.substring(2);
    }
    return lower.replace("μπ", "b").replace("ντ", "d").replace("γκ", "g");
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

  /** Characters after which the next word starts a sentence (or a quotation). */
  static final String SENTENCE_OPENERS = ".!?…:\n«„“\"";

  /**
   * Name-like words of a text, as keys of single words and of adjacent pairs: in scripts with
   * letter case, words that start with a capital; in scripts without (Arabic, Hebrew, Georgian,
   * ...), every word of three letters or more, without the Arabic article and conjunction prefixes.
   * A capitalised word at the start of a sentence, where any word has a capital, counts only in a
   * pair. A word of a script that writes its vowels (all but Arabic, Hebrew and their like) also
   * gives its {@link #spelling}, for {@link #sameName}.
   */
  public TextNames textNames(String text) {
    Set<String> singles = new LinkedHashSet<>();
    Set<String> pairs = new LinkedHashSet<>();
    Set<String> cyrillic = new LinkedHashSet<>();
    Map<String, Set<String>> spellings = new HashMap<>();
    String previous = null;
    boolean sentenceStart = true;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        if (!Character.isWhitespace(c) || c == '\n') {
          previous = null; // punctuation or a line break ends a name
        }
        sentenceStart = sentenceStart || SENTENCE_OPENERS.indexOf(c) >= 0;
        i++;
        continue;
      }
      int begin = i;
      i = wordEnd(text, begin, n);
      String word = text.substring(begin, i);
      boolean cased = cased(word);
      boolean opensSentence = sentenceStart;
      sentenceStart = false;
      if (!nameLike(word)) {
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
      // without capitals every word is looked up: a single word needs four consonants where the
      // script writes vowels too (Georgian), as in the names stage
      boolean spelled = !abjad(c);
      boolean single = cased ? !opensSentence : !spelled || key.length() >= 4;
      if (strongAlone(key) && single) {
        singles.add(key);
        if (spelled) {
          spellings.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(spelling(word));
        }
        if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
          cyrillic.add(key);
        }
      }
      String stemKey = null;
      if (georgian(c)) {
        // "პუტინმა" (Putin, ergative): the key of the stem too
        String stem = withoutGeorgianEnding(spelling(word));
        stemKey = stem == null ? null : wordKey(stem);
        if (stemKey != null && stemKey.length() >= 4 && !stemKey.startsWith("=")) {
          singles.add(stemKey);
          spellings.computeIfAbsent(stemKey, k -> new LinkedHashSet<>()).add(stem);
        }
      }
      if (previous != null) {
        pairs.add(previous + " " + key);
        if (stemKey != null) {
          pairs.add(previous + " " + stemKey);
        }
      }
      previous = key;
    }
    return new TextNames(singles, pairs, cyrillic, spellings);
  }

  /** Whether {@code c} is a letter of a script that mostly leaves its vowels unwritten. */
  static boolean abjad(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.ARABIC
        || script == Character.UnicodeScript.HEBREW
        || script == Character.UnicodeScript.SYRIAC
        || script == Character.UnicodeScript.THAANA;
  }

  /**
   * Whether a word of {@link #spelling} {@code word} may be a name word spelled {@code name} in
   * another script or language: the same {@link #sameShape shape}, and letters close enough that
   * only transliteration and endings tell them apart: with the consonant classes of keys merged and
   * j/y read as i, at most a third of the longer spelling's letters (at least one) differ (edit
   * distance), once a final vowel is left off both. "Байдена" (bajdena) is Biden and "Сулеймани"
   * (sulejmani) Soleimani, but "Βουλής" (boules, parliament) is not Pelosi though both are b-l-s
   * with the same vowel places.
   */
  public static boolean sameName(String word, String name, boolean cyrillic) {
    if (!sameShape(classes(word, true), classes(name, true), cyrillic)) {
      return false;
    }
    String a = comparable(word);
    String b = comparable(name);
    int distance = NameForms.editDistance(a, b);
    return distance <= Math.max(1, Math.max(a.length(), b.length()) / 3);
  }

  /**
   * A spelling with consonant classes merged, j and y as i, ou as u (Greek and French write u so),
   * and a final vowel left off.
   */
  private static String comparable(String spelling) {
    String letters = spelling.replace("ou", "u");
    StringBuilder out = new StringBuilder(letters.length());
    for (int i = 0; i < letters.length(); i++) {
      char c =
          switch (letters.charAt(i)) {
            case 'q', 'c' -> 'k';
            case 'z' -> 's';
            case 'p' -> 'b';
            case 'v', 'w' -> 'f';
            case 'j', 'y' -> 'i';
            default -> letters.charAt(i);
          };
      out.append(c);
    }
    int end = out.length();
    if (end > 1 && "aeiou".indexOf(out.charAt(end - 1)) >= 0) {
      out.setLength(end - 1);
    }
    return out.toString();
  }

  /**
   * Whether a capitalised word of {@code wordShape} may be a name word of {@code nameShape}: the
   * same vowels where the name has them, allowing for a final vowel and, in Cyrillic, an
   * "-ом"/"-ым" case ending: "Путина" and "Путиным" are Putin, "Польше" is not Pelosi though both
   * are "bls".
   */
  public static boolean sameShape(String wordShape, String nameShape, boolean cyrillic) {
    String name = withoutFinalVowel(nameShape);
    if (withoutFinalVowel(wordShape).equals(name)) {
      return true;
    }
    return cyrillic
        && wordShape.endsWith("Vm")
        && withoutFinalVowel(wordShape.substring(0, wordShape.length() - 1)).equals(name);
  }

  private static String withoutFinalVowel(String shape) {
    return shape.endsWith("V") ? shape.substring(0, shape.length() - 1) : shape;
  }

  /** The end of the word (letters and combining marks) that starts at {@code begin}. */
  static int wordEnd(String text, int begin, int limit) {
    int i = begin;
    while (i < limit
        && (Character.isLetter(text.charAt(i))
            || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
      i++;
    }
    return i;
  }

  /**
   * Whether the word's script has letter case. Georgian is written without capitals (Unicode counts
   * its everyday letters as lower case, its capitals are for all-caps headings only), so it has
   * none here.
   */
  static boolean cased(String word) {
    char c = word.charAt(0);
    return !georgian(c) && (Character.isUpperCase(c) || Character.isLowerCase(c));
  }

  /** Whether {@code c} is a Georgian letter. */
  static boolean georgian(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.GEORGIAN;
  }

  /** Georgian case endings and postpositions, as {@link #spelling} writes them. */
  private static final List<String> GEORGIAN_ENDINGS =
      List.of("tvis", "tan", "dan", "gan", "ma", "is", "it", "ad", "ze", "si", "m", "s");

  /**
   * A Georgian word's spelling without its case ending or postposition (ergative "-მა", genitive
   * "-ის", dative "-ს", instrumental "-ით", "-ზე" on, "-ში" in, "-თან" at, ...), when a stem of
   * three letters or more is left; {@code null} otherwise. The nominative "-ი" is a vowel, which
   * {@link NameKeys#sameName} leaves off anyway.
   */
  public static String withoutGeorgianEnding(String spelling) {
    for (String ending : GEORGIAN_ENDINGS) {
      if (spelling.endsWith(ending) && spelling.length() - ending.length() >= 3) {
        return spelling.substring(0, spelling.length() - ending.length());
      }
    }
    return null;
  }

  /**
   * Whether a word may be (part of) a name: capitalised in a script with letter case, three letters
   * or more in others (Arabic, Hebrew, ...), where any word could be.
   */
  static boolean nameLike(String word) {
    return cased(word) ? Character.isUpperCase(word.charAt(0)) : word.length() >= 3;
  }

  static String withoutArabicPrefix(String word) {
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
   * @param singles keys of single name-like words (not at a sentence start in a cased script)
   * @param pairs keys of adjacent name-like words
   * @param cyrillic the singles written in Cyrillic, which may carry a case ending
   * @param spellings per single, the spellings of the words that gave it; none for words of scripts
   *     that leave their vowels unwritten (Arabic, Hebrew)
   */
  public record TextNames(
      Set<String> singles,
      Set<String> pairs,
      Set<String> cyrillic,
      Map<String, Set<String>> spellings) {}
}
