package org.parallax.core.model;

/** How one input ended: analysed, failed with a reason, or skipped because it was already done. */
public sealed interface Outcome {

  /** The input's id as the user knows it (record id or file path). */
  String inputId();

  /** The document was read and every annotator ran. */
  record Ok(Document document) implements Outcome {
    @Override
    public String inputId() {
      return document.source().inputId();
    }
  }

  /**
   * The document could not be read or analysed.
   *
   * @param origin where the input was, e.g. {@code dir/a.html} or {@code feed.jsonl#12}
   * @param stage the stage that failed: {@code ingest} or an annotator's name
   * @param reason what went wrong, in words a user understands
   */
  record Failed(String inputId, String origin, String stage, String reason) implements Outcome {}

  /** The workspace already holds this exact document, so it was not analysed again. */
  record Skipped(String inputId, String documentId) implements Outcome {}
}
