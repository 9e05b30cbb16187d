package org.parallax.persuasion.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads SemEval-2023 Task 3 article-level data: subtask 1, the genre of a whole article (opinion,
 * reporting or satire), and subtask 2, its frames (several of 14): {@code
 * <lang>/<split>-articles-subtask-N/article<id>.txt} and, for train, {@code
 * <lang>/train-labels-subtask-N.txt} ({@code <id>\t<label>} or {@code <id>\t<label>,<label>,...}).
 * Texts are read raw and their {@code \r\n} made {@code \n}: article labels need no offsets.
 */
public final class SemEval2023Labels {

  /** The data's language folders and the ISO 639-1 codes the pipeline gives those languages. */
  public static final Map<String, String> LANGUAGES =
      Map.of("en", "en", "fr", "fr", "ge", "de", "it", "it", "po", "pl", "ru", "ru");

  private SemEval2023Labels() {}

  /**
   * One article with its genre.
   *
   * @param id the article id, from {@code article<id>.txt}
   * @param language the ISO 639-1 code of its language (folder {@code ge} is {@code de}, {@code po}
   *     is {@code pl})
   * @param text the file's text, {@code \r\n} made {@code \n}
   * @param genre {@code opinion}, {@code reporting} or {@code satire}; null when unlabelled
   */
  public record Article(String id, String language, String text, String label) {
    public Article {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(text, "text");
    }
  }

  /** {@link #labelled(Path, int)} for subtask 1, the genre. */
  public static List<Article> labelled(Path semevalDir) {
    return labelled(semevalDir, 1);
  }

  /**
   * The labelled train articles of subtask {@code subtask} (1 or 2) of every language folder under
   * {@code semevalDir} (the {@code semeval2023-task3} folder), in folder and id order; folders
   * without that subtask's labels are skipped.
   */
  public static List<Article> labelled(Path semevalDir, int subtask) {
    List<Article> all = new ArrayList<>();
    for (String folder : LANGUAGES.keySet().stream().sorted().toList()) {
      Path dir = semevalDir.resolve(folder);
      Path labels = dir.resolve("train-labels-subtask-" + subtask + ".txt");
      if (!Files.isRegularFile(labels)) {
        continue;
      }
      Map<String, String> labelOf = readLabels(labels);
      for (Article article :
          articles(dir.resolve("train-articles-subtask-" + subtask), LANGUAGES.get(folder))) {
        String label = labelOf.get(article.id());
        if (label != null) {
          all.add(new Article(article.id(), article.language(), article.text(), label));
        }
      }
    }
    return List.copyOf(all);
  }

  /** The articles ({@code article<id>.txt}) of a folder, unlabelled, sorted by id. */
  public static List<Article> articles(Path dir, String language) {
    List<Article> articles = new ArrayList<>();
    for (Path file : RawFiles.list(dir)) {
      String name = file.getFileName().toString();
      if (name.startsWith("article") && name.endsWith(".txt")) {
        String id = name.substring("article".length(), name.length() - ".txt".length());
        articles.add(new Article(id, language, RawFiles.read(file).replace("\r\n", "\n"), null));
      }
    }
    articles.sort(Comparator.comparing(Article::id, ArticleIds.ORDER));
    return articles;
  }

  /**
   * A subtask 1 or 2 label or prediction file: article id to its label field (a genre, or frames
   * joined by commas); malformed lines are errors.
   */
  public static Map<String, String> readLabels(Path file) {
    Map<String, String> labels = new HashMap<>();
    List<String> records = RawFiles.records(file);
    for (int i = 0; i < records.size(); i++) {
      String record = records.get(i);
      if (record.isBlank()) {
        continue;
      }
      String[] fields = record.split("\t");
      if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
        throw RawFiles.malformed(file, i + 1, "expected article_id<TAB>label(s)");
      }
      if (labels.put(fields[0].strip(), fields[1].strip()) != null) {
        throw RawFiles.malformed(file, i + 1, "article " + fields[0].strip() + " given twice");
      }
    }
    return labels;
  }
}
