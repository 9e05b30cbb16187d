package org.parallax.corpus.article;

/**
 * A quote in an {@link Article}: the quoted or reported words and who said them.
 *
 * @param kind {@code direct} or {@code reported}
 * @param speaker the speaker's canonical name, or {@code null} when the text names nobody
 */
public record ArticleQuote(int begin, int end, String kind, String speaker) {}
