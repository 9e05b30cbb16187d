package org.parallax.corpus.dedup;

/**
 * Two articles verified as copies of one another, {@code a} &lt; {@code b} by id.
 *
 * @param jaccard exact Jaccard similarity of their word-shingle sets
 * @param containment share of the smaller set found in the larger one
 */
public record DuplicatePair(String a, String b, double jaccard, double containment) {}
