package org.parallax.ingest.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.parallax.core.pipeline.Input;

/**
 * Walks the entries of a batch, turning each into inputs: one per plain file, one per JSONL line.
 *
 * <p>Only the first bytes of a file are looked at here, to tell JSONL apart; single documents are
 * read by {@link Input#read} on worker threads. Never throws for bad data: a problem becomes a
 * failing input.
 */
final class InputIterator implements Iterator<Input>, Closeable {

  private static final int SNIFF_BYTES = 4096;

  private final Deque<Entries.Entry> entries;
  private final IngestConfig config;
  private final Supplier<InputStream> stdin;
  private final Deque<Input> ready = new ArrayDeque<>();
  private JsonlStream records;

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

  private void expandFile(Path path, String label) {
    InputStream raw = null;
    try {
      raw = Files.newInputStream(path);
      Streams.Opened opened = Streams.open(raw);
      if (Sniffer.startsWithBrace(Streams.peek(opened.content(), SNIFF_BYTES))) {
        JsonlStream stream = JsonlStream.start(opened, label, config.maxBytes());
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
      if (Sniffer.startsWithBrace(Streams.peek(opened.content(), SNIFF_BYTES))) {
        // stdin cannot be opened twice: keep what the JSONL check reads, to read it again
        opened.content().mark((int) Math.min(Integer.MAX_VALUE - 64, config.maxBytes() * 2 + 2));
        JsonlStream stream = JsonlStream.start(opened, label, config.maxBytes());
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
