package org.parallax.core.pipeline;

/** An annotator failed on one document; the batch carries on without it. */
public final class AnnotationException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String stage;

  public AnnotationException(String stage, String message, Throwable cause) {
    super(message, cause);
    this.stage = stage;
  }

  /** The name of the annotator that failed. */
  public String stage() {
    return stage;
  }
}
