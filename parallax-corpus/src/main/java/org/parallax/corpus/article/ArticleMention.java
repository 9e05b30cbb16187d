package org.parallax.corpus.article;

/**
 * A named-entity mention of an {@link Article}.
 *
 * @param type PERSON, ORGANIZATION, LOCATION or MISC
 * @param canonical the corpus-wide canonical name
 */
public record ArticleMention(int begin, int end, String type, String canonical) {}
