package org.parallax.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.pipeline.InputException;

/**
 * Turns the raw content of one input into a {@link Document}: clean text, metadata and the {@link
 * Boilerplate#LAYER} (plus {@link Diagnostic#LAYER} when reading it raised warnings).
 *
 * <p>Metadata the input record states (title, authors, date, outlet) wins over what the page says
 * about itself. The document id is {@link Document#of}'s content hash of the clean text and URL.
 * The clean text is checked for signs of a wrong decoding ({@link TextQuality}), and must fit
 * {@link ExtractionLimits#maxTextChars()}.
 */
public final class Extractor {

  private Extractor() {}

  /** As {@link #fromText(Source, Metadata, String, List, ExtractionLimits)} with the defaults. */
  public static Document fromText(
      Source source, Metadata given, String text, List<Diagnostic> diagnostics)
      throws InputException {
    return fromText(source, given, text, diagnostics, ExtractionLimits.DEFAULTS);
  }

  /**
   * A document from scraped plain text.
   *
   * @param source where the input came from
   * @param given metadata stated by the input record, {@link Metadata#EMPTY} when none
   * @param text the raw text
   * @param diagnostics warnings from reading the input, e.g. a guessed encoding
   * @param limits bounds on the text's size
   * @throws InputException when no text is left once boilerplate is removed, or too much is
   */
  public static Document fromText(
      Source source,
      Metadata given,
      String text,
      List<Diagnostic> diagnostics,
      ExtractionLimits limits)
      throws InputException {
    return document(source, given, TextCleaner.clean(text, given.title()), diagnostics, limits);
  }

  /** As {@link #fromHtml(Source, Metadata, String, List, ExtractionLimits)} with the defaults. */
  public static Document fromHtml(
      Source source, Metadata given, String html, List<Diagnostic> diagnostics)
      throws InputException {
    return fromHtml(source, given, html, diagnostics, ExtractionLimits.DEFAULTS);
  }

  /**
   * A document from an HTML page; as {@link #fromText}, and the page's canonical URL becomes the
   * source URL when the input gave none. Markup nested deeper than {@link
   * ExtractionLimits#maxDepth()} is flattened to its text, with a diagnostic.
   */
  public static Document fromHtml(
      Source source,
      Metadata given,
      String html,
      List<Diagnostic> diagnostics,
      ExtractionLimits limits)
      throws InputException {
    return document(
        source,
        given,
        HtmlExtractor.extract(html, source.url(), limits.maxDepth()),
        diagnostics,
        limits);
  }

  private static Document document(
      Source source,
      Metadata given,
      Extracted extracted,
      List<Diagnostic> diagnostics,
      ExtractionLimits limits)
      throws InputException {
    if (extracted.text().isBlank()) {
      throw new InputException(
          extracted.boilerplate().isEmpty()
              ? "no text was found in it"
              : "no text is left once boilerplate ("
                  + extracted.boilerplate().size()
                  + " region(s)) is removed");
    }
    if (extracted.text().length() > limits.maxTextChars()) {
      throw new InputException(
          String.format(
              Locale.ROOT,
              "the text is %,d characters long, over the %,d-character limit"
                  + " (ingest.maxTextChars)",
              extracted.text().length(),
              limits.maxTextChars()));
    }
    Source located = source;
    if (source.url() == null && extracted.canonicalUrl() != null) {
      located =
          new Source(
              source.inputId(),
              source.origin(),
              extracted.canonicalUrl(),
              source.format(),
              source.fields());
    }
    List<Diagnostic> notes = new ArrayList<>(diagnostics);
    notes.addAll(extracted.diagnostics());
    notes.addAll(TextQuality.check(extracted.text()));
    Document document =
        Document.of(located, given.orElse(extracted.metadata()), extracted.text())
            .with(Boilerplate.LAYER, extracted.boilerplate());
    if (!notes.isEmpty()) {
      document = document.with(Diagnostic.LAYER, List.copyOf(notes));
    }
    return document;
  }
}
