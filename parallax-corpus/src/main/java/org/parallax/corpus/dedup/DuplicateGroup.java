package org.parallax.corpus.dedup;

import java.util.List;

/**
 * Articles that are copies of one another, with the copy taken as the original.
 *
 * @param id stable id: {@code "dup-"} followed by the smallest member id
 * @param original id of the earliest known copy
 * @param originalBy {@code published} when the original is the earliest dated member, {@code
 *     input-order} when no member has a date and the first one seen was taken
 * @param members every member, the original first, then by publication date and input order
 */
public record DuplicateGroup(
    String id, String original, String originalBy, List<DuplicateMember> members) {

  public DuplicateGroup {
    members = List.copyOf(members);
  }
}
