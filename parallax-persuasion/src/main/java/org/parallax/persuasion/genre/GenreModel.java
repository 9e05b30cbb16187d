package org.parallax.persuasion.genre;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tribuo.Excuse;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;

/**
 * The genre of a whole article — {@code opinion}, {@code reporting} or {@code satire}, as in
 * SemEval-2023 Task 3 subtask 1 — from a logistic regression (Tribuo) over {@link GenreFeatures},
 * with the features that pushed the call most as evidence. Trained by {@code parallax train genre};
 * see docs/MODEL-CARD-genre.md. Thread-safe.
 */
public final class GenreModel {

  public static final String RESOURCE = "/org/parallax/persuasion/genre/genre.tribuo.gz";

  /** The genres, in the order of the task's label list, with a plain definition of each. */
  public static final Map<String, String> GENRES =
      Map.of(
          "opinion",
          "argues for a view: the writer's judgement, interpretation or call to action leads",
          "reporting",
          "tells what happened and who said what, keeping the writer's own views out",
          "satire",
          "mocks its subject by imitating news or commentary, with irony or exaggeration not meant"
              + " literally");

  /** Languages the model was trained on (ISO 639-1). */
  public static final List<String> LANGUAGES = List.of("de", "en", "fr", "it", "pl", "ru");

  private static volatile GenreModel bundled;

  private final LinearSGDModel model;
  private final Evidence evidence;

  GenreModel(LinearSGDModel model) {
    this.model = model;
    this.evidence = new Evidence(model.getFeatureIDMap());
  }

  /**
   * A call with its evidence.
   *
   * @param genre the most likely genre
   * @param score its probability
   * @param scores every genre's probability, most likely first
   * @param evidence the features that added most to the chosen genre's score, strongest first
   *     ({@link Evidence}): words and word pairs as written (lower case), style cues in brackets
   */
  public record Finding(
      String genre, double score, Map<String, Double> scores, List<String> evidence) {}

  /** The committed model, loaded once. */
  public static GenreModel bundled() {
    GenreModel local = bundled;
    if (local == null) {
      synchronized (GenreModel.class) {
        local = bundled;
        if (local == null) {
          try (InputStream in = GenreModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("the genre model " + RESOURCE + " is not bundled");
            }
            local = read(in);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled genre model", e);
          }
          bundled = local;
        }
      }
    }
    return local;
  }

  /** A model written by {@link #write}. */
  public static GenreModel load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  private static GenreModel read(InputStream raw) throws IOException {
    Model<?> model = Model.deserializeFromStream(new GZIPInputStream(raw));
    if (!(model instanceof LinearSGDModel linear)) {
      throw new IOException("not a genre model: " + model.getClass().getName());
    }
    return new GenreModel(linear);
  }

  /** Writes the model (Tribuo's protobuf form, gzipped). */
  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    model.serializeToStream(gzip);
    gzip.finish();
  }

  /** The genre of a text in a language (ISO 639-1). */
  public Finding classify(String text, String language) {
    ArrayExample<Label> example =
        example(GenreFeatures.of(text, language), LabelFactory.UNKNOWN_LABEL);
    Prediction<Label> prediction = model.predict(example);
    Map<String, Double> scores = new LinkedHashMap<>();
    prediction.getOutputScores().values().stream()
        .sorted(Comparator.comparingDouble(Label::getScore).reversed())
        .forEach(label -> scores.put(label.getLabel(), round(label.getScore())));
    String genre = prediction.getOutput().getLabel();
    return new Finding(genre, scores.get(genre), scores, evidence(example, genre, language));
  }

  private List<String> evidence(ArrayExample<Label> example, String genre, String language) {
    Optional<Excuse<Label>> excuse = model.getExcuse(example);
    return excuse.isEmpty()
        ? List.of()
        : evidence.strongest(excuse.get().excuse(genre), 8, true, language);
  }

  /** An example of {@code features} with {@code output} (the unknown output when predicting). */
  public static <T extends Output<T>> ArrayExample<T> example(
      Map<String, Double> features, T output) {
    String[] names = features.keySet().toArray(String[]::new);
    double[] values = features.values().stream().mapToDouble(Double::doubleValue).toArray();
    return new ArrayExample<>(output, names, values);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
