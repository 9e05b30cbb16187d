package org.parallax.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark job: {@code parallax analyze}'s reading and per-document annotators over partitions of
 * the input files, writing the same JSON records {@code parallax export} writes, as JSONL or
 * Parquet, and the inputs that failed with their reasons.
 *
 * <pre>
 * spark-submit --class org.parallax.spark.SparkAnalyze \
 *   --jars "$(ls parallax-spark/target/lib/*.jar | paste -sd,)" \
 *   parallax-spark/target/parallax-spark-0.1.0-SNAPSHOT.jar \
 *   --output OUT [--format jsonl|parquet] [--annotators a,b,...] [--partitions N] [--analysed] PATH...
 * </pre>
 *
 * <p>Inputs are files or folders (read recursively) on a file system every executor can read at the
 * same path (local mode, or a shared mount); each file is read whole by one task, so a large JSONL
 * file is best split into several. {@code OUT/documents} holds one record per analysed document
 * (docs/EXPORT.md; {@code story} and {@code duplicateGroup} are corpus results and not made here),
 * {@code OUT/failures} one JSON object per failed input: {@code inputId, origin, stage, reason};
 * with {@code --analysed}, {@code OUT/analysed} each document whole, which {@code parallax load}
 * puts into a workspace to run the corpus stages.
 */
public final class SparkAnalyze {

  /**
   * What to run.
   *
   * @param inputs files or folders
   * @param output the output folder (replaced when it exists)
   * @param format {@code jsonl} or {@code parquet}
   * @param annotators annotator names, in order
   * @param partitions tasks to split the files into; 0 for one per file up to four per core
   * @param documentTimeout the longest one document may take before it fails
   * @param analysed also write each document whole to {@code OUTPUT/analysed}, for {@code parallax
   *     load}
   */
  public record Options(
      List<String> inputs,
      String output,
      String format,
      List<String> annotators,
      int partitions,
      Duration documentTimeout,
      boolean analysed) {

    /** The annotators {@code parallax analyze} runs by default. */
    public static final List<String> DEFAULT_ANNOTATORS =
        List.of("segment", "language", "entities", "quotes", "encoder", "techniques");

    public Options {
      if (inputs.isEmpty()) {
        throw new IllegalArgumentException("give at least one input file or folder");
      }
      if (!format.equals("jsonl") && !format.equals("parquet")) {
        throw new IllegalArgumentException("--format is jsonl or parquet, not " + format);
      }
      if (partitions < 0) {
        throw new IllegalArgumentException("--partitions must be 0 or more");
      }
      inputs = List.copyOf(inputs);
      annotators = List.copyOf(annotators);
    }
  }

  /**
   * What a run did.
   *
   * @param files input files read
   * @param documents documents analysed and written
   * @param failures inputs that failed, written with their reasons
   */
  public record Result(long files, long documents, long failures) {}

  private SparkAnalyze() {}

  /** Runs the job on {@code spark}; the output folders are replaced. */
  public static Result run(SparkSession spark, Options options) {
    List<String> files = files(options.inputs());
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions =
        options.partitions() > 0
            ? options.partitions()
            : Math.max(1, Math.min(files.size(), context.defaultParallelism() * 4));
    // the pipeline is checked on the driver first, so a bad annotator list fails at once
    PartitionAnalyzer.pipeline(options.annotators());
    JavaRDD<String> lines =
        context
            .parallelize(files, partitions)
            .mapPartitions(
                new PartitionAnalyzer(
                    options.annotators(), options.documentTimeout(), options.analysed()))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<String> documents = tagged(spark, lines, PartitionAnalyzer.DOCUMENT);
      Dataset<String> failures = tagged(spark, lines, PartitionAnalyzer.FAILURE);
      String out = options.output();
      if (options.format().equals("parquet")) {
        spark.read().json(documents).write().mode(SaveMode.Overwrite).parquet(out + "/documents");
      } else {
        documents.write().mode(SaveMode.Overwrite).text(out + "/documents");
      }
      failures.write().mode(SaveMode.Overwrite).text(out + "/failures");
      if (options.analysed()) {
        tagged(spark, lines, PartitionAnalyzer.ANALYSED)
            .write()
            .mode(SaveMode.Overwrite)
            .text(out + "/analysed");
      }
      return new Result(files.size(), documents.count(), failures.count());
    } finally {
      lines.unpersist(false);
    }
  }

  /** The JSON of the lines tagged {@code tag}. */
  private static Dataset<String> tagged(SparkSession spark, JavaRDD<String> lines, char tag) {
    return spark.createDataset(
        lines.filter(l -> l.charAt(0) == tag).map(l -> l.substring(1)).rdd(), Encoders.STRING());
  }

  /** The regular files under {@code inputs}, folders read recursively, hidden files skipped. */
  static List<String> files(List<String> inputs) {
    List<String> files = new ArrayList<>();
    for (String input : inputs) {
      Path path = Path.of(input);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .map(p -> p.toAbsolutePath().toString())
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path.toAbsolutePath().toString());
      } else {
        throw new IllegalArgumentException("no such file or folder: " + input);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no input files under " + inputs);
    }
    return files;
  }

  /** {@code spark-submit} entry point; see the class comment for the arguments. */
  public static void main(String[] args) {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("parallax-spark: " + e.getMessage());
      System.err.println(
          "usage: SparkAnalyze --output DIR [--format jsonl|parquet] [--annotators a,b,...]"
              + " [--partitions N] [--document-timeout SECONDS] [--analysed] PATH...");
      System.exit(2);
      return;
    }
    SparkSession spark = SparkSession.builder().appName("parallax analyze").getOrCreate();
    try {
      Result result = run(spark, options);
      System.out.println(
          "analysed "
              + result.documents()
              + " documents from "
              + result.files()
              + " files, failed "
              + result.failures()
              + "; records in "
              + options.output()
              + "/documents, failures in "
              + options.output()
              + "/failures");
      if (result.failures() > 0) {
        System.exit(1);
      }
    } finally {
      spark.stop();
    }
  }

  static Options parse(String[] args) {
    List<String> inputs = new ArrayList<>();
    String output = null;
    String format = "jsonl";
    List<String> annotators = Options.DEFAULT_ANNOTATORS;
    int partitions = 0;
    Duration timeout = Duration.ofMinutes(10);
    boolean analysed = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        inputs.add(arg);
        continue;
      }
      if (arg.equals("--analysed")) {
        analysed = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      String value = args[++i];
      switch (arg) {
        case "--output" -> output = value;
        case "--format" -> format = value;
        case "--annotators" ->
            annotators = Arrays.stream(value.split(",")).map(String::strip).toList();
        case "--partitions" -> partitions = number(arg, value);
        case "--document-timeout" -> timeout = Duration.ofSeconds(number(arg, value));
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (output == null) {
      throw new IllegalArgumentException("--output DIR is required");
    }
    return new Options(inputs, output, format, annotators, partitions, timeout, analysed);
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number, not " + value);
    }
  }
}
