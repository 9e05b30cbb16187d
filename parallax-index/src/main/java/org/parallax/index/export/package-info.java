/**
 * Exports of a workspace for use outside Parallax: JSONL with one object per article, or CSV with
 * one row per article, every offset counted in Unicode code points of the exported text.
 *
 * <p>{@link org.parallax.index.export.Exporter} is the entry point; the record schema and the CSV
 * layout are documented in {@code docs/EXPORT.md}.
 */
package org.parallax.index.export;
