package org.parallax.ingest.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opening inputs (gzip detected by its magic bytes, not its name) and reading them bounded. */
final class Streams {

  private static final int BUFFER = 64 * 1024;

  /** How much compressed input a peek at the decompressed start may use and still be undone. */
  private static final int RAW_MARK = 1024 * 1024;

  /**
   * An input's content stream, decompressed when gzipped.
   *
   * @param raw the stream as stored (compressed when {@code gzip}), for {@link #compressed()}
   */
  record Opened(BufferedInputStream content, boolean gzip, BufferedInputStream raw) {

    /**
     * The input from its first stored byte, still compressed, for a reader that decompresses by
     * itself (jwarc reads a gzipped WARC member by member, and notices a member cut short where
     * {@link GZIPInputStream} takes it for the end). Only before {@link #content} has been read
     * past a peek at its start.
     */
    InputStream compressed() throws IOException {
      raw.reset();
      return raw;
    }
  }

  private Streams() {}

  /** Wraps {@code raw}, looking at its first two bytes for the gzip magic number. */
  static Opened open(InputStream raw) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
    byte[] magic = peek(buffered, 2);
    if (magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      buffered.mark(RAW_MARK);
      return new Opened(
          new BufferedInputStream(oneReadAtATime(new GZIPInputStream(buffered, BUFFER)), BUFFER),
          true,
          buffered);
    }
    return new Opened(buffered, false, buffered);
  }

  /**
   * A view of {@code in} that reports nothing available, so a {@link BufferedInputStream} on top
   * returns after one read instead of reading on. On a truncated gzip stream the read that hits the
   * end throws; the bytes inflated by earlier reads must reach the caller first, or the records
   * before the break would be lost with it.
   */
  private static InputStream oneReadAtATime(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int available() {
        return 0;
      }
    };
  }

  /**
   * Up to {@code n} bytes from the start of {@code in}, which is left where it was. A stream that
   * breaks after some bytes (a truncated gzip file shorter than {@code n}) gives those bytes; the
   * error comes again when the content is read, where it is reported with what came before it.
   */
  static byte[] peek(BufferedInputStream in, int n) throws IOException {
    in.mark(n + 1);
    byte[] head = new byte[n];
    int read = 0;
    try {
      while (read < n) {
        int r = in.read(head, read, n - read);
        if (r < 0) {
          break;
        }
        read += r;
      }
    } catch (IOException e) {
      if (read == 0) {
        throw e;
      }
    }
    in.reset();
    return read == n ? head : Arrays.copyOf(head, read);
  }

  /**
   * All of {@code in}, failing with {@link TooLargeException} (which knows the full size) past
   * {@code maxBytes}.
   */
  static byte[] readAll(InputStream in, long maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
      total += r;
      if (total > maxBytes) {
        // count the rest without keeping it, so the message can say how large the input is
        for (r = in.read(buffer); r >= 0; r = in.read(buffer)) {
          total += r;
        }
        throw new TooLargeException(total);
      }
      out.write(buffer, 0, r);
    }
    return out.toByteArray();
  }

  /** Why reading failed, in words; {@code where} is e.g. "" or " after line 12". */
  static String describeFailure(IOException e, boolean gzip, String where) {
    if (gzip && e instanceof EOFException) {
      return "the gzip stream ends early (truncated file)" + where;
    }
    if (gzip && e instanceof ZipException) {
      return "the gzip stream is corrupt" + where + ": " + e.getMessage();
    }
    return "the input could not be read" + where + ": " + e.getMessage();
  }
}
