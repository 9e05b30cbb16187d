package org.parallax.corpus.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, in text that no NER model of ours reads (Cyrillic, Greek, Arabic and other scripts), the
 * names the corpus already knows from the documents a model did read: "Касем Сулеймани", "Касема
 * Сулеймани" and "قاسم سليماني" are found as Qasem Soleimani, and "Путиным" as Vladimir Putin when
 * the corpus knows him, by the script-insensitive keys of {@link NameKeys}.
 *
 * <p>Only known names are found, never new ones, and only as written words: in scripts with letter
 * case a name's words must start with a capital; a Cyrillic word may carry one case ending
 * ("Путина", "Путиным"); the words of a name must follow each other on one line. A single word
 * counts when it is a known one-word name with a strong key (three consonants or more), or the
 * surname of exactly one known person, spelled close to it ({@link NameKeys#sameName}); in scripts
 * without case (Arabic, Georgian), where any word could look like a name, a surname counts alone
 * only after the person's full name in the same text, and a one-word name only with four consonants
 * or more; a Georgian word may carry a case ending or postposition ("პუტინმა"). Not thread-safe
 * ({@link NameKeys} is not).
 */
public final class ScriptNameFinder {

  /** A name found in text: its place, the known name it is and that name's type. */
  public record Match(int begin, int end, String name, String type) {}

  /** A known name: the keys and spellings of its words, its display form and type. */
  private record Known(
      List<String> words, List<String> spellings, String name, String type, long documents) {}

  /**
   * Documents in which a model must have found a name before one word alone is taken for it: a name
   * found once may be a model's mistake ("Palazzo Spada" for an Italian phrase), and a single
   * word's consonants match many words.
   */
  static final int SINGLE_WORD_DOCUMENTS = 2;

  private final NameKeys keys = new NameKeys();
  private final Map<String, List<Known>> byFirstWord = new HashMap<>();
  private final Map<String, Known> oneWord = new HashMap<>();
  private final Map<String, List<Known>> bySurname = new HashMap<>();

  /**
   * A finder of {@code names} (type and canonical form, with the number of documents that name
   * them); where two names have the same key, the one in more documents wins.
   */
  public ScriptNameFinder(Map<TypedName, Long> names) {
    Map<String, Known> byKey = new HashMap<>();
    names.forEach(
        (name, documents) -> {
          List<String> words = new ArrayList<>();
          List<String> spellings = new ArrayList<>();
          for (String word : NameForms.display(name.type(), name.name()).split("[\\s\\-]+")) {
            String key = word.isEmpty() ? null : keys.wordKey(word);
            if (key != null) {
              words.add(key);
              spellings.add(keys.spelling(word));
            }
          }
          if (words.isEmpty() || (words.size() == 1 && !NameKeys.strongAlone(words.get(0)))) {
            return;
          }
          Known known = new Known(words, spellings, name.name(), name.type(), documents);
          byKey.merge(String.join(" ", words), known, ScriptNameFinder::heavier);
        });
    for (Known known : byKey.values()) {
      if (known.words().size() == 1) {
        oneWord.put(known.words().get(0), known);
        continue;
      }
      byFirstWord.computeIfAbsent(known.words().get(0), k -> new ArrayList<>()).add(known);
      String last = known.words().get(known.words().size() - 1);
      if (NameForms.PERSON.equals(known.type()) && NameKeys.strongAlone(last)) {
        bySurname.computeIfAbsent(last, k -> new ArrayList<>()).add(known);
      }
    }
    // a model's "Inżynier Samir Nadeem" is Samir Nadeem: one person for the surname alone
    bySurname.replaceAll((surname, people) -> withoutLongerForms(people));
    Comparator<Known> longestFirst =
        Comparator.comparingInt((Known k) -> -k.words().size()).thenComparing(Known::name);
    byFirstWord.values().forEach(list -> list.sort(longestFirst));
  }

  /** The people of one surname, less those whose name is another's with words before it. */
  private static List<Known> withoutLongerForms(List<Known> people) {
    if (people.size() < 2) {
      return people;
    }
    List<Known> kept = new ArrayList<>();
    for (Known person : people) {
      boolean longerForm = false;
      for (Known other : people) {
        List<String> words = person.words();
        List<String> otherWords = other.words();
        longerForm |=
            otherWords.size() < words.size()
                && words.subList(words.size() - otherWords.size(), words.size()).equals(otherWords);
      }
      if (!longerForm) {
        kept.add(person);
      }
    }
    return kept;
  }

  private static Known heavier(Known a, Known b) {
    if (a.documents() != b.documents()) {
      return a.documents() > b.documents() ? a : b;
    }
    return a.name().compareTo(b.name()) <= 0 ? a : b;
  }

  /** Whether the finder knows no name at all. */
  public boolean isEmpty() {
    return byFirstWord.isEmpty() && oneWord.isEmpty();
  }

  /** The known names written in {@code text[begin, end)}, in text order, not overlapping. */
  public List<Match> find(String text, int begin, int end) {
    List<Word> words = words(text, begin, end);
    List<Match> found = new ArrayList<>();
    Set<String> fullNameSeen = new HashSet<>();
    int i = 0;
    while (i < words.size()) {
      Word word = words.get(i);
      if (!word.nameLike()) {
        i++;
        continue;
      }
      Known match = longest(words, i);
      int length = match == null ? 0 : match.words().size();
      if (length >= 3) {
        // "Inżynier Samir Nadeem", a model's name with a title in it, must not win over the Samir
        // Nadeem that more documents name
        Known shorter = longest(words, i + 1);
        if (shorter != null
            && shorter.words().size() == length - 1
            && shorter.documents() > match.documents()) {
          i++;
          continue;
        }
      }
      if (match != null) {
        fullNameSeen.add(match.name());
      } else {
        match = single(word, fullNameSeen);
        length = match == null ? 0 : 1;
      }
      if (match == null) {
        i++;
        continue;
      }
      Word last = words.get(i + length - 1);
      found.add(new Match(word.begin(), last.end(), match.name(), match.type()));
      i += length;
    }
    return found;
  }

  /** The longest known name of two words or more that starts at word {@code i}, if any. */
  private Known longest(List<Word> words, int i) {
    if (i >= words.size()) {
      return null;
    }
    Known match = null;
    for (String first : words.get(i).keys()) {
      for (Known known : byFirstWord.getOrDefault(first, List.of())) {
        if ((match == null || known.words().size() > match.words().size())
            && matchesFrom(words, i, known)) {
          match = known;
        }
      }
    }
    return match;
  }

  /**
   * A one-word match of {@code word}: a one-word name, or a person's surname, known from at least
   * {@link #SINGLE_WORD_DOCUMENTS} documents, with a skeleton of three consonants or more, and in a
   * cased script not at the start of a sentence, where any word has a capital. In scripts without
   * case every word is looked up: a one-word name needs four consonants, spelled alike where the
   * script writes vowels (Georgian "ბოლოს", finally, has Pelosi's b-l-s and nearly its letters),
   * and a surname counts alone only after the full name.
   */
  private Known single(Word word, Set<String> fullNameSeen) {
    if (word.cased() && word.sentenceStart()) {
      return null;
    }
    for (String key : word.keys()) {
      if (skeletonLength(key) < 3) {
        continue;
      }
      Known known = oneWord.get(key);
      if (known != null
          && known.documents() >= SINGLE_WORD_DOCUMENTS
          && (word.cased()
              ? sameName(word, known.spellings().get(0))
              : skeletonLength(key) >= 4
                  && (word.spellings().isEmpty() || sameName(word, known.spellings().get(0))))) {
        return known;
      }
      List<Known> people = bySurname.get(key);
      if (people != null && people.size() == 1) {
        Known person = people.get(0);
        String surname = person.spellings().get(person.spellings().size() - 1);
        if (fullNameSeen.contains(person.name())
            || (word.cased()
                && person.documents() >= SINGLE_WORD_DOCUMENTS
                && sameName(word, surname))) {
          return person;
        }
      }
    }
    return null;
  }

  /**
   * Whether a word of a script that writes its vowels may be a name word: {@link
   * NameKeys#sameName}, as written or without a case ending.
   */
  private static boolean sameName(Word word, String nameSpelling) {
    for (String spelling : word.spellings()) {
      if (NameKeys.sameName(spelling, nameSpelling, word.cyrillic())) {
        return true;
      }
    }
    return false;
  }

  private static int skeletonLength(String key) {
    return key.startsWith("=") ? key.length() - 1 : key.length();
  }

  private static boolean matchesFrom(List<Word> words, int start, Known known) {
    if (start + known.words().size() > words.size()) {
      return false;
    }
    for (int j = 0; j < known.words().size(); j++) {
      Word word = words.get(start + j);
      if (!word.nameLike()
          || (j > 0 && !word.joinedToPrevious())
          || !word.keys().contains(known.words().get(j))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A word of the text.
   *
   * @param keys its key, and for a Cyrillic word also its key without a case ending, for an Arabic
   *     word also its key with what looked like an article or conjunction prefix
   * @param nameLike whether it may be (part of) a name: capitalised in a cased script, three
   *     letters or more in others
   * @param spellings its {@link NameKeys#spelling spelling}, and in Georgian also without a case
   *     ending or postposition; none in scripts that leave vowels unwritten (Arabic, Hebrew) or
   *     when it is no name-like word
   * @param cased whether its script has letter case
   * @param cyrillic whether it is written in Cyrillic
   * @param joinedToPrevious whether only spaces or a hyphen separate it from the word before
   * @param sentenceStart whether it is the first word of the range, of a line, or after a full
   *     stop, question or exclamation mark, colon or quotation mark
   */
  private record Word(
      int begin,
      int end,
      List<String> keys,
      List<String> spellings,
      boolean nameLike,
      boolean cased,
      boolean cyrillic,
      boolean joinedToPrevious,
      boolean sentenceStart) {}

  private List<Word> words(String text, int begin, int end) {
    List<Word> words = new ArrayList<>();
    boolean joined = false;
    boolean sentenceStart = true;
    int i = Math.max(0, begin);
    int n = Math.min(text.length(), end);
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetter(c)) {
        joined = joined && (c == ' ' || c == '-' || c == '\u00A0');
        sentenceStart = sentenceStart || NameKeys.SENTENCE_OPENERS.indexOf(c) >= 0;
        i++;
        continue;
      }
      int start = i;
      i = NameKeys.wordEnd(text, start, n);
      String word = text.substring(start, i);
      boolean cased = NameKeys.cased(word);
      boolean nameLike = NameKeys.nameLike(word);
      List<String> wordKeys = new ArrayList<>(2);
      boolean cyrillic = Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC;
      List<String> spellings = new ArrayList<>(2);
      if (nameLike) {
        String key = keys.wordKey(cased ? word : NameKeys.withoutArabicPrefix(word));
        if (key != null) {
          wordKeys.add(key);
          if (cyrillic) {
            String stem = withoutCaseEnding(key);
            if (stem != null) {
              wordKeys.add(stem);
            }
          }
        }
        if (!NameKeys.abjad(c)) {
          String spelling = keys.spelling(word);
          spellings.add(spelling);
          if (NameKeys.georgian(c)) {
            // Georgian writes case and postpositions as endings: "პუტინმა" is Putin
            String stem = NameKeys.withoutGeorgianEnding(spelling);
            String stemKey = stem == null ? null : keys.wordKey(stem);
            if (stemKey != null) {
              spellings.add(stem);
              if (!wordKeys.contains(stemKey)) {
                wordKeys.add(stemKey);
              }
            }
          }
        }
        // "بالترو" may be "with the" + "ترو" or a name that starts with those letters
        String whole = cased ? null : keys.wordKey(word);
        if (whole != null && !wordKeys.contains(whole)) {
          wordKeys.add(whole);
        }
      }
      words.add(
          new Word(
              start,
              i,
              List.copyOf(wordKeys),
              List.copyOf(spellings),
              !wordKeys.isEmpty(),
              cased,
              cyrillic,
              joined,
              sentenceStart));
      joined = true;
      sentenceStart = false;
    }
    return words;
  }

  /**
   * The key of a Cyrillic word without a case ending that leaves a consonant in it: the "м" of
   * "-ом", "-ем", "-ым", "-ам", "-ами" ("Путиным": "ptnm" gives "ptn"); the other endings are
   * vowels, which keys leave out anyway. {@code null} when the key ends otherwise.
   */
  static String withoutCaseEnding(String key) {
    if (key.startsWith("=") || !key.endsWith("m")) {
      return null;
    }
    String stem = key.substring(0, key.length() - 1);
    return stem.length() >= 3 ? stem : "=" + stem;
  }
}
