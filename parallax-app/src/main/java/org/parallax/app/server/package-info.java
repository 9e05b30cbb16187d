/**
 * {@code parallax serve}: a local web UI and REST API on a workspace. The web UI is the report's
 * pages, rendered from the same code on request, with a search of the articles (Lucene, with facet
 * filters) in every page's bar; the REST API answers JSON: the export records of documents, the
 * corpus results (stories, duplicates, talking points, recurring quotes, outlets), search and
 * facets. It binds to 127.0.0.1 unless told otherwise, reads the workspace only, and loads nothing
 * from elsewhere.
 */
package org.parallax.app.server;
