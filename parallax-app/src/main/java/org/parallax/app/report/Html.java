package org.parallax.app.report;

import java.util.Locale;
import java.util.regex.Pattern;

/** Escaping and the small pieces of markup shared by the report's pages. */
final class Html {

  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

  private Html() {}

  /** {@code value} escaped for element content and quoted attributes; {@code null} gives "". */
  static String escape(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    escape(out, value, 0, value.length());
    return out.toString();
  }

  /** Appends {@code text[from, to)} escaped. */
  static void escape(StringBuilder out, String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        // NUL is a parse error in HTML and some viewers truncate at it.
        case '\0' -> out.append('\uFFFD');
        default -> {
          if (Character.isSurrogate(c)) {
            // A lone surrogate cannot be written as UTF-8; the writer would fail the whole page.
            if (Character.isHighSurrogate(c)
                && i + 1 < to
                && Character.isLowSurrogate(text.charAt(i + 1))) {
              out.append(c).append(text.charAt(++i));
            } else {
              out.append('\uFFFD');
            }
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  /** A CSS class suffix from free text such as an entity type: lower case letters and digits. */
  static String classSuffix(String value) {
    if (value == null || value.isBlank()) {
      return "none";
    }
    String cleaned = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return cleaned.replaceAll("^-+|-+$", "").isEmpty() ? "other" : cleaned;
  }

  /** {@code code} when it looks like a language tag usable in {@code lang}, else {@code null}. */
  static String languageTag(String code) {
    if (code == null || code.equals("und") || !LANGUAGE_TAG.matcher(code).matches()) {
      return null;
    }
    return code;
  }

  /** Whether {@code url} may become a link: only http(s), never {@code javascript:} or files. */
  static boolean isWebLink(String url) {
    if (url == null) {
      return false;
    }
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return (lower.startsWith("http://") || lower.startsWith("https://"))
        && url.chars().noneMatch(Character::isWhitespace);
  }

  /** {@code text} cut to about {@code max} chars at a word boundary, with an ellipsis. */
  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max);
    if (cut < max / 2) {
      cut = max;
    }
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut).stripTrailing() + "…";
  }

  /**
   * The start of a page up to and including {@code <body>}. The policy forbids every fetch, so a
   * page cannot reach the network even if some markup slipped through escaping.
   */
  static void pageStart(
      StringBuilder out, String title, String lang, String css, boolean allowInlineScript) {
    String script = allowInlineScript ? "'unsafe-inline'" : "'none'";
    out.append("<!DOCTYPE html>\n<html");
    String tag = languageTag(lang);
    if (tag != null) {
      out.append(" lang=\"").append(tag).append('"');
    }
    out.append(">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'; img-src data:; script-src ")
        .append(script)
        .append("\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"generator\" content=\"Parallax\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(css)
        .append("</style>\n</head>\n<body>\n");
  }

  /**
   * The bar at the top of every page: the overview and the corpus pages that exist, relative to
   * {@code root} (the report folder, "" or "../").
   */
  static void navigation(StringBuilder out, String root, CorpusIndex corpus) {
    out.append("<nav class=\"topbar\"><a href=\"")
        .append(root)
        .append("index.html\">← Corpus overview</a>");
    if (corpus.hasDuplicates()) {
      out.append(" <a href=\"").append(root).append("duplicates.html\">Duplicates</a>");
    }
    if (corpus.hasTalkingPoints()) {
      out.append(" <a href=\"").append(root).append("talking-points.html\">Talking points</a>");
    }
    out.append("</nav>\n");
  }

  /**
   * A link to an article's page by its title, or its id in code when the report has no page for it
   * (a corpus result may name a document that failed to render).
   */
  static void articleLink(
      StringBuilder out, ArticleRef ref, String id, String root, String anchor) {
    if (ref == null) {
      out.append("<code>")
          .append(escape(id))
          .append("</code> <span class=\"note\">(no page)</span>");
      return;
    }
    out.append("<a href=\"")
        .append(escape(root + ref.href() + (anchor == null ? "" : "#" + anchor)))
        .append("\" dir=\"auto\">")
        .append(escape(ref.title()))
        .append("</a>");
  }
}
