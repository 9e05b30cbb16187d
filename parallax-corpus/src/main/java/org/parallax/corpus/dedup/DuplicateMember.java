package org.parallax.corpus.dedup;

import java.util.List;

/**
 * One article of a {@link DuplicateGroup}, compared with the group's original.
 *
 * @param id the article id
 * @param outlet its outlet, or {@code null}
 * @param published its publication date as the article states it, or {@code null}
 * @param similarity exact Jaccard similarity of its shingles with the original's (1 for the
 *     original itself)
 * @param containment share of the smaller of the two shingle sets found in the other
 * @param edits what this copy changed, in the original's word order (empty for the original)
 * @param editsOmitted how many more edits there were beyond the listed ones; when the diff gave up
 *     on two very different texts, the differing middle is one {@code replace} and this counts 0
 */
public record DuplicateMember(
    String id,
    String outlet,
    String published,
    double similarity,
    double containment,
    List<WordEdit> edits,
    int editsOmitted) {

  public DuplicateMember {
    edits = List.copyOf(edits);
  }
}
