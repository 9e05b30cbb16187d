package org.parallax.corpus.stories;

/**
 * An article of a {@link Story}.
 *
 * @param articleId the article (document) id
 * @param score its similarity to the story when it joined (1 for the article that opened it)
 */
public record StoryMember(String articleId, double score) {}
