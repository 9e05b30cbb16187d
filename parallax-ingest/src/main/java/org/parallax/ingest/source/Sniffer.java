package org.parallax.ingest.source;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells content formats apart by what the bytes hold, the file name only breaking ties. */
final class Sniffer {

  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^<>]{0,500}>");
  private static final Pattern HTML_START =
      Pattern.compile(
          "^(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private Sniffer() {}

  /**
   * Whether the bytes look like a binary file: a NUL byte, or more than a tenth control characters,
   * in the first 8 KB.
   */
  static boolean looksBinary(byte[] bytes) {
    if (Decoding.isUtf16(bytes)) {
      return false;
    }
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if ((b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x0b && b != 0x1b)
          || b == 0x7f) {
        control++;
      }
    }
    return n > 0 && control * 10 > n;
  }

  /** Whether the first character that is not blank (or a byte-order mark) is an opening brace. */
  static boolean startsWithBrace(byte[] head) {
    int i = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb ? 3 : 0;
    while (i < head.length && Character.isWhitespace(head[i])) {
      i++;
    }
    return i < head.length && head[i] == '{';
  }

  /**
   * Whether text is an HTML page: it starts with a doctype, {@code <html>}, {@code <head>} or
   * {@code <body>}, or it is dense with tags. Plain text with a few stray inline tags is not.
   */
  static boolean looksLikeHtml(String text, String name) {
    String head = text.length() > 65536 ? text.substring(0, 65536) : text;
    String start = head.stripLeading();
    if (HTML_START.matcher(start).lookingAt()) {
      return true;
    }
    Matcher m = TAG.matcher(head);
    int tags = 0;
    int markup = 0;
    while (m.find()) {
      tags++;
      markup += m.end() - m.start();
    }
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    boolean htmlName = lower.matches(".*\\.(html?|xhtml|php|aspx?)(\\.gz)?$");
    if (htmlName && tags >= 3) {
      return true;
    }
    return tags >= 10 && (start.startsWith("<") || markup * 10 >= head.length());
  }
}
