/**
 * Annotators, pipelines checked when built, and the local executor that runs them on all cores
 * while keeping per-document failures out of the way of the batch.
 */
package org.parallax.core.pipeline;
