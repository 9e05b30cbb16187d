package org.parallax.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.parallax.core.pipeline.Input;
import org.parallax.core.pipeline.InputException;
import org.parallax.ingest.extract.ExtractionLimits;

/**
 * The records of one JSONL stream, one {@link Input} per non-blank line, read lazily: only the
 * current line is in memory.
 *
 * <p>A bad line becomes a failing input and the stream goes on; a stream that breaks (a truncated
 * gzip file) ends with one failing input that says after which line, and every record before the
 * break is still delivered.
 */
final class JsonlStream implements RecordStream {

  private final InputStream stream;
  private final LineReader lines;
  private final boolean gzip;
  private final String label;
  private final long maxBytes;
  private final ExtractionLimits limits;
  private final Deque<LineReader.Line> replay = new ArrayDeque<>();
  private boolean ended;

  private JsonlStream(InputStream stream, boolean gzip, String label, IngestConfig config) {
    long maxBytes = config.maxBytes();
    this.stream = stream;
    this.lines = new LineReader(stream, maxBytes);
    this.gzip = gzip;
    this.label = label;
    this.maxBytes = maxBytes;
    this.limits = config.extraction();
  }

  /**
   * A record stream when the content is JSONL (its first non-blank line is a JSON object, or it
   * starts with a brace and its second line is one), else null, in which case the caller still owns
   * and must close {@code stream}.
   */
  static JsonlStream start(Streams.Opened opened, String label, IngestConfig config)
      throws IOException {
    JsonlStream candidate = new JsonlStream(opened.content(), opened.gzip(), label, config);
    LineReader.Line first = candidate.nextNonBlank();
    if (first == null) {
      return null;
    }
    candidate.replay.add(first);
    if (isObject(first)) {
      return candidate;
    }
    LineReader.Line second = candidate.nextNonBlank();
    if (second == null) {
      return null;
    }
    candidate.replay.add(second);
    return isObject(second) ? candidate : null;
  }

  @Override
  public Input next() {
    if (ended) {
      return null;
    }
    LineReader.Line line;
    try {
      line = replay.isEmpty() ? nextNonBlank() : replay.poll();
    } catch (IOException e) {
      ended = true;
      close();
      long after = lines.lineNumber();
      return new FailedInput(
          label,
          label + "#" + (after + 1),
          Streams.describeFailure(e, gzip, " after line " + after));
    }
    if (line == null) {
      ended = true;
      close();
      return null;
    }
    return toInput(line);
  }

  private Input toInput(LineReader.Line line) {
    String lineLabel = label + "#" + line.number();
    String where = "line " + line.number();
    if (line.bytes() == null) {
      return new FailedInput(
          lineLabel, lineLabel, ByteSize.overLimit(where, line.size(), maxBytes));
    }
    Decoding.Decoded decoded = Decoding.decode(line.bytes());
    JsonNode record;
    try {
      record = JsonRecords.parse(decoded.text(), where);
    } catch (InputException e) {
      return new FailedInput(lineLabel, lineLabel, e.getMessage());
    }
    String id = JsonRecords.id(record);
    return new RecordInput(
        id != null && !id.isEmpty() ? id : lineLabel,
        lineLabel,
        record,
        where,
        decoded.diagnostics(),
        limits);
  }

  private LineReader.Line nextNonBlank() throws IOException {
    for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
      if (line.bytes() == null || !isBlank(line.bytes())) {
        return line;
      }
    }
    return null;
  }

  private static boolean isObject(LineReader.Line line) {
    if (line.bytes() == null || !Sniffer.startsWithBrace(line.bytes())) {
      return false;
    }
    return JsonRecords.tryParse(Decoding.decode(line.bytes()).text()).isPresent();
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b) && b != (byte) 0xef && b != (byte) 0xbb && b != (byte) 0xbf) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      // nothing left to read from it either way
    }
  }
}
