/**
 * The official scoring rules of the persuasion tasks, reimplemented so that Parallax's figures can
 * be compared with published ones: span identification of SemEval-2020 Task 11 ({@link
 * org.parallax.persuasion.score.SiScorer}), its technique classification ({@link
 * org.parallax.persuasion.score.TcScorer}), and the multi-label paragraph scoring of SemEval-2023
 * Task 3 subtask 3 ({@link org.parallax.persuasion.score.MultiLabelScorer}).
 *
 * <p>Where a rule of the official scripts is surprising (a perfect F1 when there is nothing to find
 * and nothing found, labels outside the class list ignored), it is kept and documented, not fixed.
 */
package org.parallax.persuasion.score;
