package org.parallax.ingest.source;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.core.model.Diagnostic;
import org.parallax.ingest.extract.TextQuality;

/**
 * Bytes to text, choosing the charset as browsers do and guarding against what they get wrong.
 *
 * <ol>
 *   <li>A byte-order mark decides.
 *   <li>Bytes that are valid UTF-8 (or nearly: at least four good multi-byte sequences for each
 *       broken one; text in a legacy charset almost never holds a good one) are UTF-8, whatever the
 *       page declares: a declaration that disagrees with valid multi-byte UTF-8 is wrong, as
 *       servers that send a default {@code charset=iso-8859-1} often are.
 *   <li>Otherwise the declared charset, in order: the HTTP {@code Content-Type} header (WARC
 *       records), {@code <meta charset>} or {@code <meta http-equiv="Content-Type">}, the XML
 *       declaration. A declaration the bytes do not fit (many undecodable bytes) is passed over.
 *       {@code iso-8859-1} and {@code us-ascii} mean windows-1252, as in browsers.
 *   <li>Else ICU's charset detection, and windows-1252 when it is unsure; both with a diagnostic.
 * </ol>
 *
 * <p>UTF-8 text that turns out to be encoded twice ({@code "Ã©"} for {@code "é"} throughout) is
 * decoded once more, with a diagnostic.
 */
final class Decoding {

  /**
   * The text, any warning about how it was decoded, and the charset used.
   *
   * @param charset the name of the charset the bytes were read in
   */
  record Decoded(String text, List<Diagnostic> diagnostics, String charset) {}

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int DECLARATION_WINDOW = 8192;
  private static final int DETECTION_WINDOW = 64 * 1024;
  private static final int MIN_CONFIDENCE = 20;

  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile(
          "^\\s*<\\?xml[^>]{0,200}?encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']",
          Pattern.CASE_INSENSITIVE);

  private Decoding() {}

  static Decoded decode(byte[] bytes) {
    return decode(bytes, null);
  }

  /**
   * Decodes {@code bytes}.
   *
   * @param headerCharset the charset a transport header declared (the HTTP {@code Content-Type} of
   *     a WARC record), or null
   */
  static Decoded decode(byte[] bytes, String headerCharset) {
    if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
      return repaired(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), List.of());
    }
    if (startsWith(bytes, 0xff, 0xfe)) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), List.of(), "UTF-16LE");
    }
    if (startsWith(bytes, 0xfe, 0xff)) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), List.of(), "UTF-16BE");
    }
    Utf8Scan scan = Utf8Scan.of(bytes);
    if (scan.invalid() == 0 || scan.multiByte() >= 4 * scan.invalid()) {
      // valid UTF-8, or UTF-8 with a few broken sequences the text check will report as U+FFFD
      return repaired(new String(bytes, StandardCharsets.UTF_8), List.of());
    }

    List<Diagnostic> notes = new ArrayList<>();
    boolean declaredUtf8 = false;
    List<String> declared = new ArrayList<>();
    if (headerCharset != null && !headerCharset.isBlank()) {
      declared.add(headerCharset.strip());
    }
    String head =
        new String(
            bytes, 0, Math.min(bytes.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
    find(META_CHARSET, head).ifPresent(declared::add);
    find(XML_ENCODING, head).ifPresent(declared::add);
    for (String name : declared) {
      Charset charset = resolve(name);
      if (charset == null) {
        notes.add(
            new Diagnostic(
                "ingest", "the page declares an encoding Java does not know, '" + name + "'"));
        continue;
      }
      if (charset.equals(StandardCharsets.UTF_8)) {
        declaredUtf8 = true;
        continue;
      }
      if (isUnicodeWithoutBom(charset)) {
        continue; // a UTF-16 or UTF-32 declaration without a byte-order mark is a mistake
      }
      String text = new String(bytes, charset);
      if (fits(text, scan.nonAscii())) {
        return new Decoded(text, notes, charset.name());
      }
      notes.add(
          new Diagnostic(
              "ingest",
              "the page declares the encoding '"
                  + name
                  + "' but its bytes do not fit it; the declaration was ignored"));
    }

    Charset detected = detect(bytes);
    Charset charset = detected != null ? detected : WINDOWS_1252;
    String why =
        declaredUtf8
            ? "the page declares UTF-8 but is not valid UTF-8"
            : "the text is not valid UTF-8 and declares no encoding that fits";
    notes.add(
        new Diagnostic(
            "ingest",
            why
                + "; it was read as "
                + charset.name()
                + (detected != null ? " (detected from the bytes)" : "")
                + ", so a few characters may be wrong"));
    return new Decoded(new String(bytes, charset), notes, charset.name());
  }

  /** Whether the bytes start with a UTF-16 byte-order mark (and may hold NUL bytes as text). */
  static boolean isUtf16(byte[] bytes) {
    return startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff);
  }

  /**
   * The charset a label names, with browsers' aliases ({@code iso-8859-1} and {@code us-ascii} are
   * windows-1252), or null when Java does not know it.
   */
  static Charset resolve(String label) {
    String name = label.strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      return null;
    }
    switch (name) {
      case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819" -> {
        return WINDOWS_1252;
      }
      case "x-sjis", "shift-jis", "sjis" -> {
        return Charset.forName("Shift_JIS");
      }
      default -> {
        // fall through to Java's own names and aliases
      }
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** UTF-8 text that is mojibake throughout is decoded once more; else kept as it is. */
  private static Decoded repaired(String text, List<Diagnostic> notes) {
    Optional<String> repaired = TextQuality.repairDoubleEncoding(text);
    if (repaired.isEmpty()) {
      return new Decoded(text, notes, "UTF-8");
    }
    List<Diagnostic> all = new ArrayList<>(notes);
    all.add(
        new Diagnostic(
            "ingest",
            "the text was encoded twice (UTF-8 read as windows-1252 and saved as UTF-8 again,"
                + " so 'é' showed as 'Ã©'); it was decoded once more to repair it"));
    return new Decoded(repaired.get(), all, "UTF-8");
  }

  /** Whether a decoding has at most a few undecodable bytes: two, or one in a hundred. */
  private static boolean fits(String text, int nonAscii) {
    long replaced = text.chars().filter(c -> c == '\uFFFD').count();
    return replaced <= Math.max(2, nonAscii / 100);
  }

  private static Charset detect(byte[] bytes) {
    CharsetDetector detector = new CharsetDetector();
    detector.enableInputFilter(true); // ignore markup, which is ASCII and says nothing
    detector.setText(
        bytes.length > DETECTION_WINDOW ? Arrays.copyOf(bytes, DETECTION_WINDOW) : bytes);
    CharsetMatch match;
    try {
      match = detector.detect();
    } catch (RuntimeException e) {
      return null;
    }
    if (match == null || match.getConfidence() < MIN_CONFIDENCE) {
      return null;
    }
    Charset charset = resolve(match.getName());
    if (charset == null || charset.equals(StandardCharsets.UTF_8) || isUnicodeWithoutBom(charset)) {
      return null;
    }
    return charset;
  }

  private static boolean isUnicodeWithoutBom(Charset charset) {
    String name = charset.name().toUpperCase(Locale.ROOT);
    return name.startsWith("UTF-16") || name.startsWith("UTF-32");
  }

  private static Optional<String> find(Pattern pattern, String head) {
    Matcher m = pattern.matcher(head);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * How the bytes fare as UTF-8.
   *
   * @param multiByte well-formed multi-byte sequences
   * @param invalid bytes that start no well-formed sequence
   * @param nonAscii bytes of 0x80 or above
   */
  private record Utf8Scan(int multiByte, int invalid, int nonAscii) {

    static Utf8Scan of(byte[] bytes) {
      int multiByte = 0;
      int invalid = 0;
      int nonAscii = 0;
      int i = 0;
      while (i < bytes.length) {
        int b = bytes[i] & 0xff;
        if (b < 0x80) {
          i++;
          continue;
        }
        nonAscii++;
        int length = sequenceLength(bytes, i);
        if (length > 0) {
          multiByte++;
          nonAscii += length - 1;
          i += length;
        } else {
          invalid++;
          i++;
        }
      }
      return new Utf8Scan(multiByte, invalid, nonAscii);
    }

    /** The length of the well-formed UTF-8 sequence at {@code i}, else 0. */
    private static int sequenceLength(byte[] bytes, int i) {
      int b = bytes[i] & 0xff;
      int length;
      int min;
      int max = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) {
        length = 2;
        min = 0x80;
      } else if (b >= 0xe0 && b <= 0xef) {
        length = 3;
        min = b == 0xe0 ? 0xa0 : 0x80;
        max = b == 0xed ? 0x9f : 0xbf;
      } else if (b >= 0xf0 && b <= 0xf4) {
        length = 4;
        min = b == 0xf0 ? 0x90 : 0x80;
        max = b == 0xf4 ? 0x8f : 0xbf;
      } else {
        return 0;
      }
      if (i + length > bytes.length) {
        return 0;
      }
      int second = bytes[i + 1] & 0xff;
      if (second < min || second > max) {
        return 0;
      }
      for (int k = 2; k < length; k++) {
        int next = bytes[i + k] & 0xff;
        if (next < 0x80 || next > 0xbf) {
          return 0;
        }
      }
      return length;
    }
  }
}
