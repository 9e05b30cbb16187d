package org.parallax.ingest.extract;

import java.util.List;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Metadata;

/**
 * The clean text of one page, what was removed from it and what it said about itself.
 *
 * @param text the body: paragraphs separated by one blank line, trimmed
 * @param metadata title, authors, date, outlet and language hint found in the page; fields the page
 *     does not state are null
 * @param boilerplate the removed regions, ordered by where they stood in {@code text}
 * @param canonicalUrl the page's canonical URL when it declares one, else null
 * @param diagnostics what extraction had to do to a page it could not take as it was, e.g. markup
 *     nested too deep flattened to its text
 */
public record Extracted(
    String text,
    Metadata metadata,
    List<Boilerplate> boilerplate,
    String canonicalUrl,
    List<Diagnostic> diagnostics) {

  public Extracted {
    boilerplate = List.copyOf(boilerplate);
    diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
  }

  /** An extraction that raised no diagnostics. */
  public Extracted(
      String text, Metadata metadata, List<Boilerplate> boilerplate, String canonicalUrl) {
    this(text, metadata, boilerplate, canonicalUrl, List.of());
  }
}
