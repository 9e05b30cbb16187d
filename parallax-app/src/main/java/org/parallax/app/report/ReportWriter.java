package org.parallax.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  private static final String STYLESHEET = "report.css";

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
      Path articles = outDir.resolve("articles");
      Files.createDirectories(articles);
      String css = stylesheet();
      CorpusIndex corpusIndex = new CorpusIndex(corpus);
      Overview overview = new Overview(failures == null ? List.of() : failures, corpusIndex);
      // Small summaries for the corpus pages, and the words of each duplicate group's original,
      // which the diffs are drawn over; everything else is dropped once its page is written.
      Map<String, ArticleRef> refs = new HashMap<>();
      Map<String, DuplicatesPage.OriginalText> originalWords = new HashMap<>();
      Set<String> usedNames = new HashSet<>();
      for (Document document : documents) {
        String page;
        ArticleView view;
        String fileName = fileName(document.id(), usedNames);
        try {
          view = ArticleView.of(document);
          page = ArticlePage.render(view, css, corpusIndex);
        } catch (RuntimeException e) {
          overview.failed(
              new Outcome.Failed(
                  document.source().inputId(),
                  document.source().origin(),
                  "report",
                  "could not render the article page: " + e.getMessage()));
          continue;
        }
        Files.writeString(articles.resolve(fileName), page, StandardCharsets.UTF_8);
        overview.add(view, "articles/" + fileName);
        String id = document.id();
        refs.putIfAbsent(
            id, ArticleRef.of(view, "articles/" + fileName, corpusIndex.storyOf(id) != null));
        if (corpusIndex.isOriginal(id)) {
          originalWords.putIfAbsent(id, DuplicatesPage.OriginalText.of(document.text()));
        }
      }
      writeCorpusPages(outDir, corpusIndex, refs, originalWords, css);
      Path index = outDir.resolve("index.html");
      try (Writer out = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
        overview.write(out, css);
      }
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + outDir + ": " + e, e);
    }
  }

  private static void writeCorpusPages(
      Path outDir,
      CorpusIndex index,
      Map<String, ArticleRef> refs,
      Map<String, DuplicatesPage.OriginalText> originalWords,
      String css)
      throws IOException {
    if (!index.stories().isEmpty()) {
      Path dir = outDir.resolve("stories");
      Files.createDirectories(dir);
      for (JsonNode story : index.stories()) {
        String name = index.storyPage(CorpusIndex.text(story, "id"));
        if (name != null) {
          Files.writeString(
              dir.resolve(name), StoryPage.render(story, refs, index, css), StandardCharsets.UTF_8);
        }
      }
    }
    if (!index.profiles().isEmpty()) {
      Path dir = outDir.resolve("outlets");
      Files.createDirectories(dir);
      Map<String, List<ArticleRef>> byOutlet = new HashMap<>();
      List<ArticleRef> sorted = new ArrayList<>(refs.values());
      sorted.sort(
          Comparator.comparing(
                  ArticleRef::published, Comparator.nullsLast(Comparator.naturalOrder()))
              .thenComparing(ArticleRef::title));
      for (ArticleRef ref : sorted) {
        byOutlet.computeIfAbsent(ref.outlet(), k -> new ArrayList<>()).add(ref);
      }
      for (JsonNode profile : index.profiles()) {
        String outlet = CorpusIndex.text(profile, "outlet");
        String name = index.outletPage(outlet);
        if (name != null && index.profileOf(outlet) == profile) {
          Files.writeString(
              dir.resolve(name),
              OutletPage.render(profile, byOutlet.getOrDefault(outlet, List.of()), index, css),
              StandardCharsets.UTF_8);
        }
      }
    }
    if (index.hasDuplicates()) {
      Files.writeString(
          outDir.resolve("duplicates.html"),
          DuplicatesPage.render(index, refs, originalWords, css),
          StandardCharsets.UTF_8);
    }
    if (index.hasTalkingPoints()) {
      Files.writeString(
          outDir.resolve("talking-points.html"),
          TalkingPointsPage.render(index, refs, css),
          StandardCharsets.UTF_8);
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

  private static String stylesheet() throws IOException {
    try (InputStream in = ReportWriter.class.getResourceAsStream(STYLESHEET)) {
      if (in == null) {
        throw new IllegalStateException("the report stylesheet is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
