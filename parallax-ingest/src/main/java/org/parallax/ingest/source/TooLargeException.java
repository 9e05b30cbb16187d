package org.parallax.ingest.source;

import java.io.IOException;

/** Reading stopped because the input is over the size limit; {@link #size} is its full size. */
final class TooLargeException extends IOException {

  private static final long serialVersionUID = 1L;

  private final long size;

  TooLargeException(long size) {
    super("over the size limit");
    this.size = size;
  }

  long size() {
    return size;
  }
}
