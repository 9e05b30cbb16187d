package org.parallax.persuasion.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * File access shared by the dataset readers: raw UTF-8 text, tab-separated records, and the Python
 * string rules ({@code str.splitlines}, {@code str.isspace}) the official tools relied on.
 */
final class RawFiles {

  private RawFiles() {}

  /**
   * The file's bytes decoded as UTF-8, nothing removed or normalised: a byte order mark stays as
   * {@code U+FEFF} and {@code \r\n} stays two chars, since both count in the datasets' offsets.
   */
  static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UncheckedIOException(file + " is not valid UTF-8: " + e.getMessage(), e);
    }
  }

  /**
   * The file's records: its lines split on {@code \n}, each without a trailing {@code \r}, with a
   * final empty line (after the last newline) left out. Empty records in between are kept so that
   * callers can report line numbers.
   */
  static List<String> records(Path file) {
    String text = read(file);
    List<String> records = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      records.add(text.substring(start, contentEnd));
      start = end + 1;
    }
    return records;
  }

  /** The regular files in {@code dir}, sorted by name. */
  static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UncheckedIOException(
          new IOException("not a directory: " + dir.toAbsolutePath().normalize()));
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A non-negative decimal integer field, or an error that names the file and line. */
  static int parseOffset(String field, String what, Path file, int lineNumber) {
    try {
      int value = Integer.parseInt(field.strip());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw malformed(file, lineNumber, what + " is not a non-negative integer: '" + field + "'");
  }

  static IllegalArgumentException malformed(Path file, int lineNumber, String message) {
    return new IllegalArgumentException(file + ":" + lineNumber + ": " + message);
  }

  /**
   * Whether Python's {@code str.splitlines} ends a line at this char: {@code \n}, {@code \r},
   * vertical tab, form feed, the file/group/record separators, NEL and the Unicode line and
   * paragraph separators. {@code \r\n} is one break; the caller handles the pair.
   */
  static boolean isLineBreak(char c) {
    return switch (c) {
      case '\n',
          '\r',
          '\u000B',
          '\u000C',
          '\u001C',
          '\u001D',
          '\u001E',
          '\u0085',
          '\u2028',
          '\u2029' ->
          true;
      default -> false;
    };
  }

  /**
   * Python's {@code str.isspace} for one char: the characters of Unicode category Zs or
   * bidirectional class WS, B or S. Unlike {@link Character#isWhitespace} it includes the no-break
   * spaces; like it, it excludes the byte order mark and zero-width characters.
   */
  static boolean isPythonSpace(char c) {
    return (c >= '\t' && c <= '\r')
        || (c >= '\u001C' && c <= ' ')
        || c == '\u0085'
        || c == '\u00A0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202F'
        || c == '\u205F'
        || c == '\u3000';
  }

  /** Whether {@code text[begin, end)} is empty after Python's {@code str.strip()}. */
  static boolean isPythonBlank(String text, int begin, int end) {
    for (int i = begin; i < end; i++) {
      if (!isPythonSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Writes {@code content} as UTF-8, creating missing parent folders. */
  static void write(Path out, String content) {
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }
}
