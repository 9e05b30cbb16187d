package org.parallax.persuasion.train;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.persuasion.Technique;
import org.parallax.persuasion.Techniques;
import org.parallax.persuasion.data.LineKey;
import org.parallax.persuasion.data.PtcArticle;
import org.parallax.persuasion.data.PtcCorpus;
import org.parallax.persuasion.data.SemEval2023Article;
import org.parallax.persuasion.data.SemEval2023Corpus;
import org.parallax.persuasion.eval.PtcEvaluation;
import org.parallax.persuasion.eval.SemEval2023Validation;
import org.parallax.persuasion.features.EncodedText;
import org.parallax.persuasion.features.Lexicons;
import org.parallax.persuasion.finetune.EncoderFineTuner;
import org.parallax.persuasion.finetune.TunedWeights;
import org.parallax.persuasion.model.ParagraphClassifier;
import org.parallax.persuasion.model.PersuasionModel;
import org.parallax.persuasion.model.SpanNeighbours;
import org.parallax.persuasion.model.SpanTagger;
import org.parallax.persuasion.model.TechniqueClassifier;
import org.parallax.persuasion.score.MultiLabelScore;
import org.parallax.persuasion.score.SiScore;

/**
 * Trains every persuasion model from the shared data directory, reproducibly (fixed seed, fixed
 * split), reports the figures it measured on the way, and writes one model file.
 *
 * <p>Splits. SemEval-2020 (spans): the PTC train articles are cut by the seed into a fitting part
 * (85 %) and a tuning part (15 %) that picks decoding settings and calibrates scores; PTC dev is
 * only measured. SemEval-2023 (paragraphs, English): its train articles are the PTC train and dev
 * articles, so the validation split is exactly the PTC dev articles — never seen by any model — and
 * the rest (PTC train articles) is split as above into fitting and tuning parts.
 */
public final class PersuasionTrainer {

  /**
   * What to train and how.
   *
   * @param members networks in the span tagger and in the paragraph classifier, trained from seeds
   *     {@code seed}, {@code seed + 1}, ... and averaged
   * @param classifierMembers networks in the span classifier, likewise
   * @param spansAlone whether the classifier also reads each span encoded on its own by both
   *     encoders (two more encoder calls per span in {@code analyze})
   * @param quantised run a fine-tuned encoder in the int8 graph once trained (the span tagger and
   *     technique classifier are trained on its full-precision states, the paragraph classifier on
   *     the int8 graph's states it will read; the figures the trainer reports and records are
   *     measured as the model runs)
   */
  public record Settings(
      long seed,
      double tuneShare,
      SentenceEncoder.Model encoder,
      int taggerHidden,
      int taggerEpochs,
      int classifierHidden,
      int classifierEpochs,
      int paragraphHidden,
      int paragraphEpochs,
      EncoderFineTuner.Settings fineTuning,
      SentenceEncoder.Model secondOpinion,
      int members,
      int classifierMembers,
      boolean quantised,
      boolean spansAlone) {

    public Settings {
      if (members < 1 || classifierMembers < 1) {
        throw new IllegalArgumentException(
            "members must be at least 1: " + members + ", " + classifierMembers);
      }
    }

    public static Settings defaults() {
      return new Settings(
          20200917L,
          0.15,
          SentenceEncoder.Model.MINILM_L6,
          128,
          4,
          256,
          10,
          256,
          30,
          EncoderFineTuner.Settings.defaults(),
          SentenceEncoder.Model.MINILM_L6,
          3,
          5,
          true,
          true);
    }

    public Settings withSeed(long value) {
      return with(
          value,
          encoder,
          fineTuning,
          secondOpinion,
          members,
          classifierMembers,
          quantised,
          spansAlone);
    }

    public Settings withEncoder(SentenceEncoder.Model model) {
      return with(
          seed,
          model,
          fineTuning,
          secondOpinion,
          members,
          classifierMembers,
          quantised,
          spansAlone);
    }

    /** The same settings with the encoder fine-tuned for {@code epochs} (0: not at all). */
    public Settings withFineTuningEpochs(int epochs) {
      EncoderFineTuner.Settings f = fineTuning;
      return with(
          seed,
          encoder,
          new EncoderFineTuner.Settings(
              epochs,
              f.learningRate(),
              f.headLearningRate(),
              f.batchSize(),
              f.dropout(),
              f.topLayers()),
          secondOpinion,
          members,
          classifierMembers,
          quantised,
          spansAlone);
    }

    /** The same settings fine-tuning only the encoder's last {@code count} layers (0: all). */
    public Settings withTunedTopLayers(int count) {
      return with(
          seed,
          encoder,
          fineTuning.withTopLayers(count),
          secondOpinion,
          members,
          classifierMembers,
          quantised,
          spansAlone);
    }

    /**
     * The same settings with {@code model} (a published encoder) giving the second opinion on
     * sentences and spans. MiniLM, the default, is the pipeline's sentence encoder, so {@code
     * analyze} already has its sentence vectors.
     */
    public Settings withSecondOpinion(SentenceEncoder.Model model) {
      return with(
          seed, encoder, fineTuning, model, members, classifierMembers, quantised, spansAlone);
    }

    /**
     * The same settings with {@code count} networks in the span tagger and paragraph classifier.
     */
    public Settings withMembers(int count) {
      return with(
          seed,
          encoder,
          fineTuning,
          secondOpinion,
          count,
          classifierMembers,
          quantised,
          spansAlone);
    }

    /** The same settings with {@code count} networks in the span classifier. */
    public Settings withClassifierMembers(int count) {
      return with(seed, encoder, fineTuning, secondOpinion, members, count, quantised, spansAlone);
    }

    /** The same settings with a fine-tuned encoder run in the int8 graph ({@code true}) or not. */
    public Settings withQuantised(boolean value) {
      return with(
          seed, encoder, fineTuning, secondOpinion, members, classifierMembers, value, spansAlone);
    }

    /** The same settings with the classifier reading each span on its own too, or not. */
    public Settings withSpansAlone(boolean value) {
      return with(
          seed, encoder, fineTuning, secondOpinion, members, classifierMembers, quantised, value);
    }

    private Settings with(
        long seed,
        SentenceEncoder.Model encoder,
        EncoderFineTuner.Settings fineTuning,
        SentenceEncoder.Model secondOpinion,
        int members,
        int classifierMembers,
        boolean quantised,
        boolean spansAlone) {
      return new Settings(
          seed,
          tuneShare,
          encoder,
          taggerHidden,
          taggerEpochs,
          classifierHidden,
          classifierEpochs,
          paragraphHidden,
          paragraphEpochs,
          fineTuning,
          secondOpinion,
          members,
          classifierMembers,
          quantised,
          spansAlone);
    }
  }

  private final PrintStream log;
  private final Settings settings;
  private final TunedWeights reused;

  public PersuasionTrainer(PrintStream log, Settings settings) {
    this(log, settings, null);
  }

  /**
   * A trainer that reads the encoder through {@code reused}, weights fine-tuned before (by an
   * earlier run with the same seed, hence the same fitting articles), instead of fine-tuning again;
   * {@code null} to follow the settings.
   */
  public PersuasionTrainer(PrintStream log, Settings settings, TunedWeights reused) {
    if (reused != null && reused.base() != settings.encoder()) {
      throw new IllegalArgumentException(
          "the reused weights were tuned from " + reused.base() + ", not " + settings.encoder());
    }
    this.log = log;
    this.settings = settings;
    this.reused = reused;
  }

  /** Trains on {@code data} (the shared data directory) and writes the model to {@code out}. */
  public PersuasionModel train(Path data, Path out) throws IOException {
    long start = System.nanoTime();
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("seed", Long.toString(settings.seed()));
    provenance.put("encoder", settings.encoder().id());
    provenance.put("members", Integer.toString(settings.members()));
    provenance.put("classifierMembers", Integer.toString(settings.classifierMembers()));
    provenance.put("spansAlone", Boolean.toString(settings.spansAlone()));
    provenance.put("quantised", Boolean.toString(settings.quantised()));
    provenance.put("data", "SemEval-2020 Task 11 PTC train; SemEval-2023 Task 3 English train");

    Path ptc = data.resolve("semeval2020-task11-ptc");
    List<PtcArticle> train = PtcCorpus.read(ptc, "train");
    List<PtcArticle> dev = PtcCorpus.read(ptc, "dev");
    List<String> techniques = Techniques.ptc2020().stream().map(Technique::id).toList();
    int threads = Runtime.getRuntime().availableProcessors();
    TunedWeights tuned = reused;
    SentenceEncoder encoder =
        reused != null
            ? reused.encoder(threads)
            : SentenceEncoder.shared(settings.encoder(), threads);
    if (reused != null) {
      log.printf("encoder: fine-tuned weights %s reused, not tuned again%n", reused.id());
      provenance.put("encoder.fineTuned", reused.id());
    } else if (settings.fineTuning().epochs() > 0) {
      long t = System.nanoTime();
      List<PtcArticle> fitting =
          train.stream()
              .filter(a -> !Splits.isTuning(a.id(), settings.seed(), settings.tuneShare()))
              .toList();
      tuned =
          new EncoderFineTuner(log, settings.fineTuning(), settings.seed())
              .tune(settings.encoder(), fitting, techniques);
      encoder = tuned.encoder(threads);
      log.printf(
          "encoder fine-tuned in %.0f s (%d weights tuned, %s)%n",
          seconds(t), tuned.size(), tuned.id());
      provenance.put("encoder.fineTuned", tuned.id());
      provenance.put("encoder.fineTuningEpochs", Integer.toString(settings.fineTuning().epochs()));
    }
    SentenceEncoder.Model second = settings.secondOpinion();
    if (tuned == null && second == settings.encoder()) {
      // the published encoder cannot be its own second opinion
      second = EncodedText.otherEncoder(second);
    }
    log.printf("second opinion on sentences and spans: %s%n", second.id());
    provenance.put("secondOpinion", second.id());
    List<EncodedArticle> fit = new ArrayList<>();
    List<EncodedArticle> tune = new ArrayList<>();
    for (PtcArticle article : train) {
      EncodedArticle encoded = EncodedArticle.of(encoder, second, article, settings.spansAlone());
      (Splits.isTuning(article.id(), settings.seed(), settings.tuneShare()) ? tune : fit)
          .add(encoded);
    }
    List<EncodedArticle> devEncoded = new ArrayList<>();
    for (PtcArticle article : dev) {
      devEncoded.add(EncodedArticle.of(encoder, second, article, settings.spansAlone()));
    }
    log.printf(
        "encoded %d fit, %d tune, %d dev articles with %s in %.0f s%n",
        fit.size(), tune.size(), devEncoded.size(), encoder.id(), seconds(start));

    Lexicons lexicons = LexiconTraining.build(fit, techniques);
    fit = LexiconTraining.outOfFold(fit, techniques);
    tune = LexiconTraining.withLexicons(tune, lexicons);
    devEncoded = LexiconTraining.withLexicons(devEncoded, lexicons);
    log.printf(
        "lexicons: %d words with span rates, %d with technique rates%n",
        lexicons.spans().size(), lexicons.techniques().size());

    PtcTraining training = new PtcTraining(log, settings.seed());
    long t = System.nanoTime();
    SpanTagger tagger =
        training.trainTagger(
            fit, tune, settings.taggerHidden(), settings.taggerEpochs(), 0.2, settings.members());
    SiScore devSi = PtcTraining.siScore(tagger, devEncoded, null);
    log.printf(
        "tagger trained in %.0f s; PTC dev SI P %.3f R %.3f F1 %.3f%n",
        seconds(t), devSi.precision(), devSi.recall(), devSi.f1());
    provenance.put("ptc.dev.si.f1", format(devSi.f1()));

    t = System.nanoTime();
    TechniqueClassifier classifier =
        training.trainClassifier(
            techniques,
            fit,
            tune,
            settings.classifierHidden(),
            settings.classifierEpochs(),
            0.3,
            settings.classifierMembers());
    double devTc = PtcTraining.accuracy(classifier, devEncoded);
    // (trainClassifier logs the tuning spans' figure of the networks that did not see them)
    log.printf("classifier trained in %.0f s; PTC dev TC micro-F1 %.3f%n", seconds(t), devTc);
    provenance.put("ptc.dev.tc.microF1", format(devTc));
    SpanNeighbours neighbours = PtcTraining.neighbours(techniques, fit);

    t = System.nanoTime();
    // The paragraph classifier reads the 2023 articles as it will in `analyze`: through the int8
    // graph when the model runs there. Measured (model card): validation 0.361-0.366 over four
    // seeds against 0.353-0.355 when trained on the full-precision states.
    SentenceEncoder paragraphEncoder =
        tuned != null && settings.quantised() ? tuned.quantisedEncoder(threads) : encoder;
    ParagraphClassifier paragraphs =
        trainParagraphs(data, paragraphEncoder, second, tagger, lexicons, dev, provenance);
    log.printf("paragraph classifier trained in %.0f s%n", seconds(t));

    PersuasionModel model =
        new PersuasionModel(
            settings.encoder(),
            tuned,
            settings.quantised(),
            settings.spansAlone(),
            second,
            lexicons,
            tagger,
            classifier,
            paragraphs,
            neighbours,
            provenance);
    if (model.quantised()) {
      // the span heads read full-precision states in training; measure them as the model runs
      // (the paragraph classifier was already measured on the int8 graph's states)
      t = System.nanoTime();
      PtcEvaluation.Result asRun = PtcEvaluation.run(model, ptc, "dev");
      SemEval2023Validation.Result validation = SemEval2023Validation.run(model, data);
      log.printf(
          "with the tuned encoder in the int8 graph: PTC dev SI P %.3f R %.3f F1 %.3f, TC"
              + " micro-F1 %.3f; SemEval-2023 en validation micro-F1 %.3f (%.0f s)%n",
          asRun.si().precision(),
          asRun.si().recall(),
          asRun.si().f1(),
          asRun.tc().microF1(),
          validation.score().microF1(),
          seconds(t));
      provenance.put("fullPrecision.ptc.dev.si.f1", provenance.get("ptc.dev.si.f1"));
      provenance.put("fullPrecision.ptc.dev.tc.microF1", provenance.get("ptc.dev.tc.microF1"));
      provenance.put("ptc.dev.si.f1", format(asRun.si().f1()));
      provenance.put("ptc.dev.tc.microF1", format(asRun.tc().microF1()));
      provenance.put("semeval2023.en.validation.microF1", format(validation.score().microF1()));
      model = model.withProvenance(provenance);
    }
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (OutputStream stream = Files.newOutputStream(out)) {
      model.write(stream);
    }
    log.printf("wrote %s (%,d bytes) after %.0f s in all%n", out, Files.size(out), seconds(start));
    return model;
  }

  private ParagraphClassifier trainParagraphs(
      Path data,
      SentenceEncoder encoder,
      SentenceEncoder.Model second,
      SpanTagger tagger,
      Lexicons lexicons,
      List<PtcArticle> ptcDev,
      Map<String, String> provenance)
      throws IOException {
    Path english = data.resolve("semeval2023-task3").resolve("en");
    List<SemEval2023Article> articles = SemEval2023Corpus.read(english, "train");
    Map<LineKey, Set<String>> gold =
        SemEval2023Corpus.byLine(
            SemEval2023Corpus.readLabels(english.resolve("train-labels-subtask-3.txt")));
    Set<String> validationIds = new java.util.HashSet<>();
    for (PtcArticle article : ptcDev) {
      validationIds.add(article.id());
    }
    List<ParagraphTraining.Encoded> fit = new ArrayList<>();
    List<ParagraphTraining.Encoded> tune = new ArrayList<>();
    List<ParagraphTraining.Encoded> validation = new ArrayList<>();
    for (SemEval2023Article article : articles) {
      ParagraphTraining.Encoded encoded =
          ParagraphTraining.Encoded.of(encoder, second, tagger, lexicons, article);
      if (validationIds.contains(article.id())) {
        validation.add(encoded);
      } else if (Splits.isTuning(article.id(), settings.seed(), settings.tuneShare())) {
        tune.add(encoded);
      } else {
        fit.add(encoded);
      }
    }
    log.printf(
        "SemEval-2023 en: %d fit, %d tune, %d validation (= PTC dev) articles%n",
        fit.size(), tune.size(), validation.size());
    List<String> techniques = Techniques.semeval2023().stream().map(Technique::id).toList();
    ParagraphClassifier classifier =
        new ParagraphTraining(log, settings.seed())
            .train(
                techniques,
                fit,
                tune,
                gold,
                settings.paragraphHidden(),
                settings.paragraphEpochs(),
                settings.members());
    MultiLabelScore score = ParagraphTraining.score(classifier, validation, gold);
    log.printf(
        "SemEval-2023 en validation: micro-P %.3f micro-R %.3f micro-F1 %.3f macro-F1 %.3f%n",
        score.microPrecision(), score.microRecall(), score.microF1(), score.macroF1());
    provenance.put("semeval2023.en.validation.microF1", format(score.microF1()));
    return classifier;
  }

  private static String format(double value) {
    return String.format(java.util.Locale.ROOT, "%.4f", value);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** For development: {@code PersuasionTrainer DATA OUT}. */
  public static void main(String[] args) throws IOException {
    Settings settings = Settings.defaults();
    String model = System.getProperty("parallax.encoder");
    if (model != null) {
      settings = settings.withEncoder(SentenceEncoder.Model.valueOf(model));
    }
    new PersuasionTrainer(System.out, settings).train(Path.of(args[0]), Path.of(args[1]));
  }
}
