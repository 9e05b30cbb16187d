package org.parallax.index.workspace;

/** A workspace cannot be opened or used: locked by another process, unreadable, or broken. */
public final class WorkspaceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  WorkspaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
