package org.parallax.persuasion.score;

/**
 * Span identification scores of SemEval-2020 Task 11, with partial credit for partial overlap.
 *
 * @param precision mean share of each (merged) predicted span that lies on gold spans
 * @param recall mean share of each (merged) gold span that is covered by predicted spans
 * @param f1 harmonic mean of the two
 */
public record SiScore(double precision, double recall, double f1) {}
