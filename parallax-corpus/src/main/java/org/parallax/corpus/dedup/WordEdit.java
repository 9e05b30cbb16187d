package org.parallax.corpus.dedup;

/**
 * One change a copy made to its original, in words.
 *
 * @param op {@code insert}, {@code delete} or {@code replace}
 * @param originalText the original's words that were removed or replaced (empty for insert), joined
 *     by single spaces
 * @param copyText the copy's words that were added or put in their place (empty for delete)
 * @param at index of the first affected word in the original (for insert: the word before which the
 *     copy's words stand)
 */
public record WordEdit(String op, String originalText, String copyText, int at) {}
