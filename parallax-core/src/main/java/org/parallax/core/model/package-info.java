/**
 * The document model: an immutable {@link org.parallax.core.model.Document} with typed {@link
 * org.parallax.core.model.Layer layers} of analysis over {@link org.parallax.core.model.Span spans}
 * of its clean text, and the {@link org.parallax.core.model.Outcome} of processing one input.
 */
package org.parallax.core.model;
