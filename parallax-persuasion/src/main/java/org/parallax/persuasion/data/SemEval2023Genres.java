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
 * Reads SemEval-2023 Task 3 subtask 1 data (the genre of a whole article: opinion, reporting or
 * satire): {@code <lang>/<split>-articles-subtask-1/article<id>.txt} and, for train, {@code
 * <lang>/train-labels-subtask-1.txt} ({@code <id>\t<label>}). Texts are read raw and their {@code
 * \r\n} made {@code \n}: the genre needs no offsets.
 */
public final class SemEval2023Genres {

  /** The data's language folders and the ISO 639-1 codes the pipeline gives those languages. */
  public static final Map<String, String> LANGUAGES =
      Map.of("en", "en", "fr", "fr", "ge", "de", "it", "it", "po", "pl", "ru", "ru");

  private SemEval2023Genres() {}

  /**
   * One article with its genre.
   *
   * @param id the article id, from {@code article<id>.txt}
   * @param language the ISO 639-1 code of its language (folder {@code ge} is {@code de}, {@code po}
   *     is {@code pl})
   * @param text the file's text, {@code \r\n} made {@code \n}
   * @param genre {@code opinion}, {@code reporting} or {@code satire}; null when unlabelled
   */
  public record Article(String id, String language, String text, String genre) {
    public Article {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * The labelled train articles of every language folder under {@code semevalDir} (the {@code
   * semeval2023-task3} folder), in folder and id order; folders without subtask 1 labels are
   * skipped.
   */
  public static List<Article> labelled(Path semevalDir) {
    List<Article> all = new ArrayList<>();
    for (String folder : LANGUAGES.keySet().stream().sorted().toList()) {
      Path dir = semevalDir.resolve(folder);
      Path labels = dir.resolve("train-labels-subtask-1.txt");
      if (!Files.isRegularFile(labels)) {
        continue;
      }
      Map<String, String> genreOf = readLabels(labels);
      for (Article article :
          articles(dir.resolve("train-articles-subtask-1"), LANGUAGES.get(folder))) {
        String genre = genreOf.get(article.id());
        if (genre != null) {
          all.add(new Article(article.id(), article.language(), article.text(), genre));
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

  /** A subtask 1 label or prediction file: article id to genre; malformed lines are errors. */
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
        throw RawFiles.malformed(file, i + 1, "expected article_id<TAB>genre");
      }
      if (labels.put(fields[0].strip(), fields[1].strip()) != null) {
        throw RawFiles.malformed(file, i + 1, "article " + fields[0].strip() + " given twice");
      }
    }
    return labels;
  }
}
