/**
 * Stories: articles about one event grouped across outlets and languages. Articles meet through
 * their document embeddings, through the names they share (canonical entity names and, for articles
 * the English NER cannot read, name-like words of the text, all transliterated to Latin and reduced
 * to a spelling- and script-insensitive consonant key) weighted by rarity, and through their
 * publication dates. {@link org.parallax.corpus.stories.StoryClusterer} is the entry point; it
 * keeps a compact, JSON-serialisable {@link org.parallax.corpus.stories.StoryState} so that new
 * articles join existing stories without recomputing the corpus.
 */
package org.parallax.corpus.stories;
