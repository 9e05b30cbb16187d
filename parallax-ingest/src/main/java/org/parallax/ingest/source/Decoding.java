package org.parallax.ingest.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.core.model.Diagnostic;

/**
 * Bytes to text: a byte-order mark decides, else strict UTF-8, else the charset an HTML page
 * declares, else windows-1252 (the usual encoding of pages that are not UTF-8) with a diagnostic.
 */
final class Decoding {

  /** The text and any warning about how it was decoded. */
  record Decoded(String text, List<Diagnostic> diagnostics) {}

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern DECLARED_CHARSET =
      Pattern.compile(
          "<meta[^>]{0,200}charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

  private Decoding() {}

  static Decoded decode(byte[] bytes) {
    if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
      return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), List.of());
    }
    if (startsWith(bytes, 0xff, 0xfe)) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), List.of());
    }
    if (startsWith(bytes, 0xfe, 0xff)) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), List.of());
    }
    try {
      return new Decoded(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString(),
          List.of());
    } catch (CharacterCodingException e) {
      Charset declared = declaredCharset(bytes);
      if (declared != null) {
        return new Decoded(new String(bytes, declared), List.of());
      }
      return new Decoded(
          new String(bytes, WINDOWS_1252),
          List.of(
              new Diagnostic(
                  "ingest",
                  "the text is not valid UTF-8; it was read as windows-1252, so a few characters"
                      + " may be wrong")));
    }
  }

  /** Whether the bytes start with a UTF-16 byte-order mark (and may hold NUL bytes as text). */
  static boolean isUtf16(byte[] bytes) {
    return startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff);
  }

  private static Charset declaredCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = DECLARED_CHARSET.matcher(head);
    if (!m.find()) {
      return null;
    }
    try {
      Charset charset = Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
      return charset.equals(StandardCharsets.UTF_8) ? null : charset;
    } catch (IllegalArgumentException e) {
      return null;
    }
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
}
