package org.parallax.core.pipeline;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.parallax.core.model.Document;
import org.parallax.core.model.Outcome;

/**
 * Runs read + annotate for each input on all cores of this machine.
 *
 * <p>Outcomes reach the sink on the calling thread, in input order, so the sink (usually the
 * workspace writer) needs no locking. At most a few documents per thread are in flight, so memory
 * stays bounded on corpora of any size. A failure ends that document only.
 *
 * <p>With a per-document time limit, a document still being read or annotated when its limit runs
 * out fails with a reason, and its worker thread is interrupted and left behind: the JVM cannot
 * stop a thread stuck in a regular expression or a parser loop, so a fresh thread takes its place
 * and the batch carries on at the same pace. The limit counts from when a worker picks the document
 * up, not from when it was queued.
 */
public final class LocalExecutor {

  /**
   * How a run ended.
   *
   * @param reading time spent reading and cleaning inputs, summed over threads
   */
  public record Summary(
      long analysed,
      long skipped,
      Map<String, Long> failedByStage,
      Duration elapsed,
      Duration reading) {

    public long failed() {
      return failedByStage.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final int threads;
  private final Progress progress;
  private final Duration perDocument;

  /** An executor without a per-document time limit. */
  public LocalExecutor(int threads, Progress progress) {
    this(threads, progress, Duration.ZERO);
  }

  /**
   * @param perDocument the longest one document may take to be read and annotated; zero or negative
   *     for no limit
   */
  public LocalExecutor(int threads, Progress progress, Duration perDocument) {
    this.threads = Math.max(1, threads);
    this.progress = progress;
    this.perDocument =
        perDocument == null || perDocument.isNegative() ? Duration.ZERO : perDocument;
  }

  /** One submitted document: its input, its result to come, and when a worker started on it. */
  private record Task(
      Input input, Future<Outcome> future, AtomicLong started, AtomicReference<String> stage) {}

  /** An executor on every available core, reporting nothing. */
  public static LocalExecutor allCores() {
    return new LocalExecutor(Runtime.getRuntime().availableProcessors(), Progress.none());
  }

  /**
   * Processes every input.
   *
   * @param inputs what to read; iterated on the calling thread
   * @param total the number of inputs when known, else -1 (for the progress bar)
   * @param pipeline the annotators to run on each document read
   * @param alreadyDone documents for which this returns true are not annotated again
   * @param sink receives one outcome per input
   */
  public Summary run(
      Iterator<? extends Input> inputs,
      long total,
      Annotator pipeline,
      Predicate<Document> alreadyDone,
      Consumer<Outcome> sink) {
    long start = System.nanoTime();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            LocalExecutor::daemon);
    Deque<Task> inFlight = new ArrayDeque<>();
    long[] counts = new long[3]; // analysed, skipped, failed
    Map<String, Long> failedByStage = new TreeMap<>();
    LongAdder reading = new LongAdder();
    progress.start(total);
    try {
      while (inputs.hasNext()) {
        Input input = inputs.next();
        AtomicLong started = new AtomicLong();
        AtomicReference<String> stage = new AtomicReference<>("ingest");
        Future<Outcome> future =
            pool.submit(
                () -> {
                  started.set(System.nanoTime());
                  return process(input, pipeline, alreadyDone, reading, stage);
                });
        inFlight.add(new Task(input, future, started, stage));
        while (inFlight.size() >= threads * 4) {
          deliver(pool, inFlight.poll(), sink, counts, failedByStage);
        }
      }
      while (!inFlight.isEmpty()) {
        deliver(pool, inFlight.poll(), sink, counts, failedByStage);
      }
    } finally {
      pool.shutdownNow();
    }
    progress.finish(counts[0] + counts[1] + counts[2], counts[2]);
    return new Summary(
        counts[0],
        counts[1],
        Map.copyOf(failedByStage),
        Duration.ofNanos(System.nanoTime() - start),
        Duration.ofNanos(reading.sum()));
  }

  private void deliver(
      ThreadPoolExecutor pool,
      Task task,
      Consumer<Outcome> sink,
      long[] counts,
      Map<String, Long> failedByStage) {
    Outcome outcome;
    try {
      outcome = perDocument.isZero() ? task.future().get() : await(pool, task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      // process() catches everything it can; this is an error escaping it (a bug)
      throw new IllegalStateException("worker failed: " + e.getCause(), e.getCause());
    }
    if (outcome instanceof Outcome.Ok) {
      counts[0]++;
    } else if (outcome instanceof Outcome.Skipped) {
      counts[1]++;
    } else if (outcome instanceof Outcome.Failed failed) {
      counts[2]++;
      failedByStage.merge(failed.stage(), 1L, Long::sum);
    }
    sink.accept(outcome);
    progress.update(counts[0] + counts[1] + counts[2], counts[2]);
  }

  /**
   * The task's outcome, or a failure once it has run longer than the limit; then the stuck worker
   * is interrupted and the pool grows by one thread to make up for it.
   */
  private Outcome await(ThreadPoolExecutor pool, Task task)
      throws InterruptedException, ExecutionException {
    long limit = perDocument.toNanos();
    while (true) {
      long started = task.started().get();
      long left = started == 0 ? limit : started + limit - System.nanoTime();
      if (started != 0 && left <= 0) {
        if (!task.future().cancel(true)) {
          return task.future().get(); // it finished just now
        }
        pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
        pool.setCorePoolSize(pool.getCorePoolSize() + 1);
        Input input = task.input();
        return new Outcome.Failed(
            input.inputId(),
            input.origin(),
            task.stage().get(),
            String.format(
                Locale.ROOT,
                "stopped after %s: longer than the per-document time limit (the input may be"
                    + " hostile or far larger than a news article)",
                describe(perDocument)));
      }
      try {
        return task.future().get(Math.max(left, 1_000_000L), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // look again: it may only have started now
      }
    }
  }

  private static String describe(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
  }

  private static Outcome process(
      Input input,
      Annotator pipeline,
      Predicate<Document> alreadyDone,
      LongAdder reading,
      AtomicReference<String> stage) {
    Document document;
    long start = System.nanoTime();
    try {
      document = input.read();
      reading.add(System.nanoTime() - start);
    } catch (InputException e) {
      return new Outcome.Failed(input.inputId(), input.origin(), "ingest", e.getMessage());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new Outcome.Failed(
          input.inputId(), input.origin(), "ingest", "could not read this input: " + e);
    }
    if (alreadyDone.test(document)) {
      return new Outcome.Skipped(input.inputId(), document.id());
    }
    stage.set(pipeline.name());
    try {
      return new Outcome.Ok(pipeline.annotate(document));
    } catch (AnnotationException e) {
      return new Outcome.Failed(input.inputId(), input.origin(), e.stage(), e.getMessage());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new Outcome.Failed(input.inputId(), input.origin(), pipeline.name(), e.toString());
    }
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "parallax-worker");
    t.setDaemon(true);
    return t;
  }
}
