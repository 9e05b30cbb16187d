package org.parallax.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline HTML tags left in scraped plain text ({@code <u>}, {@code <b>}, {@code <br>}): the tags
 * go, their inner text stays.
 *
 * <p>Only a fixed list of common inline and paragraph tags is recognised, so a literal {@code <} in
 * prose ("a < b") or an unknown angle-bracket token is left alone.
 */
final class StrayMarkup {

  private static final Pattern TAG =
      Pattern.compile(
          "</?(?:a|abbr|b|big|br|cite|code|del|div|em|font|i|ins|mark|p|q|s|small|span|strike"
              + "|strong|sub|sup|u|wbr)(?:\\s[^<>]{0,300})?\\s*/?>",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BREAK =
      Pattern.compile("<(?:br|wbr|/?p|/?div)\\b", Pattern.CASE_INSENSITIVE);

  /** One removed tag: where it stood in the stripped line and what it was. */
  record Tag(int at, String text) {}

  /** A line without its stray tags. */
  record Stripped(String text, List<Tag> tags) {}

  private StrayMarkup() {}

  static Stripped strip(String line) {
    if (line.indexOf('<') < 0) {
      return new Stripped(line, List.of());
    }
    Matcher m = TAG.matcher(line);
    StringBuilder out = new StringBuilder(line.length());
    List<Tag> tags = new ArrayList<>();
    int last = 0;
    while (m.find()) {
      out.append(line, last, m.start());
      // a line break tag between two words must leave a space, or the words would fuse
      if (BREAK.matcher(m.group()).lookingAt()
          && out.length() > 0
          && !Character.isWhitespace(out.charAt(out.length() - 1))
          && m.end() < line.length()
          && !Character.isWhitespace(line.charAt(m.end()))) {
        out.append(' ');
      }
      tags.add(new Tag(out.length(), m.group()));
      last = m.end();
    }
    if (tags.isEmpty()) {
      return new Stripped(line, List.of());
    }
    out.append(line, last, line.length());
    // a tag at either end may leave blank space there; trim it and keep offsets inside the text
    String stripped = out.toString().strip();
    int lead = 0;
    while (lead < out.length() && Character.isWhitespace(out.charAt(lead))) {
      lead++;
    }
    List<Tag> shifted = new ArrayList<>(tags.size());
    for (Tag tag : tags) {
      shifted.add(new Tag(Math.max(0, Math.min(stripped.length(), tag.at() - lead)), tag.text()));
    }
    return new Stripped(stripped, List.copyOf(shifted));
  }
}
