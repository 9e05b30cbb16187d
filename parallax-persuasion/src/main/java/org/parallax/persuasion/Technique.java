package org.parallax.persuasion;

/**
 * One persuasion technique as Parallax names and explains it to readers.
 *
 * <p>The id is spelled exactly as in the dataset label files, so predictions can be written in the
 * official formats without a mapping; the label and the definition are ours, written for a reader
 * who has never heard of the technique.
 *
 * @param id name as in the label files, e.g. {@code Loaded_Language}
 * @param label short display name, e.g. {@code Loaded language}
 * @param definition one plain sentence saying what the technique does
 * @param family the SemEval-2023 group it belongs to, e.g. {@code Manipulative wording}
 */
public record Technique(String id, String label, String definition, String family) {

  public Technique {
    requireText(id, "id");
    requireText(label, "label of " + id);
    requireText(definition, "definition of " + id);
    requireText(family, "family of " + id);
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("technique " + what + " is missing");
    }
  }
}
