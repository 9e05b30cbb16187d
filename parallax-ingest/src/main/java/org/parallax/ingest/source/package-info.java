/**
 * Sources: turning the paths a user names into a stream of {@link org.parallax.core.pipeline.Input
 * inputs}.
 *
 * <p>{@link org.parallax.ingest.source.Sources#open} expands files, directories and {@code -}
 * (standard input) into a {@link org.parallax.ingest.source.SourceBatch}. Formats are sniffed from
 * the content: gzip by its magic bytes; WARC archives (streamed record by record with jwarc, one
 * document per HTML response, every other record skipped and counted in a {@link
 * org.parallax.ingest.source.SourceSummary}); RSS and Atom feeds (parsed with ROME on an XML parser
 * that never fetches DTDs or entities, one document per item); JSONL (one record per line, streamed
 * so a file of any size fits in memory); HTML; or plain text.
 *
 * <p>Bad input is data: an empty or binary file, a page over {@link
 * org.parallax.ingest.source.IngestConfig#maxBytes}, a malformed JSON line, a feed that is not
 * well-formed, a truncated gzip stream or WARC archive each become one failed document with a
 * reason in plain words, and the batch carries on. Text is decoded by byte-order mark, valid UTF-8,
 * declared charset (HTTP header, {@code <meta>}, XML declaration) or ICU detection, and says so in
 * a diagnostic when it had to guess; text still showing mojibake or replacement characters gets a
 * diagnostic too. The limits in {@link org.parallax.ingest.source.IngestConfig} keep a hostile page
 * from exhausting memory, the stack or a worker's time.
 */
package org.parallax.ingest.source;
