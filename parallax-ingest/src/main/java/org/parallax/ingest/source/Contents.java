package org.parallax.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.pipeline.InputException;
import org.parallax.ingest.extract.ExtractionLimits;
import org.parallax.ingest.extract.Extractor;

/** The bytes of one whole input (a file, stdin) into a document, by what they turn out to be. */
final class Contents {

  private Contents() {}

  static Document read(
      byte[] bytes, String inputId, String origin, String name, ExtractionLimits limits)
      throws InputException {
    if (bytes.length == 0) {
      throw new InputException("the file is empty");
    }
    if (Sniffer.looksBinary(bytes)) {
      throw new InputException("this looks like a binary file, not text or HTML");
    }
    Decoding.Decoded decoded = Decoding.decode(bytes);
    String text = decoded.text();
    if (text.isBlank()) {
      throw new InputException("the file is empty (it holds only blank space)");
    }
    if (text.stripLeading().startsWith("{")) {
      // one pretty-printed JSON record rather than a JSONL file
      Optional<JsonNode> record = JsonRecords.tryParse(text);
      if (record.isPresent()) {
        String id = JsonRecords.id(record.get());
        return JsonRecords.read(
            record.get(),
            id != null ? id : inputId,
            origin,
            "json",
            "the record",
            decoded.diagnostics(),
            limits);
      }
    }
    if (Sniffer.looksLikeHtml(text, name)) {
      return Extractor.fromHtml(
          Source.of(inputId, origin, null, "html"),
          Metadata.EMPTY,
          text,
          decoded.diagnostics(),
          limits);
    }
    return Extractor.fromText(
        Source.of(inputId, origin, null, "txt"),
        Metadata.EMPTY,
        text,
        decoded.diagnostics(),
        limits);
  }
}
