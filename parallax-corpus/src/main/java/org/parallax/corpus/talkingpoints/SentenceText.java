package org.parallax.corpus.talkingpoints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleMention;

/**
 * What the finder reads from a sentence's words: whether it can carry a claim at all, and its
 * content keys for the lexical check.
 */
final class SentenceText {

  /**
   * Page furniture that survives cleaning often enough to matter: it recurs across outlets word for
   * word and would otherwise come out as the corpus's biggest "talking point".
   */
  private static final Pattern BOILERPLATE =
      Pattern.compile(
          "https?://|www\\.|\\S@\\S|©|\\(c\\) ?\\d{4}|copyright|all rights reserved|click|"
              + "\\bshare\\b|subscribe|newsletter|sign up|follow us|read more|read also|"
              + "lire aussi|lesen sie auch|lea también|disclaimer|sole responsibility|donat|"
              + "cookie|originally published|cross-?post|forward this article|become a member|"
              + "comment on|support (independent|our) journalism|privacy policy|terms of use",
          Pattern.CASE_INSENSITIVE);

  /** A claim ends like a sentence; headings, bylines and captions do not. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’»)\\]]*\\s*$");

  /** Function words of the languages we see most; they say nothing about the claim. */
  private static final Set<String> STOPWORDS =
      Set.copyOf(
          Arrays.asList(
              ("the and for are but not you all any can had her was one our out has have him his"
                      + " how its may new now old see two who did get let say she too use that"
                      + " with this from they will would there their what about which when were"
                      + " been into than then them these those some such only also more most"
                      + " other over very just like even much many could should being after"
                      + " before because while where whose your does doing done said says"
                      + " against between through during under again further once here both"
                      + " each few own same itself himself herself themselves yet ever every"
                      + " der das und ist nicht ein eine einen dem den des mit von auf für"
                      + " sich auch als wie bei nach aus hat wird sind dass noch nur"
                      + " les des une est pas par pour sur dans qui que avec ses aux"
                      + " été ont plus ces leur elle mais"
                      + " los las del por con una para como más sus pero fue han ser")
                  .split(" ")));

  /**
   * Function words of one language that are content words of another: German "war" (was) and "die"
   * (the) are English "war" and "die", French and Spanish "son" (his) English "son". They are
   * stopwords only in the languages named, or when the article's language is unknown ({@code null}
   * or {@code und}).
   */
  private static final Map<String, Set<String>> STOPWORDS_OF =
      Map.of("war", Set.of("de"), "die", Set.of("de"), "son", Set.of("fr", "es"));

  private SentenceText() {}

  /**
   * Whether {@code word} (lower-cased) says nothing about a claim in a text of {@code language}.
   */
  static boolean stopword(String word, String language) {
    if (STOPWORDS.contains(word)) {
      return true;
    }
    Set<String> languages = STOPWORDS_OF.get(word);
    return languages != null
        && (language == null
            || language.equals("und")
            || languages.contains(language.toLowerCase(Locale.ROOT)));
  }

  /** Words of {@code text}: runs of letters or digits, lower-cased. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
    }
    return words;
  }

  /** Whether a sentence can carry a claim: long enough, not a heading, not page furniture. */
  static boolean eligible(String sentence, String title, int minWords) {
    String trimmed = sentence.strip();
    if (words(trimmed).size() < minWords) {
      return false;
    }
    if (!SENTENCE_END.matcher(trimmed).find()) {
      return false;
    }
    if (title != null && normalise(title).equals(normalise(trimmed))) {
      return false;
    }
    return !BOILERPLATE.matcher(trimmed).find();
  }

  /**
   * Content keys of a sentence: content words cut to six characters (a crude stemmer that works the
   * same in every language we see: "terrorism"/"terrorists" meet at "terror") and the canonical
   * names of the entities mentioned in it, so "Qassem"/"Qasem" count as one word.
   */
  static int[] contentKeys(Article article, int begin, int end) {
    Set<Integer> keys = new HashSet<>();
    StringBuilder outsideNames = new StringBuilder(article.text().substring(begin, end));
    for (ArticleMention mention : article.mentions()) {
      if (mention.begin() >= begin && mention.end() <= end && mention.canonical() != null) {
        keys.add(("@" + mention.canonical().toLowerCase(Locale.ROOT)).hashCode());
        // the name's words count once, as the entity, not again as plain words
        for (int i = mention.begin(); i < mention.end(); i++) {
          outsideNames.setCharAt(i - begin, ' ');
        }
      }
    }
    for (String word : words(outsideNames.toString())) {
      if (word.length() < 3 || stopword(word, article.language())) {
        continue;
      }
      keys.add(word.substring(0, Math.min(6, word.length())).hashCode());
    }
    return keys.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Sum of {@code weight} over the keys two sorted arrays share. */
  static double sharedWeight(int[] a, int[] b, java.util.function.IntToDoubleFunction weight) {
    int i = 0;
    int j = 0;
    double shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared += weight.applyAsDouble(a[i]);
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }

  /** Keys two sorted arrays share. */
  static int shared(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int shared = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        shared++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }

  /** Jaccard similarity of the word sets of two texts: how much of the wording is the same. */
  static double wordJaccard(String a, String b) {
    Set<String> left = new HashSet<>(words(a));
    Set<String> right = new HashSet<>(words(b));
    if (left.isEmpty() && right.isEmpty()) {
      return 1;
    }
    Set<String> union = new HashSet<>(left);
    union.addAll(right);
    left.retainAll(right);
    return (double) left.size() / union.size();
  }

  /**
   * A 64-bit hash of a sentence's words, lower-cased, without punctuation or spacing: two sentences
   * with the same hash are the same words in the same order.
   */
  static long textHash(String text, int begin, int end) {
    long h = 0xcbf29ce484222325L; // FNV-1a over the folded letters and digits, one space between
    boolean space = false;
    for (int i = begin; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        if (space) {
          h = (h ^ ' ') * 0x100000001b3L;
          space = false;
        }
        h = (h ^ Character.toLowerCase(c)) * 0x100000001b3L;
      } else {
        space = h != 0xcbf29ce484222325L;
      }
    }
    return h;
  }

  private static String normalise(String text) {
    return String.join(" ", words(text));
  }
}
