package org.parallax.ingest.source;

import java.io.Closeable;
import org.parallax.core.pipeline.Input;

/**
 * A file that holds many records (JSONL lines, WARC records), read one at a time so a file of any
 * size fits in memory. A bad record becomes a failing input; a file that breaks ends the stream
 * with one failing input.
 */
interface RecordStream extends Closeable {

  /** The next input, or null when the stream is done. Never throws for bad data. */
  Input next();

  @Override
  void close();
}
