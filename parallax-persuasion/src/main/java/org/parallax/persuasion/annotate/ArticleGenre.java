package org.parallax.persuasion.annotate;

import java.util.List;
import java.util.Map;
import org.parallax.core.model.Layer;

/**
 * The genre of a whole article, with the evidence behind the call.
 *
 * @param genre {@code opinion}, {@code reporting} or {@code satire} (SemEval-2023 Task 3 subtask 1)
 * @param score the model's probability of that genre, 0 to 1
 * @param scores every genre's probability, most likely first
 * @param definition the genre in one plain sentence
 * @param evidence the words, word pairs and style cues (in brackets) of the article that added most
 *     to the chosen genre's score, strongest first
 */
public record ArticleGenre(
    String genre,
    double score,
    Map<String, Double> scores,
    String definition,
    List<String> evidence) {

  public static final Layer<ArticleGenre> LAYER = Layer.of("genre", ArticleGenre.class);
}
