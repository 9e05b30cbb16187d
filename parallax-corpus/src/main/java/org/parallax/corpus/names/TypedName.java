package org.parallax.corpus.names;

/** A name together with its entity type: the same string may name a person and a place. */
public record TypedName(String type, String name) {}
