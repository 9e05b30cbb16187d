package org.parallax.ingest.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import org.parallax.core.pipeline.Input;

/**
 * Walks the entries of a batch, turning each into inputs: one per plain file, one per JSONL line,
 * one per HTML response in a WARC archive, one per feed item.
 *
 * <p>Only the first bytes of a file are looked at here, to tell WARC, feeds and JSONL apart; single
 * documents are read by {@link Input#read} on worker threads. A WARC archive is streamed record by
 * record as the iteration goes; a feed is parsed when it is reached. Never throws for bad data: a
 * problem becomes a failing input.
 */
final class InputIterator implements Iterator<Input>, Closeable {

  private static final int SNIFF_BYTES = 4096;

  private final Deque<Entries.Entry> entries;
  private final IngestConfig config;
  private final Supplier<InputStream> stdin;
  private final Deque<Input> ready = new ArrayDeque<>();
  private final List<SourceSummary.Tally> tallies = new ArrayList<>();
  private RecordStream records;

  InputIterator(List<Entries.Entry> entries, IngestConfig config, Supplier<InputStream> stdin) {
    this.entries = new ArrayDeque<>(entries);
    this.config = config;
    this.stdin = stdin;
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty()) {
      if (records != null) {
        Input record = records.next();
        if (record != null) {
          ready.add(record);
          continue;
        }
        records = null;
      }
      Entries.Entry entry = entries.poll();
      if (entry == null) {
        return false;
      }
      expand(entry);
    }
    return true;
  }

  @Override
  public Input next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  @Override
  public void close() {
    if (records != null) {
      records.close();
      records = null;
    }
    entries.clear();
    ready.clear();
  }

  private void expand(Entries.Entry entry) {
    if (entry.problem() != null) {
      ready.add(new FailedInput(entry.label(), entry.label(), entry.problem()));
    } else if (entry.path() == null) {
      expandStdin(entry.label());
    } else {
      expandFile(entry.path(), entry.label());
    }
  }

  /** What WARC archives and feeds held so far, in the order they were reached. */
  List<SourceSummary> summaries() {
    synchronized (tallies) {
      return tallies.stream().map(SourceSummary.Tally::snapshot).toList();
    }
  }

  /**
   * Takes {@code opened} as a WARC archive or a feed when its first bytes say so: a WARC becomes
   * the current record stream (which then owns {@code opened}), a feed's items are queued.
   *
   * @return whether {@code opened} was one of them
   */
  private boolean container(Streams.Opened opened, byte[] head, String label) {
    if (Sniffer.looksLikeWarc(head)) {
      SourceSummary.Tally tally = tally(label, "warc", "HTML pages");
      try {
        records = WarcStream.start(opened, label, config, tally);
      } catch (IOException e) {
        String why = Streams.describeFailure(e, opened.gzip(), "");
        tally.stopped(why);
        ready.add(new FailedInput(label, label, why));
      }
      return true;
    }
    Optional<String> feed = Sniffer.feedKind(head);
    if (feed.isPresent()) {
      ready.addAll(Feeds.read(opened, label, config, tally(label, feed.get(), "items")));
      return true;
    }
    return false;
  }

  private SourceSummary.Tally tally(String label, String format, String unit) {
    SourceSummary.Tally tally = new SourceSummary.Tally(label, format, unit);
    synchronized (tallies) {
      tallies.add(tally);
    }
    return tally;
  }

  private void expandFile(Path path, String label) {
    InputStream raw = null;
    try {
      raw = Files.newInputStream(path);
      Streams.Opened opened = Streams.open(raw);
      byte[] head = Streams.peek(opened.content(), SNIFF_BYTES);
      if (container(opened, head, label)) {
        if (records != null) {
          raw = null; // the WARC stream owns the open file from here on
        }
        return;
      }
      if (Sniffer.startsWithBrace(head)) {
        JsonlStream stream = JsonlStream.start(opened, label, config);
        if (stream != null) {
          records = stream; // owns the open file from here on
          raw = null;
          return;
        }
      }
    } catch (IOException e) {
      // the whole-file input reports the problem in words when it is read
    } finally {
      closeQuietly(raw);
    }
    ready.add(WholeInput.file(path, label, config));
  }

  private void expandStdin(String label) {
    boolean gzip = false;
    try {
      Streams.Opened opened = Streams.open(stdin.get());
      gzip = opened.gzip();
      byte[] head = Streams.peek(opened.content(), SNIFF_BYTES);
      if (container(opened, head, label)) {
        return;
      }
      if (Sniffer.startsWithBrace(head)) {
        // stdin cannot be opened twice: keep what the JSONL check reads, to read it again
        opened.content().mark((int) Math.min(Integer.MAX_VALUE - 64, config.maxBytes() * 2 + 2));
        JsonlStream stream = JsonlStream.start(opened, label, config);
        if (stream != null) {
          records = stream;
          return;
        }
        opened.content().reset();
      }
      ready.add(
          WholeInput.bytes(label, Streams.readAll(opened.content(), config.maxBytes()), config));
    } catch (TooLargeException e) {
      ready.add(
          new FailedInput(
              label, label, ByteSize.overLimit("the page", e.size(), config.maxBytes())));
    } catch (IOException e) {
      ready.add(new FailedInput(label, label, Streams.describeFailure(e, gzip, "")));
    }
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // only read from, nothing to lose
      }
    }
  }
}
