/**
 * The workspace: a directory holding a Lucene index with one Lucene document per article
 * (searchable fields, facets and the full analysis as compressed stored JSON), the failures of
 * inputs that could not be analysed, and named corpus results.
 *
 * <p>{@link org.parallax.index.workspace.Workspace} is the only entry point. Writes are committed
 * in batches, so a run that is killed keeps everything up to its last commit, and re-running it
 * replaces articles by id instead of adding copies. Only one process may write a workspace at a
 * time; the Lucene write lock enforces it.
 */
package org.parallax.index.workspace;
