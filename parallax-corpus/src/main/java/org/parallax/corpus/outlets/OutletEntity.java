package org.parallax.corpus.outlets;

import java.util.List;

/**
 * One of an outlet's most covered entities and how the outlet casts it.
 *
 * @param canonical the corpus-wide canonical name
 * @param type PERSON, ORGANIZATION, LOCATION or MISC (the type most of its mentions have)
 * @param mentions its mentions in the outlet's articles
 * @param articles the outlet's articles that mention it
 * @param casting the words the outlet uses near it (same sentence, within the window) more than the
 *     rest of the corpus does near the same entity, best first
 */
public record OutletEntity(
    String canonical, String type, int mentions, int articles, List<WordContrast> casting) {

  public OutletEntity {
    casting = List.copyOf(casting);
  }
}
