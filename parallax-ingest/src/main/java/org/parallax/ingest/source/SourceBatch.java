package org.parallax.ingest.source;

import java.io.Closeable;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.parallax.core.pipeline.Input;

/**
 * The inputs found under the paths a user named, ready to hand to an executor.
 *
 * <p>Iterating never throws for bad data: an unreadable file, a malformed JSON line or a truncated
 * gzip stream becomes an input whose {@link Input#read} fails with the reason. Close the batch when
 * iteration stops early, to release an open JSONL file.
 */
public final class SourceBatch implements Closeable {

  private final List<Entries.Entry> entries;
  private final IngestConfig config;
  private final Supplier<InputStream> stdin;
  private final List<InputIterator> open = new ArrayList<>();

  SourceBatch(List<Entries.Entry> entries, IngestConfig config, Supplier<InputStream> stdin) {
    this.entries = entries;
    this.config = config;
    this.stdin = stdin;
  }

  /** A new pass over every input, in path order; standard input can be read once only. */
  public Iterator<Input> inputs() {
    InputIterator iterator = new InputIterator(entries, config, stdin);
    synchronized (open) {
      open.add(iterator);
    }
    return iterator;
  }

  /**
   * What each WARC archive and feed of the latest pass held so far: documents, skipped records by
   * reason, and whether the file broke. Complete once that pass's iterator is exhausted, e.g. to
   * print after the run:
   *
   * <pre>{@code
   * batch.summaries().forEach(s -> out.println(s.describe()));
   * // crawl.warc.gz (warc): 12 HTML responses, 30 other records skipped (18 request, ...)
   * }</pre>
   *
   * Empty when the batch has no such files or has not been iterated.
   */
  public List<SourceSummary> summaries() {
    synchronized (open) {
      return open.isEmpty() ? List.of() : open.get(open.size() - 1).summaries();
    }
  }

  /**
   * The number of inputs, or -1 when a file that holds many records (JSONL, WARC, feed, by its
   * name) or standard input is among them: their record count is only known once read.
   */
  public long total() {
    return entries.stream().anyMatch(Entries::isRecordFile) ? -1 : entries.size();
  }

  @Override
  public void close() {
    synchronized (open) {
      open.forEach(InputIterator::close);
    }
  }
}
