package org.parallax.persuasion.framing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.parallax.persuasion.genre.Evidence;
import org.parallax.persuasion.genre.GenreFeatures;
import org.parallax.persuasion.genre.GenreModel;
import org.tribuo.Excuse;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDModel;

/**
 * The frames of a whole article — which of the 14 framing dimensions of SemEval-2023 Task 3 subtask
 * 2 (after the Media Frames Corpus) it uses to present its subject: one logistic regression per
 * frame (Tribuo, binary cross-entropy) over the article's words and style ({@link GenreFeatures}),
 * and one threshold for all frames chosen on held-out articles. Each frame comes with the words
 * that pushed it most. Trained by {@code parallax train framing}; see docs/MODEL-CARD-framing.md.
 * Thread-safe.
 */
public final class FrameModel {

  public static final String RESOURCE = "/org/parallax/persuasion/framing/frames.tribuo.gz";

  private static final int FORMAT = 1;

  /** The frames in the task's order, each with a plain definition. */
  public static final Map<String, String> FRAMES = frames();

  private static Map<String, String> frames() {
    Map<String, String> frames = new LinkedHashMap<>();
    frames.put("Economic", "costs, benefits, money, jobs and other economic consequences");
    frames.put("Capacity_and_resources", "whether there are enough people, money, time or means");
    frames.put("Morality", "right and wrong, duty, religious or ethical judgement");
    frames.put("Fairness_and_equality", "who is treated fairly or unfairly, equal rights, balance");
    frames.put(
        "Legality_Constitutionality_and_jurisprudence",
        "laws, courts, rights and what is legal or constitutional");
    frames.put(
        "Policy_prescription_and_evaluation", "what policy should be done and whether it works");
    frames.put("Crime_and_punishment", "crimes, breaking the law, enforcement and penalties");
    frames.put("Security_and_defense", "threats, war, the military and the defence of a country");
    frames.put("Health_and_safety", "health, disease, care, injury and public safety");
    frames.put("Quality_of_life", "how people's everyday lives and well-being are affected");
    frames.put("Cultural_identity", "traditions, customs, values and the identity of a group");
    frames.put("Public_opinion", "what the public thinks: polls, protests, popular sentiment");
    frames.put("Political", "politics: parties, politicians, elections, political manoeuvring");
    frames.put(
        "External_regulation_and_reputation",
        "a country's standing abroad, its relations, sanctions and international rules");
    return java.util.Collections.unmodifiableMap(frames);
  }

  private static volatile FrameModel bundled;

  private final LinearSGDModel model;
  private final double threshold;
  private final Evidence evidence;

  FrameModel(LinearSGDModel model, double threshold) {
    this.model = model;
    this.threshold = threshold;
    this.evidence = new Evidence(model.getFeatureIDMap());
  }

  /** The probability a frame needs to be reported. */
  public double threshold() {
    return threshold;
  }

  /**
   * One frame the article uses.
   *
   * @param frame the frame id as in the task's label files, e.g. {@code Security_and_defense}
   * @param score its probability
   * @param definition the frame in plain words
   * @param evidence the article's words and word pairs that added most to this frame's score
   *     ({@link Evidence})
   */
  public record Frame(String frame, double score, String definition, List<String> evidence) {}

  /**
   * The frames at or above the threshold, most likely first (possibly none), and every frame's
   * probability.
   */
  public record Finding(List<Frame> frames, Map<String, Double> scores) {}

  /** The committed model, loaded once. */
  public static FrameModel bundled() {
    FrameModel local = bundled;
    if (local == null) {
      synchronized (FrameModel.class) {
        local = bundled;
        if (local == null) {
          try (InputStream in = FrameModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("the framing model " + RESOURCE + " is not bundled");
            }
            local = read(in);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled framing model", e);
          }
          bundled = local;
        }
      }
    }
    return local;
  }

  /** A model written by {@link #write}. */
  public static FrameModel load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  private static FrameModel read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
    int format = in.readInt();
    if (format != FORMAT) {
      throw new IOException("not a framing model of format " + FORMAT + " (found " + format + ")");
    }
    double threshold = in.readDouble();
    Model<?> model = Model.deserializeFromStream(in);
    if (!(model instanceof LinearSGDModel linear)) {
      throw new IOException("not a framing model: " + model.getClass().getName());
    }
    return new FrameModel(linear, threshold);
  }

  /** Writes the model: format, threshold, then Tribuo's protobuf form, gzipped. */
  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    DataOutputStream data = new DataOutputStream(gzip);
    data.writeInt(FORMAT);
    data.writeDouble(threshold);
    data.flush();
    model.serializeToStream(gzip);
    gzip.finish();
  }

  /** The frames of a text in a language (ISO 639-1). */
  public Finding classify(String text, String language) {
    ArrayExample<MultiLabel> example =
        GenreModel.example(GenreFeatures.of(text, language), MultiLabelFactory.UNKNOWN_MULTILABEL);
    Prediction<MultiLabel> prediction = model.predict(example);
    // each entry holds one frame as a Label carrying that frame's probability
    Map<String, Double> probabilities = new java.util.HashMap<>();
    prediction
        .getOutputScores()
        .forEach(
            (frame, multi) ->
                multi.getLabelSet().forEach(l -> probabilities.put(l.getLabel(), l.getScore())));
    Map<String, Double> scores = new LinkedHashMap<>();
    probabilities.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> scores.put(e.getKey(), round(e.getValue())));
    Optional<Excuse<MultiLabel>> excuse = model.getExcuse(example);
    List<Frame> frames = new ArrayList<>();
    scores.forEach(
        (frame, score) -> {
          if (score >= threshold) {
            frames.add(
                new Frame(
                    frame,
                    score,
                    FRAMES.getOrDefault(frame, frame),
                    excuse
                        .map(e -> evidence.strongest(e.excuse(frame), 6, false, language))
                        .orElse(List.of())));
          }
        });
    return new Finding(List.copyOf(frames), scores);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
