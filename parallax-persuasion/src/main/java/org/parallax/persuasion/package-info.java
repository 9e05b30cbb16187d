/**
 * Persuasion techniques: the catalogue of technique names and plain-language definitions used by
 * the SemEval-2020 Task 11 (Propaganda Techniques Corpus) and SemEval-2023 Task 3 datasets, their
 * readers ({@code data}), the official scoring rules ({@code score}), and the models that detect
 * techniques in text.
 *
 * <p>Entry point to the catalogue: {@link org.parallax.persuasion.Techniques}.
 */
package org.parallax.persuasion;
