/**
 * Recurring talking points: sentences that come back, copied or paraphrased, in at least two
 * outlets, with the documents carrying each and where each appeared first. Repeated quotes of one
 * speaker are reported apart, grouped by speaker.
 *
 * <p>Candidates come from random-hyperplane LSH over the sentence embeddings (multi-probe, so the
 * search stays sub-quadratic), are confirmed by exact cosine plus overlap of content words and
 * entity names, and are grouped by a majority-link rule that stops one loose pair from chaining two
 * claims together. Entry point: {@link org.parallax.corpus.talkingpoints.TalkingPointFinder}.
 */
package org.parallax.corpus.talkingpoints;
