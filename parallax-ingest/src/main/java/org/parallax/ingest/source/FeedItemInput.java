package org.parallax.ingest.source;

import java.util.List;
import java.util.Map;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.pipeline.Input;
import org.parallax.core.pipeline.InputException;
import org.parallax.ingest.extract.ExtractionLimits;
import org.parallax.ingest.extract.Extractor;

/**
 * One feed item, taken out of the parsed feed; cleaning happens in {@link #read}, on a worker
 * thread.
 *
 * @param given the item's title, authors, date, the feed's title as outlet and its language
 * @param body the item's content or description
 * @param html whether {@code body} is markup, to be extracted as a page (format {@code html}), else
 *     plain text (format {@code txt})
 * @param fields kept in {@link Source#fields()}: {@code feed} (ROME's feed type, e.g. {@code
 *     rss_2.0}) and {@code updated} when the item has both dates
 */
record FeedItemInput(
    String inputId,
    String origin,
    String url,
    Metadata given,
    String body,
    boolean html,
    Map<String, Object> fields,
    ExtractionLimits limits)
    implements Input {

  @Override
  public Document read() throws InputException {
    Source source = new Source(inputId, origin, url, html ? "html" : "txt", fields);
    return html
        ? Extractor.fromHtml(source, given, body, List.of(), limits)
        : Extractor.fromText(source, given, body, List.of(), limits);
  }
}
