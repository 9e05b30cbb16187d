package org.parallax.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.parallax.core.json.Json;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Outcome;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.LocalExecutor;
import org.parallax.core.pipeline.Pipeline;
import org.parallax.core.pipeline.Progress;
import org.parallax.index.export.Exporter;
import org.parallax.ingest.extract.Boilerplate;
import org.parallax.ingest.source.IngestConfig;
import org.parallax.ingest.source.SourceBatch;
import org.parallax.ingest.source.Sources;

/**
 * Analyses one partition of input files, on an executor: reads them with Parallax's own sources
 * (text, HTML, WARC, feeds, JSONL, gzip), runs the pipeline on each document exactly as {@code
 * parallax analyze} does (one worker thread per task, the same per-document time limit), and emits
 * one line per outcome: {@code D} and the document's export record, or {@code F} and the failure. A
 * document that fails never stops the partition.
 *
 * <p>The pipeline (CoreNLP, ONNX sessions, Lingua) is built once per executor JVM and annotator
 * list, then shared by the tasks that JVM runs. The lines are handed to Spark as they are made, so
 * a partition's memory does not grow with its number of documents.
 */
final class PartitionAnalyzer implements FlatMapFunction<Iterator<String>, String> {

  private static final long serialVersionUID = 1L;

  /** Tag of a line holding a document's export record. */
  static final char DOCUMENT = 'D';

  /** Tag of a line holding a failed input. */
  static final char FAILURE = 'F';

  /** Tag of a line holding an analysed document in the workspace's own JSON form. */
  static final char ANALYSED = 'A';

  private static final Map<String, Pipeline> PIPELINES = new ConcurrentHashMap<>();

  private final List<String> annotators;
  private final long timeoutMillis;
  private final boolean analysed;

  /** With {@code analysed}, each document is also emitted whole, for {@code parallax load}. */
  PartitionAnalyzer(List<String> annotators, Duration timeout, boolean analysed) {
    this.annotators = List.copyOf(annotators);
    this.timeoutMillis = timeout.toMillis();
    this.analysed = analysed;
  }

  /** The pipeline for {@code annotators}, built on first use in this JVM. */
  static Pipeline pipeline(List<String> annotators) {
    // what the launcher sets for parallax analyze: no usage reporting, no model downloads
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.setProperty("ai.djl.offline", "true");
    return PIPELINES.computeIfAbsent(
        String.join(",", annotators),
        key ->
            Pipeline.of(
                Set.of(Boilerplate.LAYER, Diagnostic.LAYER),
                AnnotatorFactory.create(annotators, Map.of())));
  }

  @Override
  public Iterator<String> call(Iterator<String> files) {
    List<String> paths = new ArrayList<>();
    files.forEachRemaining(paths::add);
    if (paths.isEmpty()) {
      return java.util.Collections.emptyIterator();
    }
    Pipeline pipeline = pipeline(annotators);
    Lines lines = new Lines();
    Thread worker =
        new Thread(
            () -> {
              try {
                analyse(paths, pipeline, lines);
              } catch (Throwable e) {
                lines.fail(e);
              } finally {
                lines.end();
              }
            },
            "parallax-partition");
    worker.setDaemon(true);
    // a task that is killed or finishes early stops the worker instead of leaving it blocked
    org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener(
          (org.apache.spark.util.TaskCompletionListener) context -> lines.cancel(worker));
    }
    worker.start();
    return lines;
  }

  /** Reads and analyses the files, handing each outcome's lines to {@code lines} as it comes. */
  private void analyse(List<String> paths, Pipeline pipeline, Lines lines) {
    Exporter exporter = Exporter.standard();
    try (SourceBatch batch = Sources.open(paths, IngestConfig.DEFAULTS)) {
      new LocalExecutor(1, Progress.none(), Duration.ofMillis(timeoutMillis))
          .run(
              batch.inputs(),
              batch.total(),
              pipeline,
              document -> false,
              outcome -> {
                try {
                  if (outcome instanceof Outcome.Ok ok) {
                    lines.put(
                        DOCUMENT + Json.MAPPER.writeValueAsString(exporter.record(ok.document())));
                    if (analysed) {
                      lines.put(ANALYSED + Json.write(ok.document()));
                    }
                  } else if (outcome instanceof Outcome.Failed failed) {
                    lines.put(FAILURE + Json.MAPPER.writeValueAsString(failed));
                  }
                } catch (JsonProcessingException e) {
                  throw new IllegalStateException("cannot write a record: " + e.getMessage(), e);
                }
              });
    }
  }

  /**
   * The partition's output lines as Spark reads them, while a worker thread makes them: a small
   * bounded queue, so a partition of many documents never holds more than a few records in memory.
   */
  static final class Lines implements Iterator<String> {

    private static final Object END = new Object();

    private final java.util.concurrent.BlockingQueue<Object> queue =
        new java.util.concurrent.ArrayBlockingQueue<>(32);
    private volatile boolean cancelled;
    private Object next;

    void put(String line) {
      offer(line);
    }

    void fail(Throwable e) {
      offer(e);
    }

    void end() {
      offer(END);
    }

    void cancel(Thread worker) {
      cancelled = true;
      worker.interrupt();
      queue.clear();
    }

    private void offer(Object item) {
      try {
        while (!cancelled && !queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          // Spark is writing what came before; wait for room
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelled = true;
      }
      if (cancelled && item != END) {
        throw new java.util.concurrent.CancellationException("the Spark task ended");
      }
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for documents", e);
        }
      }
      if (next instanceof Throwable e) {
        next = END;
        throw new IllegalStateException("the partition could not be analysed: " + e, e);
      }
      return next != END;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      String line = (String) next;
      next = null;
      return line;
    }
  }
}
