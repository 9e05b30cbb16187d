package org.parallax.ingest.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats news sites print into ISO-8601 strings.
 *
 * <p>A whole string must be a date (with an optional time): {@code "January 16, 2020"} gives {@code
 * 2020-01-16}, {@code "1/3/2020, 8:32:10 PM"} gives {@code 2020-01-03T20:32:10}, {@code
 * "2020-01-16T10:00:00+01:00"} keeps its offset. Month names are read in English, German, French,
 * Spanish and Italian. Slashed dates are month first (US) unless the first number cannot be a
 * month; dotted dates are day first (European). Anything else, including a month without a day,
 * gives empty: a guess would be worse than no date.
 */
public final class Dates {

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter OFFSET =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private static final Map<String, Integer> MONTHS = months();

  private static final Set<String> WEEKDAYS =
      Set.of(
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "mon",
          "tue",
          "tues",
          "wed",
          "thu",
          "thur",
          "thurs",
          "fri",
          "sat",
          "sun",
          "montag",
          "dienstag",
          "mittwoch",
          "donnerstag",
          "freitag",
          "samstag",
          "sonnabend",
          "sonntag",
          "mo",
          "di",
          "mi",
          "do",
          "fr",
          "sa",
          "so",
          "lundi",
          "mardi",
          "mercredi",
          "jeudi",
          "vendredi",
          "samedi",
          "dimanche",
          "lunes",
          "martes",
          "miércoles",
          "miercoles",
          "jueves",
          "viernes",
          "sábado",
          "sabado",
          "domingo",
          "lunedì",
          "lunedi",
          "martedì",
          "martedi",
          "mercoledì",
          "mercoledi",
          "giovedì",
          "giovedi",
          "venerdì",
          "venerdi",
          "sabato",
          "domenica");

  private static final String TIME =
      "(\\d{1,2})[:h.](\\d{2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(?:uhr|h)?"
          + "(?:\\s*(utc|gmt|z|[+-]\\d{2}:?\\d{2}))?";
  private static final String TIME_LEAD =
      "(?:,?\\s+(?:at\\s+|um\\s+|à\\s+|a las\\s+|alle\\s+|-\\s+)?";

  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*"
              + "(z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME_LEAD + TIME + ")?");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "(\\d{1,2})(?:\\.|st|nd|rd|th|er|º|°)?\\s+(?:de\\s+)?(\\p{L}+)\\.?,?\\s+(?:de\\s+|del\\s+)?"
              + "(\\d{4})"
              + TIME_LEAD
              + TIME
              + ")?");
  private static final Pattern SLASHED =
      Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})" + TIME_LEAD + TIME + ")?");
  private static final Pattern DOTTED =
      Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})" + TIME_LEAD + TIME + ")?");
  private static final Pattern YEAR_SLASHED = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
  private static final Pattern LEADING_WORD = Pattern.compile("^(\\p{L}+)\\.?,?\\s+(.*)$");
  private static final Pattern MONTH_YEAR = Pattern.compile("(\\p{L}+)\\.?,?\\s+(\\d{4})");

  private Dates() {}

  /** The ISO-8601 form of {@code text} when the whole of it is a date, else empty. */
  public static Optional<String> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = SPACES.matcher(text.strip().replace('\u00a0', ' ')).replaceAll(" ");
    if (value.isEmpty() || value.length() > 80) {
      return Optional.empty();
    }
    Optional<String> rfc = rfc1123(value);
    if (rfc.isPresent()) {
      return rfc;
    }
    value = value.toLowerCase(Locale.ROOT);
    if (value.endsWith(".") && !value.endsWith("a.m.") && !value.endsWith("p.m.")) {
      value = value.substring(0, value.length() - 1);
    }
    value = stripWeekday(value);
    if (value.startsWith("le ")) {
      value = value.substring(3);
    }
    try {
      return Optional.ofNullable(parseNormalised(value));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code text} is only a month and a year, e.g. {@code MARCH 2021}: no day, no date. */
  static boolean isMonthYear(String text) {
    Matcher m = MONTH_YEAR.matcher(text.strip().toLowerCase(Locale.ROOT));
    return m.matches() && MONTHS.containsKey(m.group(1)) && plausibleYear(m.group(2));
  }

  /** The month number of a month name or abbreviation in one of the known languages, else -1. */
  static int month(String name) {
    return MONTHS.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
  }

  private static String parseNormalised(String value) {
    Matcher m = ISO.matcher(value);
    if (m.matches()) {
      LocalDate date = date(m.group(1), m.group(2), m.group(3));
      if (m.group(4) == null) {
        return date.toString();
      }
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      LocalDateTime time =
          date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), second);
      return withZone(time, m.group(7));
    }
    m = MONTH_DAY_YEAR.matcher(value);
    if (m.matches() && MONTHS.containsKey(m.group(1))) {
      LocalDate date = LocalDate.of(year(m.group(3)), MONTHS.get(m.group(1)), day(m.group(2)));
      return withTime(date, m, 4);
    }
    m = DAY_MONTH_YEAR.matcher(value);
    if (m.matches() && MONTHS.containsKey(m.group(2))) {
      LocalDate date = LocalDate.of(year(m.group(3)), MONTHS.get(m.group(2)), day(m.group(1)));
      return withTime(date, m, 4);
    }
    m = SLASHED.matcher(value);
    if (m.matches()) {
      int first = Integer.parseInt(m.group(1));
      int second = Integer.parseInt(m.group(2));
      // US order unless the first number cannot be a month
      LocalDate date =
          first > 12
              ? LocalDate.of(year(m.group(3)), second, first)
              : LocalDate.of(year(m.group(3)), first, second);
      return withTime(date, m, 4);
    }
    m = DOTTED.matcher(value);
    if (m.matches()) {
      LocalDate date =
          LocalDate.of(
              year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
      return withTime(date, m, 4);
    }
    m = YEAR_SLASHED.matcher(value);
    if (m.matches()) {
      return date(m.group(1), m.group(2), m.group(3)).toString();
    }
    return null;
  }

  private static String withTime(LocalDate date, Matcher m, int firstTimeGroup) {
    String hourText = m.group(firstTimeGroup);
    if (hourText == null) {
      return date.toString();
    }
    int hour = Integer.parseInt(hourText);
    int minute = Integer.parseInt(m.group(firstTimeGroup + 1));
    String secondText = m.group(firstTimeGroup + 2);
    int second = secondText == null ? 0 : Integer.parseInt(secondText);
    String meridiem = m.group(firstTimeGroup + 3);
    if (meridiem != null) {
      if (hour < 1 || hour > 12) {
        throw new DateTimeException("bad 12-hour clock hour " + hour);
      }
      boolean pm = meridiem.startsWith("p");
      hour = hour % 12 + (pm ? 12 : 0);
    }
    return withZone(date.atTime(hour, minute, second), m.group(firstTimeGroup + 4));
  }

  private static String withZone(LocalDateTime time, String zone) {
    if (zone == null) {
      return LOCAL.format(time);
    }
    ZoneOffset offset;
    if (zone.equals("z") || zone.equals("utc") || zone.equals("gmt")) {
      offset = ZoneOffset.UTC;
    } else {
      String digits = zone.replace(":", "");
      offset = ZoneOffset.of(digits.substring(0, 3) + ":" + digits.substring(3));
    }
    return OFFSET.format(OffsetDateTime.of(time, offset));
  }

  private static Optional<String> rfc1123(String value) {
    if (!value.matches("(?i)(\\p{L}{3}, )?\\d{1,2} \\p{L}{3} \\d{4} \\d{2}:\\d{2}(:\\d{2})? .+")) {
      return Optional.empty();
    }
    try {
      ZonedDateTime parsed = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      return Optional.of(OFFSET.format(parsed.toOffsetDateTime()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String stripWeekday(String value) {
    Matcher m = LEADING_WORD.matcher(value);
    if (m.matches() && WEEKDAYS.contains(m.group(1)) && !MONTHS.containsKey(m.group(1))) {
      return m.group(2);
    }
    return value;
  }

  private static LocalDate date(String year, String month, String day) {
    return LocalDate.of(year(year), Integer.parseInt(month), Integer.parseInt(day));
  }

  private static int year(String text) {
    if (!plausibleYear(text)) {
      throw new DateTimeException("implausible year " + text);
    }
    return Integer.parseInt(text);
  }

  private static boolean plausibleYear(String text) {
    int year = Integer.parseInt(text);
    return year >= 1800 && year <= 2199;
  }

  private static int day(String text) {
    return Integer.parseInt(text);
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> months = new HashMap<>();
    String[][] names = {
      // English, German, French, Spanish, Italian; full names and common abbreviations
      {"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen"},
      {
        "february",
        "feb",
        "febr",
        "februar",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "febrero",
        "febbraio"
      },
      {"march", "mar", "märz", "maerz", "mär", "mars", "marzo"},
      {"april", "apr", "avril", "avr", "abril", "abr", "aprile"},
      {"may", "mai", "mayo", "maggio", "mag"},
      {"june", "jun", "juni", "juin", "junio", "giugno", "giu"},
      {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug"},
      {"august", "aug", "août", "aout", "agosto", "ago"},
      {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set"},
      {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott"},
      {"november", "nov", "novembre", "noviembre"},
      {
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre"
      }
    };
    for (int i = 0; i < 12; i++) {
      for (String name : names[i]) {
        months.put(name, i + 1);
      }
    }
    return Map.copyOf(months);
  }
}
