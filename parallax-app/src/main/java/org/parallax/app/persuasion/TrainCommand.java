package org.parallax.app.persuasion;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.persuasion.finetune.TunedWeights;
import org.parallax.persuasion.framing.FramingTraining;
import org.parallax.persuasion.genre.GenreTraining;
import org.parallax.persuasion.model.PersuasionModel;
import org.parallax.persuasion.train.PersuasionTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code parallax train}: trains Parallax's models from labelled data. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains Parallax's models from labelled data; see the subcommands.",
    subcommands = {
      TrainCommand.Persuasion.class,
      TrainCommand.Genre.class,
      TrainCommand.Framing.class
    })
public final class TrainCommand {

  /** {@code parallax train persuasion}. */
  @Command(
      name = "persuasion",
      mixinStandardHelpOptions = true,
      description = {
        "Trains the persuasion models (span tagger, span technique classifier, paragraph"
            + " classifier) on SemEval-2020 Task 11 and SemEval-2023 Task 3 (English), with a fixed"
            + " seed, and writes one model file. See docs/MODEL-CARD-persuasion.md.",
        "DIR holds semeval2020-task11-ptc/ and semeval2023-task3/ as in ../shared/data."
      })
  static final class Persuasion implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder.")
    Path data;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        defaultValue =
            "parallax-persuasion/src/main/resources/org/parallax/persuasion/model/persuasion.bin.gz",
        description = "Where to write the model (default: ${DEFAULT-VALUE}, the committed one).")
    Path out;

    @Option(
        names = "--encoder",
        paramLabel = "MODEL",
        defaultValue = "MINILM_L6",
        description =
            "Encoder whose token vectors the heads read: ${COMPLETION-CANDIDATES} (default"
                + " ${DEFAULT-VALUE}).")
    SentenceEncoder.Model encoder;

    @Option(
        names = "--second-opinion",
        paramLabel = "MODEL",
        defaultValue = "MINILM_L6",
        description =
            "Published encoder whose vectors of each sentence and each span the heads read beside"
                + " the main encoder's: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}, the"
                + " pipeline's sentence encoder, so analyze gets its sentence vectors for free).")
    SentenceEncoder.Model secondOpinion;

    @Option(
        names = "--full-precision",
        description =
            "Run the fine-tuned encoder in 32-bit floats instead of the int8 graph of the published"
                + " quantised model (slower in analyze; see the model card for what each measured).")
    boolean fullPrecision;

    @Option(
        names = "--members",
        paramLabel = "N",
        defaultValue = "3",
        description =
            "Networks in the span tagger and in the paragraph classifier, trained from"
                + " consecutive seeds and averaged (default ${DEFAULT-VALUE}).")
    int members;

    @Option(
        names = "--classifier-members",
        paramLabel = "N",
        defaultValue = "5",
        description =
            "Networks in the technique classifier, trained from consecutive seeds and averaged"
                + " (default ${DEFAULT-VALUE}).")
    int classifierMembers;

    @Option(
        names = "--spans-alone",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description =
            "Let the technique classifier read each span encoded on its own by both encoders as"
                + " well as in context (default); --no-spans-alone saves those two encoder calls"
                + " per span in analyze (see the model card for what each measured).")
    boolean spansAlone;

    @Option(
        names = "--fine-tune-epochs",
        paramLabel = "N",
        defaultValue = "3",
        description =
            "Epochs of fine-tuning the encoder on the PTC fitting articles before the heads are"
                + " trained (PyTorch on the CPU, Linux x86-64; 0 keeps the published encoder;"
                + " default ${DEFAULT-VALUE}).")
    int fineTuneEpochs;

    @Option(
        names = "--fine-tune-top-layers",
        paramLabel = "N",
        defaultValue = "0",
        description =
            "Fine-tune only the encoder's last N layers; the ones below stay as published, so"
                + " analyze starts the tuned layers from the states its sentence encoder already"
                + " computed (0: all layers; default ${DEFAULT-VALUE}).")
    int fineTuneTopLayers;

    @Option(
        names = "--tuned-encoder-from",
        paramLabel = "MODEL",
        description =
            "Reuse the fine-tuned encoder of this model file (one trained with the same seed)"
                + " and train only the heads: minutes instead of a fine-tuning run.")
    Path tunedFrom;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default 20200917).")
    Long seed;

    @Override
    public Integer call() throws IOException {
      if (!Files.isDirectory(data.resolve("semeval2020-task11-ptc"))
          || !Files.isDirectory(data.resolve("semeval2023-task3").resolve("en"))) {
        throw new ParameterException(
            spec.commandLine(),
            "--data "
                + data
                + " needs semeval2020-task11-ptc/ and semeval2023-task3/en/ inside it");
      }
      PersuasionTrainer.Settings settings =
          PersuasionTrainer.Settings.defaults()
              .withEncoder(encoder)
              .withFineTuningEpochs(fineTuneEpochs)
              .withTunedTopLayers(fineTuneTopLayers)
              .withSecondOpinion(secondOpinion)
              .withMembers(members)
              .withClassifierMembers(classifierMembers)
              .withSpansAlone(spansAlone)
              .withQuantised(!fullPrecision);
      if (seed != null) {
        settings = settings.withSeed(seed);
      }
      PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
      TunedWeights reused = null;
      if (tunedFrom != null) {
        reused = PersuasionModel.tunedWeights(tunedFrom);
        if (reused == null) {
          throw new ParameterException(
              spec.commandLine(), tunedFrom + " holds no fine-tuned encoder weights");
        }
        settings = settings.withEncoder(reused.base());
      }
      new PersuasionTrainer(log, settings, reused).train(data, out);
      return 0;
    }
  }

  /** Writes a model with {@code writer} to {@code out}, its folder made first, and says so. */
  static void write(Path out, ModelWriter writer, PrintStream log, String what) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (var stream = Files.newOutputStream(out)) {
      writer.write(stream);
    }
    log.printf("%s: wrote %s (%d bytes)%n", what, out, Files.size(out));
  }

  /** The semeval2023-task3 folder of {@code --data}, which the article-level trainers read. */
  /** The options {@code train genre} and {@code train framing} share: data folder and seed. */
  static final class SemEvalOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder.")
    Path data;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default 20200917).")
    Long seed;

    /** The SemEval-2023 folder inside {@code --data}; a usage error when it is not there. */
    Path semevalFolder() {
      Path semeval = data.resolve("semeval2023-task3");
      if (!Files.isDirectory(semeval)) {
        throw new ParameterException(
            spec.commandLine(), "--data " + data + " needs semeval2023-task3/ inside it");
      }
      return semeval;
    }

    long seedOr(long fallback) {
      return seed == null ? fallback : seed;
    }
  }

  /** A model's write method. */
  interface ModelWriter {
    void write(java.io.OutputStream out) throws IOException;
  }

  /** {@code parallax train genre}. */
  @Command(
      name = "genre",
      mixinStandardHelpOptions = true,
      description = {
        "Trains the genre model (opinion, reporting, satire: SemEval-2023 Task 3 subtask 1) on"
            + " the train articles of all six languages but a fixed validation split, prints"
            + " the validation figures and writes the model. See docs/MODEL-CARD-genre.md.",
        "DIR holds semeval2023-task3/ as in ../shared/data."
      })
  static final class Genre implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin SemEvalOptions shared;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        defaultValue =
            "parallax-persuasion/src/main/resources/org/parallax/persuasion/genre/genre.tribuo.gz",
        description = "Where to write the model (default: ${DEFAULT-VALUE}, the committed one).")
    Path out;

    @Option(
        names = "--epochs",
        paramLabel = "N",
        description = "Passes over the fitting articles (default 20).")
    Integer epochs;

    @Override
    public Integer call() throws IOException {
      Path semeval = shared.semevalFolder();
      GenreTraining.Settings defaults = GenreTraining.Settings.defaults();
      GenreTraining.Settings settings =
          new GenreTraining.Settings(
              shared.seedOr(defaults.seed()),
              epochs == null ? defaults.epochs() : epochs,
              defaults.learningRate());
      if (settings.epochs() < 1) {
        throw new ParameterException(spec.commandLine(), "--epochs must be at least 1");
      }
      PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
      GenreTraining.Result result = GenreTraining.train(semeval, settings, log);
      write(out, result.model()::write, log, "genre");
      return 0;
    }
  }

  /** {@code parallax train framing}. */
  @Command(
      name = "framing",
      mixinStandardHelpOptions = true,
      description = {
        "Trains the framing model (14 frames, several per article: SemEval-2023 Task 3 subtask 2)"
            + " on the train articles of all six languages but the genre model's validation split,"
            + " prints the validation figures and writes the model. See"
            + " docs/MODEL-CARD-framing.md.",
        "DIR holds semeval2023-task3/ as in ../shared/data."
      })
  static final class Framing implements Callable<Integer> {

    @Mixin SemEvalOptions shared;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        defaultValue =
            "parallax-persuasion/src/main/resources/org/parallax/persuasion/framing/frames.tribuo.gz",
        description = "Where to write the model (default: ${DEFAULT-VALUE}, the committed one).")
    Path out;

    @Override
    public Integer call() throws IOException {
      Path semeval = shared.semevalFolder();
      FramingTraining.Settings defaults = FramingTraining.Settings.defaults();
      FramingTraining.Settings settings =
          new FramingTraining.Settings(
              shared.seedOr(defaults.seed()), defaults.epochs(), defaults.learningRate());
      PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
      FramingTraining.Result result = FramingTraining.train(semeval, settings, log);
      write(out, result.model()::write, log, "framing");
      return 0;
    }
  }
}
