package org.parallax.core.pipeline;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  public LocalExecutor(int threads, Progress progress) {
    this.threads = Math.max(1, threads);
    this.progress = progress;
  }

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
    ExecutorService pool = Executors.newFixedThreadPool(threads, LocalExecutor::daemon);
    Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
    long[] counts = new long[3]; // analysed, skipped, failed
    Map<String, Long> failedByStage = new TreeMap<>();
    LongAdder reading = new LongAdder();
    progress.start(total);
    try {
      while (inputs.hasNext()) {
        Input input = inputs.next();
        inFlight.add(pool.submit(() -> process(input, pipeline, alreadyDone, reading)));
        while (inFlight.size() >= threads * 4) {
          deliver(inFlight.poll(), sink, counts, failedByStage);
        }
      }
      while (!inFlight.isEmpty()) {
        deliver(inFlight.poll(), sink, counts, failedByStage);
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
      Future<Outcome> future,
      Consumer<Outcome> sink,
      long[] counts,
      Map<String, Long> failedByStage) {
    Outcome outcome;
    try {
      outcome = future.get();
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

  private static Outcome process(
      Input input, Annotator pipeline, Predicate<Document> alreadyDone, LongAdder reading) {
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
