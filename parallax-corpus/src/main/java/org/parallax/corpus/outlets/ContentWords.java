package org.parallax.corpus.outlets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.corpus.article.FunctionWords;

/**
 * Splits text into lower-cased content words: letters (any script) joined by hyphens, split at
 * apostrophes, numbers dropped, one-letter words and the language's stop words removed (our lists
 * in resources, and Lucene's for every language it has one for: {@link FunctionWords}).
 */
final class ContentWords {

  /** Languages with a stop-word list in resources. */
  static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "ru", "pl");

  // Letters and combining marks only, so numbers never become words; apostrophes split
  // ("Iran's" -> "iran", "l'armée" -> "armée") and the leftover single letters are dropped.
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:-[\\p{L}\\p{M}]+)*");

  private static final Map<String, Set<String>> STOP_WORDS = loadStopWords();

  // For an unknown or unlisted language the union is the safer guess: a corpus tagged "und" is
  // usually one of the listed languages, and a foreign function word is never a casting word.
  private static final Set<String> ALL_STOP_WORDS = union(STOP_WORDS.values());

  /** A content word and its char offsets in the text it came from. */
  record Word(String text, int begin, int end) {}

  private ContentWords() {}

  /** The content words of {@code text[begin, end)} in {@code language}, in order. */
  static List<Word> of(String text, int begin, int end, String language) {
    Set<String> stop = stopWords(language);
    List<Word> words = new ArrayList<>();
    Matcher m = WORD.matcher(text).region(begin, end);
    while (m.find()) {
      String word = normalise(m.group());
      if (word.codePointCount(0, word.length()) > 1
          && !stop.contains(word)
          && !FunctionWords.contains(language, word)) {
        words.add(new Word(word, m.start(), m.end()));
      }
    }
    return words;
  }

  /** The content words of the whole {@code text}. */
  static List<String> of(String text, String language) {
    List<String> words = new ArrayList<>();
    for (Word w : of(text, 0, text.length(), language)) {
      words.add(w.text());
    }
    return words;
  }

  /** Stop words of {@code language} (ISO 639-1), or of all listed languages when unlisted. */
  static Set<String> stopWords(String language) {
    return language == null ? ALL_STOP_WORDS : STOP_WORDS.getOrDefault(language, ALL_STOP_WORDS);
  }

  static String normalise(String word) {
    return Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  private static Map<String, Set<String>> loadStopWords() {
    Map<String, Set<String>> lists = new HashMap<>();
    for (String language : LANGUAGES) {
      String resource = "stopwords/" + language + ".txt";
      Set<String> words = new HashSet<>();
      try (InputStream in = ContentWords.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (!line.startsWith("#")) {
            for (String word : line.trim().split("\\s+")) {
              if (!word.isEmpty()) {
                words.add(normalise(word));
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
      lists.put(language, Set.copyOf(words));
    }
    return Map.copyOf(lists);
  }

  private static Set<String> union(Iterable<Set<String>> sets) {
    Set<String> all = new HashSet<>();
    sets.forEach(all::addAll);
    return Set.copyOf(all);
  }
}
