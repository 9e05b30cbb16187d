package org.parallax.ingest.source;

import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where documents come from: files, directories and standard input, in plain text, HTML, JSONL,
 * WARC archives or RSS/Atom feeds, gzipped or not.
 *
 * <pre>{@code
 * try (SourceBatch batch = Sources.open(List.of("corpus/", "crawl.warc.gz"), IngestConfig.DEFAULTS)) {
 *   executor.run(batch.inputs(), batch.total(), pipeline, done, sink);
 *   batch.summaries().forEach(summary -> out.println(summary.describe()));
 * }
 * }</pre>
 *
 * <p>Formats are told apart by content, not by name: gzip by its magic bytes (then looked at
 * again), WARC by its {@code WARC/1.x} version line (one input per HTML response record), a feed by
 * its root element ({@code <rss>}, {@code <rdf:RDF>}, Atom's {@code <feed>}; one input per item),
 * JSONL when the first line is a JSON object, HTML by its doctype or tag density, else plain text.
 * Directories are walked recursively in name order, skipping hidden files and directories; {@code
 * -} is standard input. Nothing is ever fetched from the network.
 */
public final class Sources {

  private Sources() {}

  /** The inputs under {@code paths}; directories are listed now, files are read lazily. */
  public static SourceBatch open(List<String> paths, IngestConfig config) {
    return open(paths, config, () -> System.in);
  }

  static SourceBatch open(List<String> paths, IngestConfig config, Supplier<InputStream> stdin) {
    return new SourceBatch(Entries.expand(paths), config, stdin);
  }
}
