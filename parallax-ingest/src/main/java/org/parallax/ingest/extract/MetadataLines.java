package org.parallax.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines that state metadata: bylines ("By Tony Cartalucci"), datelines ("Global Research, January
 * 16, 2020", "1/3/2020, 8:32:10 PM", "DOVRENNA, March 4 (Northgate Wire)"), signatures ("Kassioun
 * Editorial, Issue No. 947, January 6, 2020.") and copyright footers that name the outlet.
 *
 * <p>Each parser accepts a line only when the whole line has that shape, so a body sentence that
 * mentions a date is never read as the publication date.
 */
final class MetadataLines {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,|]\\s*");

  /** What a dateline or signature says; either part may be null. */
  record Dated(String outlet, String published) {}

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final Pattern BYLINE_LEAD =
      Pattern.compile(
          "^(?:by|par|von|por|di|door|av|af|written by|text|autor|autorin|author|auteur|"
              + "autore|reporting by)\\s*[:：]?\\s+(.+)$",
          FLAGS);

  private static final Pattern NAME_TOKEN = Pattern.compile("(?:\\p{Lu}[\\p{L}'’.-]*|\\p{Lu}\\.)");

  private static final Set<String> NAME_PARTICLES =
      Set.of(
          "van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "le", "la", "bin",
          "ibn", "al", "el", "ben", "y", "dos", "das", "do", "zu", "ter", "ten");

  private static final Pattern NAME_SEPARATORS =
      Pattern.compile("\\s*(?:,|;|&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b)\\s*");

  private static final Pattern DATE_LEAD =
      Pattern.compile(
          "^(?:published|updated|posted|last updated|first published|date|veröffentlicht|"
              + "aktualisiert|stand|publié le|publié|mis à jour le|publicado el|publicado|"
              + "actualizado|pubblicato il|pubblicato)\\s*(?:on|am|le|el|il)?\\s*[:：]?\\s*",
          FLAGS);

  private static final Pattern WIRE_DATELINE =
      Pattern.compile(
          "^(\\p{Lu}[\\p{Lu}\\s.'’-]{1,40}),\\s+(\\p{L}+)\\.?\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?"
              + "\\s*\\(([^()]{2,60})\\)\\s*$");

  private static final Pattern ISSUE =
      Pattern.compile(
          "^(?:issue|no\\.?|nr\\.?|n°|vol\\.?|volume|edition|ausgabe|heft|numéro|número|"
              + "numero)\\b.{0,20}\\d+.*$",
          FLAGS);

  private static final Pattern ROLE_SUFFIX =
      Pattern.compile(
          "\\s+(?:editorial board|editorial|editors|editor|staff|desk|newsroom|team|redaktion|"
              + "rédaction|redacción|redazione)$",
          FLAGS);

  private static final Pattern COPYRIGHT_OWNER =
      Pattern.compile(
          "^(?:©|\\(c\\)|copyright)\\s*(?:©\\s*)?\\d{4}(?:\\s*[-–]\\s*\\d{4})?,?\\s+"
              + "([^.,|]{2,60}?)\\s*(?:[.,|]|$)",
          FLAGS);

  private static final Set<String> CONNECTORS =
      Set.of(
          "of", "the", "and", "for", "de", "la", "le", "les", "du", "des", "der", "die", "das",
          "für", "y", "e", "di", "del", "el", "al", "on", "&", "-", "–");

  private MetadataLines() {}

  /** The author names of a byline such as "By Anna Weller and Tom Baskin", else empty. */
  static Optional<List<String>> byline(String line) {
    Matcher m = BYLINE_LEAD.matcher(line.strip());
    if (!m.matches() || LineRules.words(line) > 14) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (String part : NAME_SEPARATORS.split(m.group(1).strip())) {
      if (part.isBlank()) {
        continue;
      }
      if (!isPersonName(part.strip())) {
        return Optional.empty();
      }
      names.add(part.strip());
    }
    return names.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(names));
  }

  /** A dateline alone, "Outlet, date" or a wire dateline; else empty. */
  static Optional<Dated> dateline(String line) {
    String value = DATE_LEAD.matcher(line.strip()).replaceFirst("");
    Optional<String> whole = Dates.parse(value);
    if (whole.isPresent()) {
      return Optional.of(new Dated(null, whole.get()));
    }
    Optional<Dated> wire = wireDateline(value);
    if (wire.isPresent()) {
      return wire;
    }
    return prefixedDate(value, false);
  }

  /**
   * A trailing signature: name and issue parts, then a date, e.g. "Kassioun Editorial, Issue No.
   * 947, January 6, 2020." The outlet is the name without its role ("Editorial").
   */
  static Optional<Dated> signature(String line) {
    if (LineRules.words(line) > 16) {
      return Optional.empty();
    }
    return prefixedDate(line.strip(), true);
  }

  /** The owner named by a copyright footer such as "© 2024 The Civic Review. ...", else empty. */
  static Optional<String> copyrightOwner(String line) {
    Matcher m = COPYRIGHT_OWNER.matcher(line.strip());
    if (!m.find()) {
      return Optional.empty();
    }
    String owner = m.group(1).strip();
    return isTitleName(owner, 6) ? Optional.of(owner) : Optional.empty();
  }

  /** A short line written like a proper name or masthead: every content word capitalised. */
  static boolean isTitleName(String text, int maxWords) {
    String[] words = SPACES.split(text.strip());
    if (words.length == 0 || words.length > maxWords || words[0].isEmpty()) {
      return false;
    }
    if (!Character.isUpperCase(words[0].codePointAt(0)) && !Character.isDigit(words[0].charAt(0))) {
      return false;
    }
    for (String word : words) {
      int first = word.codePointAt(0);
      boolean capitalised = Character.isUpperCase(first) || Character.isDigit(first);
      if (!capitalised && !CONNECTORS.contains(word.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return !text.matches(".*[.!?;:]$");
  }

  private static Optional<Dated> wireDateline(String value) {
    Matcher m = WIRE_DATELINE.matcher(value);
    if (!m.matches() || Dates.month(m.group(2)) < 0) {
      return Optional.empty();
    }
    String published = null;
    if (m.group(4) != null) {
      published = Dates.parse(m.group(2) + " " + m.group(3) + ", " + m.group(4)).orElse(null);
    }
    String agency = m.group(5).strip();
    return Optional.of(new Dated(isTitleName(agency, 6) ? agency : null, published));
  }

  /**
   * "Name, [Issue No. 1,] date": tries each comma as the end of the prefix, since dates hold commas
   * themselves ("January 16, 2020").
   */
  private static Optional<Dated> prefixedDate(String value, boolean needsName) {
    String line = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
    for (int comma = line.indexOf(','); comma > 0; comma = line.indexOf(',', comma + 1)) {
      Optional<String> date = Dates.parse(line.substring(comma + 1));
      if (date.isEmpty()) {
        continue;
      }
      String outlet = null;
      boolean allParts = true;
      for (String part : LIST_SEPARATOR.split(line.substring(0, comma))) {
        if (ISSUE.matcher(part).matches()) {
          continue;
        }
        if (isTitleName(part, 6)) {
          if (outlet == null) {
            outlet = ROLE_SUFFIX.matcher(part.strip()).replaceFirst("").strip();
          }
          continue;
        }
        allParts = false;
      }
      if (allParts && (outlet != null || !needsName)) {
        return Optional.of(
            new Dated(outlet == null || outlet.isEmpty() ? null : outlet, date.get()));
      }
    }
    return Optional.empty();
  }

  private static boolean isPersonName(String name) {
    String[] tokens = SPACES.split(name);
    if (tokens.length > 5) {
      return false;
    }
    int capitalised = 0;
    for (String token : tokens) {
      if (NAME_TOKEN.matcher(token).matches()) {
        capitalised++;
      } else if (!NAME_PARTICLES.contains(token.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return capitalised >= 1 && Dates.month(tokens[0]) < 0;
  }
}
