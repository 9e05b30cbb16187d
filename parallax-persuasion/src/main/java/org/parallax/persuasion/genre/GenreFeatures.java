package org.parallax.persuasion.genre;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the genre classifier reads of an article: its words and word pairs (log counts, scaled to
 * unit length), and how it is written — the voice (first and second person), quotation, questions
 * and exclamations, numbers, sentence and article length. The words carry the topic and the
 * outlet's vocabulary; the style cues carry what separates an opinion piece from a report in any of
 * the six languages.
 *
 * <p>Feature names: {@code w=word}, {@code b=word word}, {@code s=cue}, {@code lang=xx}.
 */
public final class GenreFeatures {

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’]*|\\p{N}+");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+[\"'”»)]*(\\s|$)");

  /** First person singular, first person plural and second person forms, by language. */
  private static final Map<String, List<Set<String>>> PERSONS =
      Map.of(
          "en",
          List.of(
              Set.of("i", "me", "my", "mine", "myself"),
              Set.of("we", "us", "our", "ours", "ourselves"),
              Set.of("you", "your", "yours", "yourself", "yourselves")),
          "fr",
          List.of(
              Set.of("je", "moi", "mon", "ma", "mes", "me"),
              Set.of("nous", "notre", "nos"),
              Set.of("tu", "toi", "ton", "ta", "tes", "vous", "votre", "vos")),
          "de",
          List.of(
              Set.of("ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "meines"),
              Set.of("wir", "uns", "unser", "unsere", "unseren", "unserem", "unserer", "unseres"),
              Set.of("du", "dich", "dir", "dein", "deine", "ihr", "euch", "euer", "eure")),
          "it",
          List.of(
              Set.of("io", "mi", "me", "mio", "mia", "miei", "mie"),
              Set.of("noi", "ci", "nostro", "nostra", "nostri", "nostre"),
              Set.of("tu", "ti", "te", "tuo", "tua", "tuoi", "voi", "vi", "vostro", "vostra")),
          "pl",
          List.of(
              Set.of("ja", "mnie", "mi", "mną", "mój", "moja", "moje", "moi", "mojego", "mojej"),
              Set.of("my", "nas", "nam", "nami", "nasz", "nasza", "nasze", "naszych", "naszej"),
              Set.of("ty", "ciebie", "tobie", "cię", "twój", "wy", "was", "wam", "wasz")),
          "ru",
          List.of(
              Set.of("я", "меня", "мне", "мной", "мой", "моя", "моё", "мое", "мои"),
              Set.of("мы", "нас", "нам", "нами", "наш", "наша", "наше", "наши"),
              Set.of("ты", "тебя", "тебе", "твой", "вы", "вас", "вам", "ваш", "ваша")));

  private static final String[] PERSON_CUES = {"s=first-person", "s=we", "s=you"};

  private GenreFeatures() {}

  /**
   * The features of a text in a language (ISO 639-1; a language without pronoun lists gets no voice
   * cues), sorted by name.
   */
  public static Map<String, Double> of(String text, String language) {
    String lower = text.toLowerCase(Locale.ROOT);
    Map<String, Integer> counts = new HashMap<>();
    List<Set<String>> persons = PERSONS.getOrDefault(language, List.of());
    int[] personCounts = new int[3];
    int words = 0;
    int numbers = 0;
    String previous = null;
    Matcher m = WORD.matcher(lower);
    while (m.find()) {
      String word = m.group();
      words++;
      if (Character.isDigit(word.charAt(0))) {
        numbers++;
        word = "0";
      }
      counts.merge("w=" + word, 1, Integer::sum);
      if (previous != null) {
        counts.merge("b=" + previous + " " + word, 1, Integer::sum);
      }
      previous = word;
      for (int p = 0; p < persons.size(); p++) {
        if (persons.get(p).contains(word)) {
          personCounts[p]++;
        }
      }
    }
    Map<String, Double> features = new TreeMap<>();
    double norm = 0;
    for (int c : counts.values()) {
      double v = Math.log1p(c);
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      features.put(e.getKey(), Math.log1p(e.getValue()) / norm);
    }
    double perWord = 1.0 / Math.max(1, words);
    int sentences = 0;
    Matcher s = SENTENCE_END.matcher(text);
    while (s.find()) {
      sentences++;
    }
    sentences = Math.max(1, sentences);
    for (int p = 0; p < persons.size(); p++) {
      features.put(PERSON_CUES[p], Math.min(1, 20 * personCounts[p] * perWord));
    }
    features.put("s=questions", Math.min(1, count(text, '?') / (double) sentences));
    features.put("s=exclamations", Math.min(1, count(text, '!') / (double) sentences));
    features.put("s=quotes", Math.min(1, 10 * quoteMarks(text) * perWord));
    features.put("s=numbers", Math.min(1, 10 * numbers * perWord));
    features.put("s=sentence-length", Math.min(1, words / (double) sentences / 50));
    features.put("s=length", Math.min(1, Math.log1p(words) / 10));
    features.put("lang=" + language, 1.0);
    return features;
  }

  private static int count(String text, char c) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static int quoteMarks(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if ("\"“”«»„".indexOf(text.charAt(i)) >= 0) {
        n++;
      }
    }
    return n;
  }
}
