package org.parallax.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.core.model.Diagnostic;

/**
 * Signs that text was decoded wrongly: replacement characters ({@code U+FFFD}) and mojibake, UTF-8
 * read as windows-1252 ({@code "Ã©"} for {@code "é"}, {@code "â€™"} for {@code "’"}).
 *
 * <p>A document that carries them silently would feed wrong words to every later stage, so they
 * become a {@link Diagnostic}; text that was encoded twice as a whole can be repaired exactly. Only
 * the lead characters that mojibake of Latin, Cyrillic and punctuation produces are looked at
 * ({@code Â Ã Ä Å Ð Ñ} before a continuation byte's image, and {@code â€} before one), because
 * legitimate text almost never holds those pairs.
 */
public final class TextQuality {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Characters that a UTF-8 continuation byte (0x80-0xBF) becomes when read as a Latin charset. */
  private static final String CONTINUATION = continuationImages();

  private static final Pattern MOJIBAKE =
      Pattern.compile("â€[" + CONTINUATION + "]|[ÂÃÄÅÐÑ][" + CONTINUATION + "]");

  /** windows-1252 bytes 0x80-0x9F by the character they decode to, for undoing mojibake. */
  private static final Map<Character, Byte> HIGH_1252 = high1252();

  private TextQuality() {}

  /**
   * Warnings about {@code text}: at least three replacement characters, or mojibake (one
   * punctuation sequence such as {@code "â€™"} or two letter pairs such as {@code "Ã©"}).
   */
  public static List<Diagnostic> check(String text) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    long replaced = text.chars().filter(c -> c == '\uFFFD').count();
    if (replaced >= 3) {
      diagnostics.add(
          new Diagnostic(
              "ingest",
              replaced
                  + " characters of the text could not be decoded and show as '\uFFFD'; the"
                  + " source has bytes its encoding does not allow"));
    }
    Matcher m = MOJIBAKE.matcher(text);
    int score = 0;
    int count = 0;
    String example = null;
    while (m.find()) {
      count++;
      score += m.group().startsWith("â€") ? 2 : 1;
      if (example == null) {
        example = m.group();
      }
    }
    if (score >= 2) {
      diagnostics.add(
          new Diagnostic(
              "ingest",
              "the text shows "
                  + count
                  + " sign(s) of mojibake such as '"
                  + example
                  + "': part of it was probably encoded twice or read with the wrong encoding, so"
                  + " some characters are wrong"));
    }
    return diagnostics;
  }

  /**
   * The text with one layer of UTF-8-read-as-windows-1252 undone, when the whole text is exactly
   * such mojibake: every character maps back to one byte, the bytes are strict UTF-8, and no
   * mojibake is left. Else empty, so correct text is never touched.
   */
  public static Optional<String> repairDoubleEncoding(String text) {
    if (!MOJIBAKE.matcher(text).find()) {
      return Optional.empty();
    }
    byte[] bytes = new byte[text.length()];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      Byte high = HIGH_1252.get(c);
      if (high != null) {
        bytes[i] = high;
      } else if (c <= 0xff) {
        bytes[i] = (byte) c; // Latin-1 range, including C1 controls from a Latin-1 reading
      } else {
        return Optional.empty();
      }
    }
    try {
      String repaired =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return MOJIBAKE.matcher(repaired).find() ? Optional.empty() : Optional.of(repaired);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static String continuationImages() {
    StringBuilder chars = new StringBuilder("\\u0080-\\u00BF");
    for (char c : high1252().keySet()) {
      chars.append(c);
    }
    return chars.toString();
  }

  private static Map<Character, Byte> high1252() {
    Map<Character, Byte> map = new HashMap<>();
    for (int b = 0x80; b <= 0x9f; b++) {
      CharBuffer decoded = WINDOWS_1252.decode(ByteBuffer.wrap(new byte[] {(byte) b}));
      char c = decoded.charAt(0);
      if (c != '\uFFFD' && c > 0xff) {
        map.put(c, (byte) b);
      }
    }
    return Map.copyOf(map);
  }
}
