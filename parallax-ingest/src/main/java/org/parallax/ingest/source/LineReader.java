package org.parallax.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream line by line as bytes, keeping at most {@code maxBytes} of any one line, so a
 * multi-gigabyte JSONL file or a runaway line never has to fit in memory.
 */
final class LineReader {

  /**
   * One line without its line ending.
   *
   * @param number 1-based line number
   * @param bytes the line, or null when it was over the limit
   * @param size the line's full size in bytes
   */
  record Line(long number, byte[] bytes, long size) {}

  private final InputStream in;
  private final long maxBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private long number;
  private boolean ended;

  LineReader(InputStream in, long maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The last complete line read, 0 before the first. */
  long lineNumber() {
    return number;
  }

  /** The next line, or null at the end of the stream. */
  Line next() throws IOException {
    if (ended) {
      return null;
    }
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long size = 0;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit < 0) {
          limit = 0;
          ended = true;
          if (!any) {
            return null;
          }
          return finish(line, size);
        }
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int length = position - start;
      if (size + length <= maxBytes) {
        line.write(buffer, start, length);
      }
      size += length;
      if (position < limit) {
        position++; // the newline
        return finish(line, size);
      }
    }
  }

  private Line finish(ByteArrayOutputStream line, long size) {
    number++;
    if (size > maxBytes) {
      return new Line(number, null, size);
    }
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    return new Line(number, length == bytes.length ? bytes : Arrays.copyOf(bytes, length), size);
  }
}
