package org.parallax.ingest.source;

import java.util.Map;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.pipeline.Input;
import org.parallax.core.pipeline.InputException;
import org.parallax.ingest.extract.ExtractionLimits;
import org.parallax.ingest.extract.Extractor;

/**
 * One HTML page from a WARC response record, its payload already read (the archive moves on);
 * decoding and extraction happen in {@link #read}, on a worker thread.
 *
 * @param url the record's {@code WARC-Target-URI}
 * @param fields kept in {@link Source#fields()}: {@code fetched} (the {@code WARC-Date}, ISO-8601)
 *     and {@code warcRecordId}
 * @param payload the HTTP body, with any {@code Content-Encoding} undone
 * @param charset the charset the HTTP {@code Content-Type} header declares, or null
 */
record WarcPageInput(
    String inputId,
    String origin,
    String url,
    Map<String, Object> fields,
    byte[] payload,
    String charset,
    ExtractionLimits limits)
    implements Input {

  @Override
  public Document read() throws InputException {
    if (payload.length == 0) {
      throw new InputException("the page is empty (the response has no body)");
    }
    if (Sniffer.looksBinary(payload)) {
      throw new InputException("the response is labelled HTML but holds binary data");
    }
    Decoding.Decoded decoded = Decoding.decode(payload, charset);
    return Extractor.fromHtml(
        new Source(inputId, origin, url, "html", fields),
        Metadata.EMPTY,
        decoded.text(),
        decoded.diagnostics(),
        limits);
  }

  @Override
  public String toString() {
    return "Input[" + origin + " " + url + "]";
  }
}
