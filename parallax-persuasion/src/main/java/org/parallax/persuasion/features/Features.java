package org.parallax.persuasion.features;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.parallax.nlp.encoder.SentenceEncoder;

/**
 * The feature vectors the persuasion heads read: encoder vectors around a word or span, plus a few
 * surface cues that frozen sentence encoders blur (capitals, exclamation, quotation marks, how
 * often a phrase recurs in the article).
 */
public final class Features {

  private static final int D = SentenceEncoder.DIMENSION;

  /** Words each side averaged into a word's context vector. */
  static final int WINDOW = 2;

  /** Surface cues per word. */
  static final int WORD_CUES = 12;

  /** Length of {@link #word}'s vectors. */
  public static final int WORD_SIZE = 5 * D + WORD_CUES;

  /**
   * The parts of {@link #word}'s vectors that depend only on the word's unit ([from, to) pairs):
   * the unit's mean vector and the second encoder's vector of the unit.
   */
  public static int[] wordUnitRanges() {
    return new int[] {2 * D, 3 * D, 4 * D, 5 * D};
  }

  /** Words each side averaged into a word's wider context vector. */
  static final int WIDE_WINDOW = 6;

  /** Surface cues per span. */
  static final int SPAN_CUES = 20;

  /** Length of {@link #span}'s vectors. */
  public static final int SPAN_SIZE =
      7 * D + SPAN_CUES + Features.SPAN_LEXICON + Features.HASHED_WORDS;

  /** Lexicon rates per span: technique rates averaged and maxed over its words, span rate. */
  static final int SPAN_LEXICON = 2 * Lexicons.TECHNIQUES + 1;

  /** Buckets of the span's hashed words and word pairs. */
  static final int HASHED_WORDS = 512;

  private Features() {}

  /** Per-article facts the features need, computed once. */
  public static final class Context {
    private final EncodedText text;
    private final boolean[] quoted;
    private final String normalisedText;
    private final Map<String, Integer> phraseCounts = new HashMap<>();
    private final Lexicons lexicons;

    /** A context without lexicons (every lexicon rate reads zero). */
    public Context(EncodedText text) {
      this(text, Lexicons.empty());
    }

    public Context(EncodedText text, Lexicons lexicons) {
      this.text = text;
      this.lexicons = lexicons;
      this.quoted = quotedWords(text);
      this.normalisedText = normalised(text.text());
    }

    public EncodedText text() {
      return text;
    }

    public Lexicons lexicons() {
      return lexicons;
    }

    float spanRate(int word) {
      return lexicons.spans().get(text.text().substring(text.begin(word), text.end(word)))[0];
    }

    float[] techniqueRates(int word) {
      return lexicons.techniques().get(text.text().substring(text.begin(word), text.end(word)));
    }

    int occurrences(String phrase) {
      return phraseCounts.computeIfAbsent(phrase, p -> count(normalisedText, p));
    }

    /** Occurrences of {@code phrase} (normalised) wholly before char {@code offset}. */
    int occurrencesBefore(String phrase, int offset) {
      return count(normalised(text.text().substring(0, offset)), phrase);
    }

    /** Occurrences of {@code phrase} (normalised) wholly after char {@code offset}. */
    int occurrencesAfter(String phrase, int offset) {
      return count(normalised(text.text().substring(offset)), phrase);
    }
  }

  /** The features of word {@code i}: its vector, its neighbourhood, its unit, and cues. */
  public static float[] word(Context context, int i) {
    EncodedText text = context.text;
    float[] f = new float[WORD_SIZE];
    System.arraycopy(text.vector(i), 0, f, 0, D);
    int unit = text.unit(i);
    int count = 0;
    for (int j = Math.max(0, i - WINDOW); j <= Math.min(text.size() - 1, i + WINDOW); j++) {
      if (text.unit(j) != unit) {
        continue;
      }
      float[] v = text.vector(j);
      for (int d = 0; d < D; d++) {
        f[D + d] += v[d];
      }
      count++;
    }
    for (int d = 0; d < D; d++) {
      f[D + d] /= Math.max(1, count);
    }
    System.arraycopy(text.unitMean(unit), 0, f, 2 * D, D);
    mean(
        text,
        Math.max(0, i - WIDE_WINDOW),
        Math.min(text.size(), i + WIDE_WINDOW + 1),
        unit,
        f,
        3 * D);
    System.arraycopy(text.unitByOther(unit), 0, f, 4 * D, D);
    String word = text.text().substring(text.begin(i), text.end(i));
    String unitText = text.text().substring(text.unitSpan(unit).begin(), text.unitSpan(unit).end());
    int o = 5 * D;
    f[o] = Character.isUpperCase(word.codePointAt(0)) ? 1 : 0;
    f[o + 1] =
        word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT)) && hasLetter(word) ? 1 : 0;
    f[o + 2] = context.quoted[i] ? 1 : 0;
    f[o + 3] = unitText.indexOf('!') >= 0 ? 1 : 0;
    f[o + 4] = unitText.indexOf('?') >= 0 ? 1 : 0;
    Range range = unitRange(text, i);
    f[o + 5] = range.size() <= 1 ? 0 : (float) (i - range.first) / (range.size() - 1);
    f[o + 6] = (float) Math.log1p(range.size());
    f[o + 7] = unit == 0 ? 1 : 0;
    f[o + 8] = word.indexOf('!') >= 0 ? 1 : 0;
    f[o + 9] = (float) Math.log(Math.max(1, context.occurrences(normalised(word))));
    f[o + 10] = context.spanRate(i);
    float rates = 0;
    int counted = 0;
    for (int j = Math.max(0, i - WINDOW); j <= Math.min(text.size() - 1, i + WINDOW); j++) {
      if (text.unit(j) == unit) {
        rates += context.spanRate(j);
        counted++;
      }
    }
    f[o + 11] = rates / Math.max(1, counted);
    return f;
  }

  /** The features of the span of words [first, last) with char offsets [begin, end). */
  public static float[] span(Context context, int first, int last, int begin, int end) {
    EncodedText text = context.text;
    float[] f = new float[SPAN_SIZE];
    int n = Math.max(0, last - first);
    for (int d = 0; d < D; d++) {
      f[D + d] = n == 0 ? 0 : Float.NEGATIVE_INFINITY;
    }
    for (int i = first; i < last; i++) {
      float[] v = text.vector(i);
      for (int d = 0; d < D; d++) {
        f[d] += v[d] / n;
        f[D + d] = Math.max(f[D + d], v[d]);
      }
    }
    int anchor = n == 0 ? Math.min(first, text.size() - 1) : first;
    int unit = anchor < 0 ? 0 : text.unit(anchor);
    if (anchor >= 0) {
      System.arraycopy(text.unitMean(unit), 0, f, 2 * D, D);
      mean(text, Math.max(0, first - 3), first, unit, f, 3 * D);
      mean(text, last, Math.min(text.size(), last + 3), unit, f, 4 * D);
    }
    String s = text.text().substring(begin, Math.min(end, text.text().length()));
    String unitText =
        anchor < 0
            ? ""
            : text.text().substring(text.unitSpan(unit).begin(), text.unitSpan(unit).end());
    // The span read on its own, as a sentence: what it says regardless of where it stands.
    System.arraycopy(text.encodeAlone(s), 0, f, 5 * D, D);
    System.arraycopy(text.encodeAloneByOther(s), 0, f, 6 * D, D);
    int o = 7 * D;
    f[o] = (float) Math.log1p(n);
    f[o + 1] = (float) Math.log1p(s.length());
    String key = normalised(s);
    f[o + 2] = key.isEmpty() ? 0 : (float) Math.log(Math.max(1, context.occurrences(key)));
    f[o + 3] = s.indexOf('!') >= 0 ? 1 : 0;
    f[o + 4] = s.indexOf('?') >= 0 ? 1 : 0;
    f[o + 5] = hasQuoteMark(s) ? 1 : 0;
    f[o + 6] = anchor >= 0 && context.quoted[anchor] ? 1 : 0;
    f[o + 7] = hasLetter(s) && s.equals(s.toUpperCase(Locale.ROOT)) ? 1 : 0;
    f[o + 8] = capitalisedShare(s);
    f[o + 9] = unitText.isEmpty() ? 0 : (float) s.length() / unitText.length();
    f[o + 10] = unit == 0 ? 1 : 0;
    f[o + 11] = s.startsWith("#") || s.contains(" #") ? 1 : 0;
    f[o + 12] = unitText.indexOf('?') >= 0 ? 1 : 0;
    f[o + 13] = n <= 2 ? 1 : 0;
    repetitionCues(context, key, begin, Math.min(end, text.text().length()), f, o + 14);
    int l = o + SPAN_CUES;
    int t = Lexicons.TECHNIQUES;
    for (int i = first; i < last; i++) {
      float[] rates = context.techniqueRates(i);
      for (int k = 0; k < t; k++) {
        f[l + k] += rates[k] / n;
        f[l + t + k] = Math.max(f[l + t + k], rates[k]);
      }
      f[l + 2 * t] += context.spanRate(i) / n;
    }
    hashedWords(key, f, o + SPAN_CUES + SPAN_LEXICON);
    return f;
  }

  /**
   * Whether and how often the span's words were said before it and are said again after it, and how
   * often its content words recur in the article: a phrase said again is the mark of Repetition (in
   * PTC train, 71 % of Repetition spans occur earlier in their article, against at most 12 % of any
   * other technique's), which the total count alone leaves the classifier to untangle.
   */
  private static void repetitionCues(
      Context context, String key, int begin, int end, float[] into, int at) {
    if (key.isEmpty()) {
      return;
    }
    int before = context.occurrencesBefore(key, begin);
    int after = context.occurrencesAfter(key, end);
    into[at] = before > 0 ? 1 : 0;
    into[at + 1] = (float) Math.log1p(before);
    into[at + 2] = after > 0 ? 1 : 0;
    into[at + 3] = (float) Math.log1p(after);
    float max = 0;
    float sum = 0;
    int content = 0;
    for (String word : key.split(" ")) {
      if (word.length() <= 3) {
        continue;
      }
      float rate = (float) Math.log(Math.max(1, context.occurrences(word)));
      max = Math.max(max, rate);
      sum += rate;
      content++;
    }
    into[at + 4] = max;
    into[at + 5] = content == 0 ? 0 : sum / content;
  }

  /**
   * Marks the buckets of the span's lower-cased words and adjacent word pairs: the exact words
   * ("Hitler", "God bless", "so-called") that an averaged encoder vector blurs.
   */
  private static void hashedWords(String normalised, float[] into, int at) {
    if (normalised.isEmpty()) {
      return;
    }
    String[] words = normalised.split(" ");
    for (int i = 0; i < words.length; i++) {
      into[at + Math.floorMod(words[i].hashCode() * 0x9E3779B9, HASHED_WORDS)] = 1;
      if (i + 1 < words.length) {
        String pair = words[i] + ' ' + words[i + 1];
        into[at + Math.floorMod(pair.hashCode() * 0x85EBCA6B, HASHED_WORDS)] = 1;
      }
    }
  }

  private static void mean(EncodedText text, int from, int to, int unit, float[] into, int at) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (text.unit(i) != unit) {
        continue;
      }
      float[] v = text.vector(i);
      for (int d = 0; d < D; d++) {
        into[at + d] += v[d];
      }
      count++;
    }
    for (int d = 0; d < D && count > 0; d++) {
      into[at + d] /= count;
    }
  }

  private record Range(int first, int last) {
    int size() {
      return last - first;
    }
  }

  private static Range unitRange(EncodedText text, int i) {
    int first = i;
    while (first > 0 && text.unit(first - 1) == text.unit(i)) {
      first--;
    }
    int last = i + 1;
    while (last < text.size() && text.unit(last) == text.unit(i)) {
      last++;
    }
    return new Range(first, last);
  }

  /** Marks words between opening and closing quotation marks, unit by unit. */
  private static boolean[] quotedWords(EncodedText text) {
    boolean[] quoted = new boolean[text.size()];
    boolean open = false;
    int unit = -1;
    for (int i = 0; i < text.size(); i++) {
      if (text.unit(i) != unit) {
        unit = text.unit(i);
        open = false;
      }
      String word = text.text().substring(text.begin(i), text.end(i));
      boolean opens = startsWithQuote(word);
      boolean closes = endsWithQuote(word);
      if (opens && !open) {
        open = true;
        quoted[i] = true;
        if (closes && word.length() > 1) {
          open = false;
        }
        continue;
      }
      quoted[i] = open;
      if (closes && open) {
        open = false;
      }
    }
    return quoted;
  }

  private static boolean startsWithQuote(String word) {
    char c = word.charAt(0);
    return c == '"' || c == '\u201c' || c == '\u00ab' || c == '\u201e';
  }

  private static boolean endsWithQuote(String word) {
    for (int i = word.length() - 1; i >= 0; i--) {
      char c = word.charAt(i);
      if (c == '"' || c == '\u201d' || c == '\u00bb') {
        return true;
      }
      if (Character.isLetterOrDigit(c)) {
        return false;
      }
    }
    return false;
  }

  private static boolean hasQuoteMark(String s) {
    return s.indexOf('"') >= 0 || s.indexOf('\u201c') >= 0 || s.indexOf('\u201d') >= 0;
  }

  private static boolean hasLetter(String s) {
    return s.chars().anyMatch(Character::isLetter);
  }

  private static float capitalisedShare(String s) {
    String[] words = s.trim().split("\\s+");
    int caps = 0;
    for (String w : words) {
      if (!w.isEmpty() && Character.isUpperCase(w.codePointAt(0))) {
        caps++;
      }
    }
    return words.length == 0 ? 0 : (float) caps / words.length;
  }

  static String normalised(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = true;
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    return out.toString().trim();
  }

  /** Occurrences of {@code phrase} in {@code haystack} on word boundaries. */
  static int count(String haystack, String phrase) {
    if (phrase.isEmpty()) {
      return 0;
    }
    int count = 0;
    int from = 0;
    while (true) {
      int at = haystack.indexOf(phrase, from);
      if (at < 0) {
        return count;
      }
      boolean left = at == 0 || haystack.charAt(at - 1) == ' ';
      int after = at + phrase.length();
      boolean right = after == haystack.length() || haystack.charAt(after) == ' ';
      if (left && right) {
        count++;
      }
      from = at + 1;
    }
  }
}
