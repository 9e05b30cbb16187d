package org.parallax.index.workspace;

/**
 * How many articles carry one facet value, e.g. outlet "The Ledger" in 12 articles.
 *
 * @param value the facet value: an outlet, a language code, a canonical entity name or a {@code
 *     yyyy-MM} month
 * @param count the number of articles with that value
 */
public record Count(String value, long count) {}
