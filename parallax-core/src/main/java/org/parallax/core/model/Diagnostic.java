package org.parallax.core.model;

import java.util.List;

/**
 * A problem with one document that did not stop its analysis, e.g. a guessed encoding.
 *
 * @param stage the stage that noticed it
 * @param message what a user should know, in plain words
 */
public record Diagnostic(String stage, String message) {

  /** Warnings collected while a document was read and analysed. */
  public static final Layer<List<Diagnostic>> LAYER = Layer.listOf("diagnostics", Diagnostic.class);
}
