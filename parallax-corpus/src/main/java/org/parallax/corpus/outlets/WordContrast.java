package org.parallax.corpus.outlets;

/**
 * A word one outlet uses more than the rest of the corpus, by the log-odds ratio with an
 * informative Dirichlet prior (Monroe, Colaresi and Quinn 2008).
 *
 * @param word the lower-cased word (or two words joined by a space when bigrams are on)
 * @param z δ divided by its standard deviation: how surely the outlet over-uses the word (above
 *     1.96 is the usual 95% bar)
 * @param delta the prior-smoothed log-odds ratio δ
 * @param count how often the outlet uses it (around the entity, for casting)
 * @param otherCount how often the rest of the corpus uses it (around the same entity, for casting)
 */
public record WordContrast(String word, double z, double delta, int count, int otherCount) {}
