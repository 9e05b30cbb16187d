/**
 * Language identification with Lingua: one ISO 639-1 code per paragraph and for the document, or
 * {@code und} when there is nothing to judge. The detector is loaded once per process and shared.
 */
package org.parallax.nlp.lang;
