package org.parallax.core.model;

import java.util.List;

/**
 * What a document says about itself: title, authors, dates and outlet.
 *
 * <p>Values come from the input record when it has them, otherwise from the page (title lines,
 * bylines, dates, signatures). Dates are ISO-8601 strings: {@code 2020-01-06}, or a local
 * date-time, or with an offset when the time zone is known.
 */
public record Metadata(
    String title, List<String> authors, String published, String outlet, String languageHint) {

  public static final Metadata EMPTY = new Metadata(null, List.of(), null, null, null);

  public Metadata {
    authors = authors == null ? List.of() : List.copyOf(authors);
  }

  public Metadata withTitle(String value) {
    return new Metadata(value, authors, published, outlet, languageHint);
  }

  public Metadata withAuthors(List<String> value) {
    return new Metadata(title, value, published, outlet, languageHint);
  }

  public Metadata withPublished(String value) {
    return new Metadata(title, authors, value, outlet, languageHint);
  }

  public Metadata withOutlet(String value) {
    return new Metadata(title, authors, published, value, languageHint);
  }

  public Metadata withLanguageHint(String value) {
    return new Metadata(title, authors, published, outlet, value);
  }

  /** Fills every empty field of this from {@code fallback}. */
  public Metadata orElse(Metadata fallback) {
    return new Metadata(
        title != null ? title : fallback.title,
        !authors.isEmpty() ? authors : fallback.authors,
        published != null ? published : fallback.published,
        outlet != null ? outlet : fallback.outlet,
        languageHint != null ? languageHint : fallback.languageHint);
  }
}
