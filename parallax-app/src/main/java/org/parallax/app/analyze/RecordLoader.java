package org.parallax.app.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.core.model.Outcome;
import org.parallax.index.workspace.Workspace;

/**
 * Puts documents analysed elsewhere (the Spark job's {@code analysed} output: one document per
 * line, in the workspace's own JSON form) into a workspace, without analysing them again. Files are
 * read line by line, gzipped ones too; folders recursively, skipping hidden files, Spark's {@code
 * _SUCCESS} markers and checksum files. A line that is no document is one failure; the rest go on.
 */
public final class RecordLoader {

  /**
   * What a load did.
   *
   * @param loaded documents put into the workspace
   * @param skipped documents the workspace already held (not replaced without {@code force})
   * @param failures lines that held no readable document, with their reasons
   */
  public record Result(long loaded, long skipped, List<Outcome.Failed> failures) {}

  private RecordLoader() {}

  /** Loads every line of the files under {@code paths} into {@code workspace}. */
  public static Result load(Workspace workspace, List<String> paths, boolean force)
      throws IOException {
    long loaded = 0;
    long skipped = 0;
    List<Outcome.Failed> failures = new ArrayList<>();
    for (Path file : files(paths)) {
      try (BufferedReader reader = open(file)) {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          String inputId = file.getFileName() + "#" + number;
          Document document;
          try {
            document = Json.read(line);
          } catch (RuntimeException e) {
            Outcome.Failed failed =
                new Outcome.Failed(
                    inputId,
                    file + "#" + number,
                    "load",
                    "not a document as the Spark job writes it with --analysed: " + e.getMessage());
            workspace.recordFailure(failed);
            failures.add(failed);
            continue;
          }
          if (!force && Analysis.alreadyIn(workspace, document)) {
            skipped++;
          } else {
            workspace.put(document);
            loaded++;
          }
        }
      } catch (IOException e) {
        Outcome.Failed failed =
            new Outcome.Failed(
                file.toString(), file.toString(), "load", "cannot read: " + e.getMessage());
        workspace.recordFailure(failed);
        failures.add(failed);
      }
    }
    workspace.commit();
    return new Result(loaded, skipped, List.copyOf(failures));
  }

  private static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** The files under {@code paths}, folders read recursively, in name order. */
  static List<Path> files(List<String> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String name : paths) {
      Path path = Path.of(name);
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile)
              .filter(RecordLoader::isData)
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IllegalArgumentException("no such file or folder: " + name);
      }
    }
    return files;
  }

  private static boolean isData(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".") && !name.startsWith("_") && !name.endsWith(".crc");
  }
}
