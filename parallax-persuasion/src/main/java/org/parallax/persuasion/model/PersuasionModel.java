package org.parallax.persuasion.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.parallax.core.model.Span;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.persuasion.features.EncodedText;
import org.parallax.persuasion.features.Features;
import org.parallax.persuasion.features.Lexicon;
import org.parallax.persuasion.features.Lexicons;
import org.parallax.persuasion.finetune.TunedWeights;

/**
 * Every trained persuasion model in one file: which encoder they read, the span tagger, the span
 * technique classifier, the paragraph classifier and the training spans' neighbours.
 *
 * <p>The bundled model ({@link #bundled()}) is trained by {@code parallax train persuasion} and
 * committed as a resource; {@link #load} reads another one.
 */
public final class PersuasionModel {

  /** Where the committed model lies on the class path. */
  public static final String RESOURCE = "/org/parallax/persuasion/model/persuasion.bin.gz";

  private static final String MAGIC = "parallax-persuasion";
  private static final int VERSION = 5;

  private static volatile PersuasionModel bundled;

  private final SentenceEncoder.Model encoder;
  private final TunedWeights tuned;
  private final SentenceEncoder.Model second;
  private final boolean quantised;
  private final boolean spansAlone;
  private final SpanTagger tagger;
  private final TechniqueClassifier classifier;
  private final ParagraphClassifier paragraphs;
  private final SpanNeighbours neighbours;
  private final Lexicons lexicons;
  private final Map<String, String> provenance;

  /**
   * A model whose heads read {@code encoder}, fine-tuned when {@code tuned} holds its weights
   * ({@code null} for the published encoder) and then run in the int8 graph when {@code quantised},
   * with {@code second} (a published encoder) giving the second opinion on sentences and, when
   * {@code spansAlone}, both encoders reading each span the classifier sees on its own as well.
   */
  public PersuasionModel(
      SentenceEncoder.Model encoder,
      TunedWeights tuned,
      boolean quantised,
      boolean spansAlone,
      SentenceEncoder.Model second,
      Lexicons lexicons,
      SpanTagger tagger,
      TechniqueClassifier classifier,
      ParagraphClassifier paragraphs,
      SpanNeighbours neighbours,
      Map<String, String> provenance) {
    if (tuned != null && tuned.base() != encoder) {
      throw new IllegalArgumentException(
          "tuned weights of " + tuned.base() + " cannot stand for " + encoder);
    }
    if (tuned == null && second == encoder) {
      throw new IllegalArgumentException(
          "the second opinion must differ from the published encoder the heads read: " + encoder);
    }
    this.encoder = encoder;
    this.tuned = tuned;
    this.second = second;
    this.quantised = tuned != null && quantised;
    this.spansAlone = spansAlone;
    this.lexicons = lexicons;
    this.tagger = tagger;
    this.classifier = classifier;
    this.paragraphs = paragraphs;
    this.neighbours = neighbours;
    this.provenance = Map.copyOf(provenance);
  }

  /** The committed model, read once per process. */
  public static PersuasionModel bundled() {
    PersuasionModel model = bundled;
    if (model == null) {
      synchronized (PersuasionModel.class) {
        model = bundled;
        if (model == null) {
          InputStream in = PersuasionModel.class.getResourceAsStream(RESOURCE);
          if (in == null) {
            throw new IllegalStateException(
                RESOURCE + " is not on the class path: train it with `parallax train persuasion`");
          }
          try (in) {
            model = read(in);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled persuasion model", e);
          }
          bundled = model;
        }
      }
    }
    return model;
  }

  public static PersuasionModel load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  public SentenceEncoder.Model encoder() {
    return encoder;
  }

  /** The fine-tuned weights of the encoder, or {@code null} when it runs as published. */
  public TunedWeights tuned() {
    return tuned;
  }

  /** Whether the fine-tuned encoder runs in the int8 graph (its heads were trained so). */
  public boolean quantised() {
    return quantised;
  }

  /** The published encoder whose vectors of sentences and spans the heads read as well. */
  public SentenceEncoder.Model secondOpinion() {
    return second;
  }

  /** Whether the classifier reads each span encoded on its own too (by both encoders). */
  public boolean spansAlone() {
    return spansAlone;
  }

  /** Encodes {@code text} unit by unit as this model's heads read it. */
  public EncodedText encode(String text, List<Span> units, int threads) {
    return EncodedText.encode(sentenceEncoder(threads), second, text, units)
        .readingSpansAlone(spansAlone);
  }

  /** The encoder the heads read, running {@code threads} threads per call. */
  public SentenceEncoder sentenceEncoder(int threads) {
    if (tuned == null) {
      return SentenceEncoder.shared(encoder, threads);
    }
    return quantised ? tuned.quantisedEncoder(threads) : tuned.encoder(threads);
  }

  /** The word lexicons learnt from the training annotations. */
  public Lexicons lexicons() {
    return lexicons;
  }

  /** The features' view of an encoded text, with this model's lexicons. */
  public Features.Context context(EncodedText text) {
    return new Features.Context(text, lexicons);
  }

  public SpanTagger tagger() {
    return tagger;
  }

  public TechniqueClassifier classifier() {
    return classifier;
  }

  public ParagraphClassifier paragraphs() {
    return paragraphs;
  }

  public SpanNeighbours neighbours() {
    return neighbours;
  }

  /** How the model was made: seed, data, figures measured at training time. */
  public Map<String, String> provenance() {
    return provenance;
  }

  /** The same model with {@code values} as its provenance (figures measured once it was built). */
  public PersuasionModel withProvenance(Map<String, String> values) {
    return new PersuasionModel(
        encoder,
        tuned,
        quantised,
        spansAlone,
        second,
        lexicons,
        tagger,
        classifier,
        paragraphs,
        neighbours,
        values);
  }

  /** A technique found in a text, with what the model can show for it. */
  public record Finding(
      int begin,
      int end,
      String technique,
      float score,
      float spanScore,
      Map<String, Float> alternatives,
      List<String> cues,
      Map<String, Integer> neighbours) {}

  /** The techniques of one paragraph (unit). */
  public record ParagraphFinding(int begin, int end, Map<String, Float> techniques) {}

  /** Everything found in one text. */
  public record Findings(List<Finding> spans, List<ParagraphFinding> paragraphs) {}

  /**
   * Finds technique spans in {@code text} and labels each of {@code paragraphs} (char offsets).
   * Sentences or lines make good {@code units}: each is encoded on its own.
   */
  public Findings analyse(String text, List<Span> units, List<Span> paragraphSpans) {
    return analyse(text, units, paragraphSpans, Runtime.getRuntime().availableProcessors(), null);
  }

  /**
   * As {@link #analyse(String, List, List)}, with the encoders running {@code threads} threads per
   * call (1 when documents already run in parallel) and, when the caller has them, the published
   * MiniLM's vectors of the units ({@code null} to compute them; used when MiniLM is the second
   * opinion).
   */
  public Findings analyse(
      String text,
      List<Span> units,
      List<Span> paragraphSpans,
      int threads,
      float[][] unitVectorsByMiniLm) {
    EncodedText encoded = encode(text, units, threads);
    if (unitVectorsByMiniLm != null && second == SentenceEncoder.Model.MINILM_L6) {
      encoded.useUnitVectorsByOther(unitVectorsByMiniLm);
    }
    Features.Context context = context(encoded);
    float[] p = tagger.wordProbabilities(context);
    List<SpanTagger.Detected> detected = tagger.decode(encoded, p);
    encoded.prepareAlone(detected.stream().map(d -> text.substring(d.begin(), d.end())).toList());
    List<Finding> spans =
        classifyAll(
            context,
            detected.stream().map(d -> new Candidate(d.begin(), d.end(), d.score())).toList(),
            p);
    List<ParagraphFinding> labelled = new ArrayList<>();
    if (paragraphs != null) {
      for (Span paragraph : paragraphSpans) {
        float[] features = ParagraphClassifier.features(encoded, p, paragraph);
        float[] probabilities = paragraphs.probabilities(features);
        Map<String, Float> found = new LinkedHashMap<>();
        for (String label : paragraphs.labels(probabilities)) {
          found.put(label, probabilities[paragraphs.techniques().indexOf(label)]);
        }
        labelled.add(new ParagraphFinding(paragraph.begin(), paragraph.end(), found));
      }
    }
    return new Findings(spans, labelled);
  }

  /** The technique of a given span (task TC), with evidence. */
  public Finding classify(
      Features.Context context, int begin, int end, float spanScore, float[] wordProbabilities) {
    return classifyAll(context, List.of(new Candidate(begin, end, spanScore)), wordProbabilities)
        .get(0);
  }

  /** A span to classify: char offsets and how sure the tagger is that it is a span. */
  public record Candidate(int begin, int end, float spanScore) {}

  /**
   * {@link #classify} for many spans of one text: the classifier reads all their features in one
   * call, which reads its weights once per block of spans instead of once per span.
   */
  public List<Finding> classifyAll(
      Features.Context context, List<Candidate> spans, float[] wordProbabilities) {
    if (spans.isEmpty()) {
      return List.of();
    }
    EncodedText encoded = context.text();
    List<int[]> words = new ArrayList<>(spans.size());
    List<float[]> features = new ArrayList<>(spans.size());
    for (Candidate span : spans) {
      int[] inSpan = encoded.wordsIn(span.begin(), span.end());
      words.add(inSpan);
      features.add(Features.span(context, inSpan[0], inSpan[1], span.begin(), span.end()));
    }
    List<float[]> predicted = classifier.model().predictAll(features);
    List<Finding> findings = new ArrayList<>(spans.size());
    for (int s = 0; s < spans.size(); s++) {
      Candidate span = spans.get(s);
      findings.add(
          finding(
              encoded,
              span.begin(),
              span.end(),
              span.spanScore(),
              words.get(s),
              features.get(s),
              predicted.get(s),
              wordProbabilities));
    }
    return findings;
  }

  private Finding finding(
      EncodedText encoded,
      int begin,
      int end,
      float spanScore,
      int[] words,
      float[] features,
      float[] probabilities,
      float[] wordProbabilities) {
    int best = TechniqueClassifier.best(probabilities);
    Map<String, Float> alternatives = new LinkedHashMap<>();
    Integer[] order = new Integer[probabilities.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingDouble(i -> -probabilities[i]));
    for (int i = 1; i < Math.min(3, order.length); i++) {
      alternatives.put(classifier.techniques().get(order[i]), probabilities[order[i]]);
    }
    List<String> cues = new ArrayList<>();
    if (wordProbabilities != null && words[1] > words[0]) {
      Integer[] byScore = new Integer[words[1] - words[0]];
      for (int i = 0; i < byScore.length; i++) {
        byScore[i] = words[0] + i;
      }
      java.util.Arrays.sort(byScore, Comparator.comparingDouble(i -> -wordProbabilities[i]));
      for (int i = 0; i < Math.min(3, byScore.length); i++) {
        cues.add(encoded.text().substring(encoded.begin(byScore[i]), encoded.end(byScore[i])));
      }
    }
    float[] meanVector = java.util.Arrays.copyOf(features, SentenceEncoder.DIMENSION);
    Map<String, Integer> near = neighbours == null ? Map.of() : neighbours.nearest(meanVector, 7);
    return new Finding(
        begin,
        end,
        classifier.techniques().get(best),
        probabilities[best] * spanScore,
        spanScore,
        alternatives,
        cues,
        near);
  }

  public void write(OutputStream raw) throws IOException {
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw)));
    out.writeUTF(MAGIC);
    out.writeInt(VERSION);
    out.writeUTF(encoder.name());
    out.writeUTF(second.name());
    out.writeBoolean(quantised);
    out.writeBoolean(spansAlone);
    out.writeBoolean(tuned != null);
    if (tuned != null) {
      tuned.write(out);
    }
    out.writeInt(provenance.size());
    for (Map.Entry<String, String> entry : new java.util.TreeMap<>(provenance).entrySet()) {
      out.writeUTF(entry.getKey());
      out.writeUTF(entry.getValue());
    }
    lexicons.spans().write(out);
    lexicons.techniques().write(out);
    tagger.write(out);
    classifier.write(out);
    out.writeBoolean(paragraphs != null);
    if (paragraphs != null) {
      paragraphs.write(out);
    }
    out.writeBoolean(neighbours != null);
    if (neighbours != null) {
      neighbours.write(out);
    }
    out.close();
  }

  /** A model trained on another feature layout would read misplaced numbers: refuse it. */
  private static void requireInputs(String head, int inputs, int features) throws IOException {
    if (inputs != features) {
      throw new IOException(
          "this persuasion model's "
              + head
              + " reads "
              + inputs
              + " features, this version of Parallax computes "
              + features
              + ": it was trained by another version; train it again with `parallax train"
              + " persuasion`");
    }
  }

  /** What a model file says before its heads: enough to reuse its fine-tuned encoder. */
  private record Header(
      int version,
      SentenceEncoder.Model encoder,
      SentenceEncoder.Model second,
      boolean quantised,
      boolean spansAlone,
      TunedWeights tuned) {

    static Header read(DataInputStream in) throws IOException {
      if (!MAGIC.equals(in.readUTF())) {
        throw new IOException("not a Parallax persuasion model");
      }
      int version = in.readInt();
      // version 2 models have no fine-tuned weights; versions 2 and 3 no choice of second opinion;
      // versions before 5 no choice of reading spans alone, and one paragraph network
      if (version < 2 || version > VERSION) {
        throw new IOException("persuasion model version " + version + " is not supported");
      }
      SentenceEncoder.Model encoder = SentenceEncoder.Model.valueOf(in.readUTF());
      SentenceEncoder.Model second =
          version >= 4
              ? SentenceEncoder.Model.valueOf(in.readUTF())
              : EncodedText.otherEncoder(encoder);
      boolean quantised = version >= 4 && in.readBoolean();
      // before version 5 every model read its spans alone
      boolean spansAlone = version < 5 || in.readBoolean();
      TunedWeights tuned = version >= 3 && in.readBoolean() ? TunedWeights.read(in) : null;
      return new Header(version, encoder, second, quantised, spansAlone, tuned);
    }
  }

  /**
   * The fine-tuned encoder weights of the model in {@code file} ({@code null} when it has none),
   * read without its heads: a model trained by another version can still lend its encoder.
   */
  public static TunedWeights tunedWeights(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file))))) {
      return Header.read(in).tuned();
    }
  }

  public static PersuasionModel read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)));
    Header header = Header.read(in);
    int version = header.version();
    int entries = in.readInt();
    Map<String, String> provenance = new LinkedHashMap<>();
    for (int i = 0; i < entries; i++) {
      provenance.put(in.readUTF(), in.readUTF());
    }
    Lexicons lexicons = new Lexicons(Lexicon.read(in), Lexicon.read(in));
    SpanTagger tagger = SpanTagger.read(in, version >= 4);
    TechniqueClassifier classifier = TechniqueClassifier.read(in, version >= 4);
    ParagraphClassifier paragraphs =
        in.readBoolean() ? ParagraphClassifier.read(in, version >= 5) : null;
    SpanNeighbours neighbours = in.readBoolean() ? SpanNeighbours.read(in) : null;
    requireInputs("span tagger", tagger.inputs(), Features.WORD_SIZE);
    requireInputs("technique classifier", classifier.model().inputs(), Features.SPAN_SIZE);
    return new PersuasionModel(
        header.encoder(),
        header.tuned(),
        header.quantised(),
        header.spansAlone(),
        header.second(),
        lexicons,
        tagger,
        classifier,
        paragraphs,
        neighbours,
        provenance);
  }
}
