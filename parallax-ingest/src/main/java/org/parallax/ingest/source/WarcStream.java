package org.parallax.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.parallax.core.pipeline.Input;

/**
 * The HTML pages in a WARC archive (plain or gzipped), one {@link Input} per HTML response or
 * resource record, read lazily with jwarc: only the current record's payload is ever in memory, so
 * archives of many gigabytes stream through.
 *
 * <p>A {@code response} record becomes an input when its HTTP status is 2xx and its payload is
 * HTML: {@code Content-Type} {@code text/html} or {@code application/xhtml+xml}, or no telling type
 * ({@code text/plain}, {@code application/octet-stream}, none) and a payload that looks like HTML.
 * Its {@code Content-Encoding} (gzip, deflate, brotli) is undone. A {@code resource} record (a page
 * archived without HTTP headers, as browser-based archivers and {@code wget --warc-file} write
 * them) becomes an input by the same test on its record {@code Content-Type}. Every other record
 * (requests, metadata, warcinfo, revisits, redirects and errors, images and scripts) is skipped and
 * counted in the {@link SourceSummary}. A record that is a page but cannot be read (over the size
 * limit, a broken HTTP header, an unknown {@code Content-Encoding}) becomes a failing input and the
 * stream goes on. A truncated or corrupt archive ends with one failing input that says where; every
 * page before the damage is still delivered.
 */
final class WarcStream implements RecordStream {

  private static final int SNIFF_BYTES = 8192;
  private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
  private static final Set<String> UNTELLING_TYPES =
      Set.of(
          "text/plain",
          "application/octet-stream",
          "application/unknown",
          "unknown/unknown",
          "application/x-unknown-content-type");
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

  private final Watched content;
  private final WarcReader reader;
  private final boolean gzip;
  private final String label;
  private final IngestConfig config;
  private final SourceSummary.Tally tally;
  private long number;
  private boolean ended;

  /** A record read ahead after a bad one, to learn whether the archive goes on past it. */
  private WarcRecord held;

  /** Whether the archive ended right after a bad record. */
  private boolean exhausted;

  private WarcStream(
      Watched content,
      WarcReader reader,
      boolean gzip,
      String label,
      IngestConfig config,
      SourceSummary.Tally tally) {
    this.content = content;
    this.reader = reader;
    this.gzip = gzip;
    this.label = label;
    this.config = config;
    this.tally = tally;
  }

  /**
   * A record stream over {@code opened}, of which only the first bytes have been peeked at. A
   * gzipped archive goes to jwarc still compressed: it reads member by member and fails on a member
   * cut short, where {@link java.util.zip.GZIPInputStream} can take a cut inside a member's header
   * for the end of the file. The stream owns {@code opened} from here on.
   */
  static WarcStream start(
      Streams.Opened opened, String label, IngestConfig config, SourceSummary.Tally tally)
      throws IOException {
    InputStream source = opened.content();
    if (opened.gzip()) {
      try {
        source = opened.compressed();
      } catch (IOException e) {
        // the peek used more compressed input than was kept; read it decompressed as it is
      }
    }
    Watched content = new Watched(source);
    return new WarcStream(content, new WarcReader(content), opened.gzip(), label, config, tally);
  }

  @Override
  public Input next() {
    while (!ended) {
      WarcRecord record = held;
      held = null;
      if (record == null) {
        try {
          Optional<WarcRecord> next = exhausted ? Optional.empty() : reader.next();
          if (next.isEmpty()) {
            ended = true;
            close();
            return null;
          }
          record = next.get();
        } catch (IOException | RuntimeException e) {
          return broken(e);
        }
      }
      number++;
      try {
        Input input = consider(record);
        if (input != null) {
          return input;
        }
      } catch (IOException | RuntimeException e) {
        return badRecord(e);
      }
    }
    return null;
  }

  /**
   * A record that is a page could not be read. When the archive goes on after it (the next record
   * reads), only this record fails; when it does not, the archive is damaged from this record on
   * and one failure says so.
   */
  private Input badRecord(Exception e) {
    if (content.failure != null) {
      number--;
      return broken(content.failure);
    }
    try {
      Optional<WarcRecord> after = reader.next();
      held = after.orElse(null);
      exhausted = after.isEmpty();
    } catch (IOException | RuntimeException damage) {
      number--;
      return broken(damage);
    }
    tally.failed();
    String id = label + "#" + number;
    return new FailedInput(id, id, "record " + number + " " + describe(e));
  }

  /** An input for a record that is an HTML page, else null (the record is counted as skipped). */
  private Input consider(WarcRecord record) throws IOException {
    if (record instanceof WarcRevisit) {
      tally.skip("revisit");
      return null;
    }
    if (record instanceof WarcResource resource) {
      // a page archived as-is, without HTTP headers (browser-based archivers, wget --warc)
      MediaType type = lenient(resource.contentType().toString());
      return page(resource, type, resource.body().stream(), Optional.empty());
    }
    if (!(record instanceof WarcResponse response)) {
      tally.skip(record.type());
      return null;
    }
    if (!response.contentType().base().equals(MediaType.HTTP)) {
      tally.skip("non-HTTP response");
      return null;
    }
    HttpResponse http = response.http();
    if (http.status() < 200 || http.status() > 299) {
      tally.skip("non-2xx response");
      return null;
    }
    MediaType type = contentType(http);
    return page(
        response, type, http.bodyDecoded().stream(), http.headers().first("Content-Encoding"));
  }

  /**
   * An input for {@code payload} when it is HTML, else null (counted as skipped).
   *
   * @param type the payload's declared type, or null when none can be read
   * @param encoding the HTTP {@code Content-Encoding} already undone on {@code payload}, if any
   */
  private Input page(
      WarcTargetRecord record, MediaType type, InputStream payload, Optional<String> encoding)
      throws IOException {
    String base = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
    boolean declaredHtml = HTML_TYPES.contains(base);
    if (!declaredHtml && type != null && !UNTELLING_TYPES.contains(base)) {
      tally.skip("non-HTML " + record.type());
      return null;
    }
    String id = label + "#" + number;
    String where = "record " + number;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean whole;
    try {
      if (!declaredHtml) {
        byte[] head = readUpTo(payload, SNIFF_BYTES, bytes);
        if (Sniffer.looksBinary(head)
            || !Sniffer.looksLikeHtml(new String(head, StandardCharsets.ISO_8859_1), null)) {
          tally.skip("non-HTML " + record.type());
          return null;
        }
      }
      whole = readRest(payload, config.maxBytes(), bytes);
    } catch (IOException e) {
      if (content.failure != null || encoding.isEmpty()) {
        throw e;
      }
      throw new IOException(
          "its body could not be decoded (Content-Encoding " + encoding.get() + "): " + message(e),
          e);
    }
    if (!whole) {
      tally.failed();
      return new FailedInput(
          id,
          id,
          where
              + ": the page is over the "
              + ByteSize.describe(config.maxBytes())
              + " limit (ingest.maxBytes)");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fetched(record).ifPresent(date -> fields.put("fetched", date));
    record.headers().first("WARC-Record-ID").ifPresent(value -> fields.put("warcRecordId", value));
    tally.document();
    return new WarcPageInput(
        id,
        id,
        target(record),
        fields,
        bytes.toByteArray(),
        type == null ? null : charset(type),
        config.extraction());
  }

  private static String target(WarcTargetRecord record) {
    try {
      return record.target();
    } catch (RuntimeException e) {
      return null; // no usable WARC-Target-URI: the page may still name its canonical URL
    }
  }

  private static MediaType contentType(HttpResponse http) {
    try {
      return http.headers().first("Content-Type").map(WarcStream::lenient).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The media type in a {@code Content-Type} value, or null when it names none. */
  private static MediaType lenient(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return MediaType.parse(header);
    } catch (IllegalArgumentException e) {
      // a malformed parameter is common; the type before it still tells
      try {
        MediaType lenient = MediaType.parseLeniently(header);
        return lenient.type().isEmpty() || lenient.subtype().isEmpty() ? null : lenient;
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
  }

  private static String charset(MediaType type) {
    for (Map.Entry<String, String> parameter : type.parameters().entrySet()) {
      if (parameter.getKey().equalsIgnoreCase("charset")) {
        return parameter.getValue().replace("\"", "").strip();
      }
    }
    return null;
  }

  private static Optional<String> fetched(WarcRecord record) {
    try {
      Instant date = record.date();
      return Optional.ofNullable(date).map(ISO::format);
    } catch (RuntimeException e) {
      return Optional.empty(); // a malformed WARC-Date: the page is still worth reading
    }
  }

  /** Reads up to {@code n} bytes into {@code out}, returning them. */
  private static byte[] readUpTo(InputStream in, int n, ByteArrayOutputStream out)
      throws IOException {
    byte[] buffer = new byte[n];
    int read = 0;
    while (read < n) {
      int r = in.read(buffer, read, n - read);
      if (r < 0) {
        break;
      }
      read += r;
    }
    out.write(buffer, 0, read);
    return java.util.Arrays.copyOf(buffer, read);
  }

  /**
   * Reads the rest of {@code in} into {@code out}; false as soon as it passes {@code maxBytes}.
   * What is left is not read here: the next record skips it without keeping it, and a compressed
   * payload is never inflated past the limit.
   */
  private static boolean readRest(InputStream in, long maxBytes, ByteArrayOutputStream out)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
      if (out.size() + (long) r > maxBytes) {
        return false;
      }
      out.write(buffer, 0, r);
    }
    return true;
  }

  /** The stream cannot go on: one failing input for the rest of the archive. */
  private Input broken(Throwable e) {
    ended = true;
    close();
    long next = number + 1;
    String id = label + "#" + next;
    String why;
    if (content.failure != null) {
      // the file itself broke: a truncated or corrupt gzip stream, a read error
      why = Streams.describeFailure(content.failure, gzip, " in record " + next);
    } else if (e instanceof java.io.EOFException || content.ended) {
      why = "the WARC file ends early (truncated file) in record " + next;
    } else {
      why = "the WARC file is corrupt at record " + next + ": " + message(e);
    }
    tally.stopped(why);
    return new FailedInput(id, id, why + "; the " + number + " record(s) before it were read");
  }

  private static String describe(Throwable e) {
    if (e instanceof org.netpreserve.jwarc.ParsingException) {
      return "has an HTTP response header that cannot be read: " + message(e);
    }
    return "could not be read: " + message(e);
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // only read from, nothing to lose
    }
  }

  /**
   * The archive's stream, remembering the error that broke it (to tell it from a bad record) and
   * whether it reached its end (to tell a truncated file from a corrupt one).
   */
  private static final class Watched extends FilterInputStream {
    private IOException failure;
    private boolean ended;

    Watched(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        ended |= b < 0;
        return b;
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = super.read(b, off, len);
        ended |= n < 0;
        return n;
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }
}
