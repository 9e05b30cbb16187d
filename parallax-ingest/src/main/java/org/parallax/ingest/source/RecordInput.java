package org.parallax.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.pipeline.Input;
import org.parallax.core.pipeline.InputException;
import org.parallax.ingest.extract.ExtractionLimits;

/** One parsed JSONL record; cleaning happens in {@link #read}, on a worker thread. */
record RecordInput(
    String inputId,
    String origin,
    JsonNode record,
    String where,
    List<Diagnostic> diagnostics,
    ExtractionLimits limits)
    implements Input {

  @Override
  public Document read() throws InputException {
    return JsonRecords.read(record, inputId, origin, "jsonl", where, diagnostics, limits);
  }
}
