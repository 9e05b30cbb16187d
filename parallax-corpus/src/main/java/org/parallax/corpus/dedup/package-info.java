/**
 * Near-duplicates and cross-posts: articles whose word 5-shingle sets overlap enough to be copies
 * of one another (full cross-posts, wire copies, light rewrites), found with MinHash and LSH
 * banding so the work grows with the number of articles, not its square. Candidates from LSH are
 * verified on the exact shingle sets; verified pairs are grouped, the earliest copy of each group
 * is named its original, and every other member carries a word-level diff against it. Entry point:
 * {@link org.parallax.corpus.dedup.DuplicateFinder#find}.
 */
package org.parallax.corpus.dedup;
