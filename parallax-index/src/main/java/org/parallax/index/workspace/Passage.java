package org.parallax.index.workspace;

import java.util.List;

/**
 * A passage of an article where a search matches: its text and the spans of the matching words.
 *
 * @param text the passage as it stands in the article (whitespace runs kept)
 * @param matches {@code [begin, end)} of each matching word in {@code text}, in order, as Java
 *     {@code char} offsets
 */
public record Passage(String text, List<int[]> matches) {

  public Passage {
    matches = List.copyOf(matches);
  }
}
