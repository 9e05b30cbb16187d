package org.parallax.persuasion.features;

import java.util.ArrayList;
import java.util.List;
import org.parallax.core.model.Span;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.nlp.encoder.TokenStates;

/**
 * A text as the persuasion models see it: whitespace-delimited words, each with the mean of its
 * word pieces' contextual vectors, grouped in units (sentences or lines) that were encoded apart.
 *
 * <p>Units longer than the encoder's window are cut into chunks of {@value #CHUNK_WORDS} words, so
 * no word goes without a vector.
 */
public final class EncodedText {

  /** Words per encoder call when a unit is too long for one window. */
  static final int CHUNK_WORDS = 120;

  private final String text;
  private final int[] begins;
  private final int[] ends;
  private final int[] units;
  private final float[][] vectors;
  private final List<Span> unitSpans;
  private final float[][] unitMeans;
  private final SentenceEncoder encoder;
  private final SentenceEncoder.Model second;

  private EncodedText(
      SentenceEncoder encoder,
      SentenceEncoder.Model second,
      String text,
      int[] begins,
      int[] ends,
      int[] units,
      float[][] vectors,
      List<Span> unitSpans,
      float[][] unitMeans) {
    this.encoder = encoder;
    this.second = second;
    this.text = text;
    this.begins = begins;
    this.ends = ends;
    this.units = units;
    this.vectors = vectors;
    this.unitSpans = unitSpans;
    this.unitMeans = unitMeans;
  }

  /**
   * Encodes {@code text}, unit by unit; {@code unitSpans} are char offsets in reading order. The
   * second opinion is the other published encoder (bge for MiniLM, MiniLM for bge).
   */
  public static EncodedText encode(SentenceEncoder encoder, String text, List<Span> unitSpans) {
    return encode(encoder, null, text, unitSpans);
  }

  /**
   * As {@link #encode(SentenceEncoder, String, List)}, with {@code second} (the published encoder
   * whose sentence and span vectors the features carry beside {@code encoder}'s); {@code null} for
   * the other published encoder.
   */
  public static EncodedText encode(
      SentenceEncoder encoder, SentenceEncoder.Model second, String text, List<Span> unitSpans) {
    List<String> chunks = new ArrayList<>();
    List<Integer> chunkStarts = new ArrayList<>();
    List<Integer> chunkUnits = new ArrayList<>();
    for (int u = 0; u < unitSpans.size(); u++) {
      Span span = unitSpans.get(u);
      List<int[]> words = words(text, span.begin(), span.end());
      for (int w = 0; w < words.size(); w += CHUNK_WORDS) {
        int from = words.get(w)[0];
        int to = words.get(Math.min(words.size(), w + CHUNK_WORDS) - 1)[1];
        chunks.add(text.substring(from, to));
        chunkStarts.add(from);
        chunkUnits.add(u);
      }
    }
    List<TokenStates> states = encoder.encodeTokens(chunks, 16);
    List<int[]> wordSpans = new ArrayList<>();
    List<Integer> wordUnits = new ArrayList<>();
    List<float[]> wordVectors = new ArrayList<>();
    int dimension = SentenceEncoder.DIMENSION;
    for (int c = 0; c < chunks.size(); c++) {
      TokenStates piece = states.get(c);
      int offset = chunkStarts.get(c);
      String chunk = chunks.get(c);
      List<int[]> words = words(chunk, 0, chunk.length());
      int p = 0;
      for (int[] word : words) {
        float[] sum = new float[dimension];
        int count = 0;
        while (p < piece.size() && piece.spans().get(p).begin() < word[1]) {
          if (piece.spans().get(p).end() > word[0]) {
            float[] v = piece.vectors().get(p);
            for (int d = 0; d < dimension; d++) {
              sum[d] += v[d];
            }
            count++;
          }
          p++;
        }
        if (count == 0) {
          // Past the encoder's window, or characters the tokenizer drops: keep the word, no vector.
          count = 1;
        }
        for (int d = 0; d < dimension; d++) {
          sum[d] /= count;
        }
        wordSpans.add(new int[] {word[0] + offset, word[1] + offset});
        wordUnits.add(chunkUnits.get(c));
        wordVectors.add(sum);
      }
    }
    return of(encoder, second, text, unitSpans, wordSpans, wordUnits, wordVectors);
  }

  /** Assembles a text from its words (spans, units, vectors), computing each unit's mean. */
  private static EncodedText of(
      SentenceEncoder encoder,
      SentenceEncoder.Model second,
      String text,
      List<Span> unitSpans,
      List<int[]> wordSpans,
      List<Integer> wordUnits,
      List<float[]> wordVectors) {
    int n = wordSpans.size();
    int dimension = SentenceEncoder.DIMENSION;
    int[] begins = new int[n];
    int[] ends = new int[n];
    int[] units = new int[n];
    float[][] vectors = new float[n][];
    float[][] unitMeans = new float[unitSpans.size()][dimension];
    int[] unitCounts = new int[unitSpans.size()];
    for (int i = 0; i < n; i++) {
      begins[i] = wordSpans.get(i)[0];
      ends[i] = wordSpans.get(i)[1];
      units[i] = wordUnits.get(i);
      vectors[i] = wordVectors.get(i);
      for (int d = 0; d < dimension; d++) {
        unitMeans[units[i]][d] += vectors[i][d];
      }
      unitCounts[units[i]]++;
    }
    for (int u = 0; u < unitMeans.length; u++) {
      for (int d = 0; d < dimension; d++) {
        unitMeans[u][d] /= Math.max(1, unitCounts[u]);
      }
    }
    return new EncodedText(
        encoder, second, text, begins, ends, units, vectors, List.copyOf(unitSpans), unitMeans);
  }

  /**
   * A text whose word vectors come from {@code vectorOfWord} instead of the encoder: for tests of
   * the heads and the decoding, which should not depend on a transformer.
   */
  public static EncodedText withVectors(
      String text,
      List<Span> unitSpans,
      java.util.function.Function<String, float[]> vectorOfWord) {
    List<int[]> spans = new ArrayList<>();
    List<Integer> unitOf = new ArrayList<>();
    for (int u = 0; u < unitSpans.size(); u++) {
      for (int[] word : words(text, unitSpans.get(u).begin(), unitSpans.get(u).end())) {
        spans.add(word);
        unitOf.add(u);
      }
    }
    List<float[]> vectors = new ArrayList<>(spans.size());
    for (int[] word : spans) {
      vectors.add(
          java.util.Arrays.copyOf(
              vectorOfWord.apply(text.substring(word[0], word[1])), SentenceEncoder.DIMENSION));
    }
    return of(null, null, text, unitSpans, spans, unitOf, vectors);
  }

  /**
   * The vector of {@code part} encoded on its own, out of context (the mean of its word pieces,
   * unit length), or zeros when this text was not made by an encoder or reads no span alone.
   */
  public float[] encodeAlone(String part) {
    if (encoder == null || !spansAlone) {
      return new float[SentenceEncoder.DIMENSION];
    }
    float[] cached = alone.get(part);
    return cached != null ? cached : encoder.encode(part);
  }

  private volatile boolean spansAlone = true;

  /**
   * Whether parts of this text (the spans the classifier reads) are also encoded on their own, by
   * both encoders ({@code true} by default); when not, {@link #encodeAlone} and {@link
   * #encodeAloneByOther} give zeros and cost nothing. The model records which its heads were
   * trained with.
   */
  public EncodedText readingSpansAlone(boolean value) {
    spansAlone = value;
    return this;
  }

  private final java.util.Map<String, float[]> alone =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, float[]> aloneByOther =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Encodes {@code parts} on their own with both encoders in a few batched calls, so that {@link
   * #encodeAlone} and {@link #encodeAloneByOther} then answer from memory: one call per span would
   * cost a model call each.
   */
  public void prepareAlone(List<String> parts) {
    if (encoder == null || !spansAlone) {
      return;
    }
    List<String> missing = parts.stream().distinct().filter(p -> !alone.containsKey(p)).toList();
    if (missing.isEmpty()) {
      return;
    }
    // the published encoder first: a tuned encoder that shares its lower layers starts from the
    // states that call keeps
    List<float[]> others = other().encode(missing, 16);
    List<float[]> mine = encoder.encode(missing, 16);
    for (int i = 0; i < missing.size(); i++) {
      alone.put(missing.get(i), mine.get(i));
      aloneByOther.put(missing.get(i), others.get(i));
    }
  }

  /**
   * Gives the other encoder's vector of every unit, when the caller already has them (the
   * pipeline's sentence embeddings are the published MiniLM's vectors of the same sentences).
   */
  public void useUnitVectorsByOther(float[][] vectors) {
    if (vectors.length != unitSpans.size()) {
      throw new IllegalArgumentException(
          vectors.length + " vectors given for " + unitSpans.size() + " units");
    }
    otherUnitVectors = vectors.clone();
  }

  /**
   * The vector of {@code part} read on its own by the second encoder ({@link #secondOpinion()}): a
   * second opinion that costs one short encoder call.
   */
  public float[] encodeAloneByOther(String part) {
    if (encoder == null || !spansAlone) {
      return new float[SentenceEncoder.DIMENSION];
    }
    float[] cached = aloneByOther.get(part);
    return cached != null ? cached : other().encode(part);
  }

  /** Units as lines: every non-blank line of {@code text}. */
  public static List<Span> lines(String text) {
    List<Span> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        int end = i;
        if (end > start && text.charAt(end - 1) == '\r') {
          end--;
        }
        if (!text.substring(start, end).isBlank()) {
          lines.add(new Span(start, end));
        }
        start = i + 1;
      }
    }
    return lines;
  }

  /** Whitespace-delimited words of {@code text} between {@code from} and {@code to}. */
  static List<int[]> words(String text, int from, int to) {
    List<int[]> words = new ArrayList<>();
    int i = from;
    while (i < to) {
      while (i < to && isSpace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < to && !isSpace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(new int[] {start, i});
      }
    }
    return words;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00a0' || c == '\ufeff';
  }

  public String text() {
    return text;
  }

  public int size() {
    return begins.length;
  }

  public int begin(int word) {
    return begins[word];
  }

  public int end(int word) {
    return ends[word];
  }

  public int unit(int word) {
    return units[word];
  }

  public float[] vector(int word) {
    return vectors[word];
  }

  public Span unitSpan(int unit) {
    return unitSpans.get(unit);
  }

  public int units() {
    return unitSpans.size();
  }

  public float[] unitMean(int unit) {
    return unitMeans[unit];
  }

  private volatile float[][] otherUnitVectors;

  /**
   * Unit {@code unit} as the other encoder reads it on its own (see {@link #encodeAloneByOther}).
   */
  public float[] unitByOther(int unit) {
    float[][] vectors = otherUnitVectors;
    if (vectors == null) {
      vectors = new float[unitSpans.size()][];
      if (encoder == null) {
        for (int u = 0; u < vectors.length; u++) {
          vectors[u] = new float[SentenceEncoder.DIMENSION];
        }
      } else {
        List<String> texts = new ArrayList<>();
        for (Span span : unitSpans) {
          texts.add(text.substring(span.begin(), span.end()));
        }
        List<float[]> encoded = other().encode(texts, 16);
        for (int u = 0; u < vectors.length; u++) {
          vectors[u] = encoded.get(u);
        }
      }
      otherUnitVectors = vectors;
    }
    return vectors[unit];
  }

  private SentenceEncoder other() {
    return SentenceEncoder.shared(secondOpinion(), encoder.threads());
  }

  /**
   * The published encoder that gives the second opinion: the one chosen at encoding, else the other
   * one (bge for MiniLM, MiniLM for bge).
   */
  public SentenceEncoder.Model secondOpinion() {
    if (second != null) {
      return second;
    }
    return otherEncoder(encoder == null ? SentenceEncoder.Model.MINILM_L6 : encoder.model());
  }

  /** The other published encoder: bge for MiniLM, MiniLM for bge. */
  public static SentenceEncoder.Model otherEncoder(SentenceEncoder.Model model) {
    return model == SentenceEncoder.Model.MINILM_L6
        ? SentenceEncoder.Model.BGE_SMALL_EN
        : SentenceEncoder.Model.MINILM_L6;
  }

  /** The words between char offsets, as word indices [first, last+1); empty when none. */
  public int[] wordsIn(int begin, int end) {
    // Words are in text order and do not overlap, so both ends are binary searches.
    int first = firstEndingAfter(begin);
    int last = first;
    while (last < begins.length && begins[last] < end) {
      last++;
    }
    return last > first ? new int[] {first, last} : new int[] {0, 0};
  }

  /** The first word whose end lies after {@code offset} ({@link #size()} when none). */
  private int firstEndingAfter(int offset) {
    int low = 0;
    int high = ends.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (ends[mid] > offset) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }
}
