package org.parallax.core.pipeline;

/** An input could not be read into a document; the message says why in plain words. */
public final class InputException extends Exception {

  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
