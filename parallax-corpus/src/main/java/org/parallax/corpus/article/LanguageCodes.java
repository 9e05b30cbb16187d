package org.parallax.corpus.article;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Comma-separated lists of ISO 639-1 codes, as settings give them ("en", "en, de"). */
public final class LanguageCodes {

  private LanguageCodes() {}

  /** The list lower-cased without spaces; "" for {@code null}. */
  public static String normalised(String list) {
    return list == null ? "" : list.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
  }

  /** The codes of a {@link #normalised} list. */
  public static Set<String> set(String normalisedList) {
    return Arrays.stream(normalisedList.split(","))
        .filter(code -> !code.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
