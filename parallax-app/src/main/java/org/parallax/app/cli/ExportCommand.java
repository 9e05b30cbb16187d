package org.parallax.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.parallax.app.analyze.CorpusStages;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.index.export.Exporter;
import org.parallax.index.export.Format;
import org.parallax.index.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parallax export}: one record per document, or the corpus results, as JSONL or CSV. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes every analysed document as a JSONL or CSV record (schema: docs/EXPORT.md),",
      "or with --what a corpus result as JSONL: duplicates, outlets, stories, talking-points,",
      "recurring-quotes."
    })
final class ExportCommand implements Callable<Integer> {

  /** What to export. */
  enum What {
    documents,
    duplicates,
    outlets,
    stories,
    talking_points,
    recurring_quotes;

    static What parse(String value) {
      return What.valueOf(value.replace('-', '_'));
    }
  }

  @Mixin WorkspaceOption workspace;

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      description = "jsonl or csv (default: ${DEFAULT-VALUE}); corpus results are JSONL only.")
  Format format;

  @Option(
      names = "--what",
      defaultValue = "documents",
      converter = WhatConverter.class,
      description = "documents (default), duplicates, outlets, stories or talking-points.")
  What what;

  @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: stdout).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path dir = workspace.existing();
    if (what != What.documents && format != Format.JSONL) {
      throw new UsageException("corpus results (--what " + what + ") are exported as jsonl only");
    }
    try (Workspace ws = Workspace.open(dir)) {
      long count;
      if (out == null) {
        Writer writer =
            new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        count = write(ws, writer);
        writer.flush();
      } else {
        if (out.toAbsolutePath().getParent() != null) {
          Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
          count = write(ws, writer);
        }
        System.err.println(
            "exported " + count + " " + what.name().replace('_', '-') + " records to " + out);
      }
    }
    return ExitCodes.OK;
  }

  private long write(Workspace ws, Writer writer) throws Exception {
    if (what == What.documents) {
      Map<String, Map<String, String>> corpusFields = CorpusStages.documentFields(ws);
      Exporter exporter =
          Exporter.standard()
              .withCorpusFields(
                  CorpusStages.DOCUMENT_FIELDS, id -> corpusFields.getOrDefault(id, Map.of()));
      try (Stream<Document> documents = ws.documents()) {
        return exporter.write(documents, format, writer);
      }
    }
    List<JsonNode> records;
    try {
      records = CorpusStages.records(ws, what.name().replace('_', '-'));
    } catch (IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
    for (JsonNode record : records) {
      writer.write(Json.MAPPER.writeValueAsString(record));
      writer.write('\n');
    }
    return records.size();
  }

  /** Accepts {@code talking-points} as well as the enum's own spelling. */
  static final class WhatConverter implements picocli.CommandLine.ITypeConverter<What> {
    @Override
    public What convert(String value) {
      return What.parse(value);
    }
  }
}
