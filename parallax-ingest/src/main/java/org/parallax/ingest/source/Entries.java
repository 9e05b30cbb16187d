package org.parallax.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The paths a user named, expanded: directories walked recursively, sorted, hidden ones skipped.
 */
final class Entries {

  /**
   * One thing to read: a file ({@code path}), stdin (no path) or a path that cannot be read ({@code
   * problem} says why).
   */
  record Entry(String label, Path path, String problem) {}

  static final String STDIN = "-";

  private Entries() {}

  static List<Entry> expand(List<String> paths) {
    List<Entry> entries = new ArrayList<>();
    Set<Path> visited = new HashSet<>();
    for (String name : paths) {
      if (name.equals(STDIN)) {
        entries.add(new Entry("stdin", null, null));
        continue;
      }
      Path path = Path.of(name);
      if (Files.isDirectory(path)) {
        walk(path, entries, visited);
      } else if (Files.isRegularFile(path)) {
        entries.add(new Entry(path.toString(), path, null));
      } else if (Files.exists(path)) {
        entries.add(new Entry(name, null, "this is not a regular file or a directory"));
      } else {
        entries.add(new Entry(name, null, "no such file or directory"));
      }
    }
    return List.copyOf(entries);
  }

  /**
   * Whether a file's name says it holds many records (JSONL, a WARC archive, a feed), so its count
   * is not known cheaply.
   */
  static boolean isRecordFile(Entry entry) {
    if (entry.path() == null) {
      return entry.problem() == null; // stdin
    }
    String name = entry.path().getFileName().toString().toLowerCase(Locale.ROOT);
    return name.matches(".*\\.(jsonl|ndjson|jsonlines|warc|rss|atom|rdf|xml|feed)(\\.gz)?$");
  }

  private static void walk(Path dir, List<Entry> entries, Set<Path> visited) {
    try {
      if (!visited.add(dir.toRealPath())) {
        return; // a link back to a directory already walked
      }
    } catch (IOException e) {
      entries.add(
          new Entry(dir.toString(), null, "the directory cannot be read: " + e.getMessage()));
      return;
    }
    List<Path> children;
    try (Stream<Path> listing = Files.list(dir)) {
      children =
          listing
              .filter(child -> !child.getFileName().toString().startsWith("."))
              .sorted(Comparator.comparing(child -> child.getFileName().toString()))
              .toList();
    } catch (IOException e) {
      entries.add(
          new Entry(dir.toString(), null, "the directory cannot be read: " + e.getMessage()));
      return;
    }
    for (Path child : children) {
      if (Files.isDirectory(child)) {
        walk(child, entries, visited);
      } else if (Files.isRegularFile(child)) {
        entries.add(new Entry(child.toString(), child, null));
      }
    }
  }
}
