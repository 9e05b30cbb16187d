/**
 * The analyze job as a library: ingest, the annotator pipeline on all cores, the workspace, and the
 * corpus stages that run over the whole workspace afterwards.
 */
package org.parallax.app.analyze;
