/**
 * Sources: turning the paths a user names into a stream of {@link org.parallax.core.pipeline.Input
 * inputs}.
 *
 * <p>{@link org.parallax.ingest.source.Sources#open} expands files, directories and {@code -}
 * (standard input) into a {@link org.parallax.ingest.source.SourceBatch}. Formats are sniffed from
 * the content: gzip by its magic bytes, JSONL (one record per line, streamed so a file of any size
 * fits in memory), HTML, or plain text. Bad input is data: an empty or binary file, a page over
 * {@link org.parallax.ingest.source.IngestConfig#maxBytes}, a malformed JSON line or a truncated
 * gzip stream each become one failed document with a reason in plain words, and the batch carries
 * on. Text that is not UTF-8 is read as windows-1252 and says so in a diagnostic.
 */
package org.parallax.ingest.source;
