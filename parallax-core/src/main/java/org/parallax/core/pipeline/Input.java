package org.parallax.core.pipeline;

import org.parallax.core.model.Document;

/**
 * One input document not yet read: cheap to create, read on a worker thread.
 *
 * <p>Sources that hit a broken record while iterating (a truncated gzip, a malformed JSON line)
 * yield an input whose {@link #read()} throws, so the failure is reported for that record and the
 * batch carries on.
 */
public interface Input {

  /** The input's own id (record id, else file path). */
  String inputId();

  /** Where the input is, e.g. {@code dir/a.html} or {@code feed.jsonl#12}. */
  String origin();

  /**
   * Reads and cleans the input into a document with text, metadata and boilerplate layer.
   *
   * @throws InputException with a reason a user understands
   */
  Document read() throws InputException;
}
