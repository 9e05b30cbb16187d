package org.parallax.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.parallax.core.model.Document;
import org.parallax.core.model.Outcome;

/**
 * Writes the static HTML report: {@code index.html} with the corpus overview and {@code
 * articles/<id>.html} for each article, self-contained files that open from disk; with corpus
 * results also {@code stories/<id>.html}, {@code outlets/<name>.html}, {@code duplicates.html} and
 * {@code talking-points.html}.
 *
 * <p>Documents are read once, as a stream: each article page is written as soon as its document
 * arrives and only a short summary is kept for the overview. A document that cannot be rendered
 * (for example a stored layer that no longer reads back) is listed as a failed input with stage
 * {@code report}; the other pages are still written.
 */
public final class ReportWriter {

  /** Document ids that are safe as file names on every common file system, as they are. */
  private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

  private ReportWriter() {}

  /** Writes the report without corpus results: the overview and the article pages. */
  public static Path write(
      Iterable<Document> documents, List<Outcome.Failed> failures, Path outDir) {
    return write(documents, failures, CorpusResults.NONE, outDir);
  }

  /**
   * Writes the report into {@code outDir}, creating it when needed and replacing files of an
   * earlier report with the same names.
   *
   * @param documents the analysed documents; read once, in order
   * @param failures inputs that could not be analysed, shown with their stage and reason
   * @param corpus the stored corpus results; absent ones leave their pages out
   * @return the path of {@code index.html}
   * @throws UncheckedIOException when a file cannot be written
   */
  public static Path write(
      Iterable<Document> documents,
      List<Outcome.Failed> failures,
      CorpusResults corpus,
      Path outDir) {
    try {
      Files.createDirectories(outDir.resolve("articles"));
      ReportSite site =
          ReportSite.scan(
              documents,
              failures,
              corpus,
              (path, page) ->
                  Files.writeString(outDir.resolve(path), page, StandardCharsets.UTF_8));
      for (String path : site.corpusPaths()) {
        Path file = outDir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, site.corpusPage(path).orElseThrow(), StandardCharsets.UTF_8);
      }
      Path index = outDir.resolve("index.html");
      Files.writeString(index, site.index(), StandardCharsets.UTF_8);
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + outDir + ": " + e, e);
    }
  }

  /**
   * The page name for a document id: the id itself when it is plain, else a hash of it, so an id
   * such as {@code ../x} never escapes the folder; a repeated id gets a numbered name.
   */
  static String fileName(String id, Set<String> used) {
    String base = PLAIN_ID.matcher(id).matches() ? id : "doc-" + hashOf(id);
    String name = base;
    for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = base + "-" + n;
    }
    return name + ".html";
  }

  /** The first 16 hex digits of the SHA-256 of a value: a short name that reveals nothing odd. */
  static String hashOf(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
