package org.parallax.ingest.source;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells content formats apart by what the bytes hold, the file name only breaking ties. */
final class Sniffer {

  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^<>]{0,500}>");
  private static final Pattern HTML_START =
      Pattern.compile(
          "^(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final Pattern WARC_MAGIC = Pattern.compile("^WARC/\\d+\\.\\d+\\r?\\n");
  private static final Pattern FEED_ROOT =
      Pattern.compile("<(?:([\\w.-]+):)?(rss|RDF|feed)\\b([^>]*)>?", Pattern.DOTALL);

  private Sniffer() {}

  /** Whether the bytes start as a WARC record does: {@code WARC/1.0} or {@code WARC/1.1}. */
  static boolean looksLikeWarc(byte[] head) {
    String start = new String(head, 0, Math.min(head.length, 16), StandardCharsets.ISO_8859_1);
    return WARC_MAGIC.matcher(start).lookingAt();
  }

  /**
   * The kind of feed the bytes start with ({@code rss}, {@code atom}, {@code rdf}), or empty. The
   * root element decides, after any XML declaration, comments, processing instructions and doctype:
   * {@code <rss>}, {@code <rdf:RDF>}, or {@code <feed>} in the Atom namespace.
   */
  static Optional<String> feedKind(byte[] head) {
    String text =
        Decoding.isUtf16(head)
            ? new String(
                head,
                2,
                head.length - 2,
                (head[0] & 0xff) == 0xff ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE)
            : new String(head, StandardCharsets.ISO_8859_1);
    int at = skipProlog(text);
    if (at < 0) {
      return Optional.empty();
    }
    Matcher m = FEED_ROOT.matcher(text);
    if (!m.find(at) || m.start() != at) {
      return Optional.empty();
    }
    String prefix = m.group(1);
    String name = m.group(2);
    String attributes = m.group(3);
    if (name.equals("rss") && prefix == null) {
      return Optional.of("rss");
    }
    if (name.equals("RDF") && attributes.contains("http://www.w3.org/1999/02/22-rdf-syntax-ns#")) {
      return Optional.of("rdf");
    }
    if (name.equals("feed")
        && (attributes.contains("http://www.w3.org/2005/Atom")
            || attributes.contains("http://purl.org/atom/ns#"))) {
      return Optional.of("atom");
    }
    return Optional.empty();
  }

  /**
   * Where the root element starts: after a byte-order mark, blank space, the XML declaration,
   * processing instructions, comments and a doctype (with its internal subset); -1 when the head
   * ends first or something else comes.
   */
  private static int skipProlog(String text) {
    int i = text.startsWith("\uFEFF") ? 1 : text.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
    while (true) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (text.startsWith("<?", i)) {
        i = end(text, "?>", i);
      } else if (text.startsWith("<!--", i)) {
        i = end(text, "-->", i);
      } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        int bracket = text.indexOf('[', i);
        int close = text.indexOf('>', i);
        if (bracket >= 0 && (close < 0 || bracket < close)) {
          int subset = text.indexOf("]", bracket);
          i = subset < 0 ? -1 : end(text, ">", subset);
        } else {
          i = close < 0 ? -1 : close + 1;
        }
      } else {
        return i < text.length() && text.charAt(i) == '<' ? i : -1;
      }
      if (i < 0) {
        return -1;
      }
    }
  }

  private static int end(String text, String terminator, int from) {
    int at = text.indexOf(terminator, from);
    return at < 0 ? -1 : at + terminator.length();
  }

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
