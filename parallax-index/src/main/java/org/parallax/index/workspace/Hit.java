package org.parallax.index.workspace;

/**
 * One article found by {@link Workspace#search}.
 *
 * @param id the document id, for {@link Workspace#get}
 * @param title the article's title, or {@code null} when it has none
 * @param outlet the outlet that published it, or {@code null} when unknown
 * @param score Lucene's relevance score; only comparable within one search
 */
public record Hit(String id, String title, String outlet, float score) {}
