package org.parallax.ingest.source;

import org.parallax.core.model.Document;
import org.parallax.core.pipeline.Input;
import org.parallax.core.pipeline.InputException;

/** An input already known to be broken; reading it reports why, so the batch carries on. */
record FailedInput(String inputId, String origin, String reason) implements Input {

  @Override
  public Document read() throws InputException {
    throw new InputException(reason);
  }
}
