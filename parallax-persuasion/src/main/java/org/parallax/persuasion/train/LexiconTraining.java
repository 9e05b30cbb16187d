package org.parallax.persuasion.train;

import java.util.ArrayList;
import java.util.List;
import org.parallax.persuasion.features.EncodedText;
import org.parallax.persuasion.features.Lexicon;
import org.parallax.persuasion.features.Lexicons;

/**
 * Builds the word lexicons from annotated articles, and the out-of-fold versions the fitting
 * articles' own features are computed with.
 */
final class LexiconTraining {

  /** Folds for out-of-fold lexicons. */
  static final int FOLDS = 5;

  private LexiconTraining() {}

  static Lexicons build(List<EncodedArticle> articles, List<String> techniques) {
    Lexicon.Builder spans = new Lexicon.Builder(1);
    Lexicon.Builder kinds = new Lexicon.Builder(techniques.size());
    float[] inside = {1f};
    float[] outside = {0f};
    for (EncodedArticle article : articles) {
      EncodedText text = article.text();
      boolean[] in = new boolean[text.size()];
      for (EncodedArticle.Gold span : article.gold()) {
        int[] words = text.wordsIn(span.begin(), span.end());
        int technique = techniques.indexOf(span.technique());
        float[] oneHot = new float[techniques.size()];
        if (technique >= 0) {
          oneHot[technique] = 1;
        }
        for (int i = words[0]; i < words[1]; i++) {
          in[i] = true;
          if (technique >= 0) {
            kinds.add(word(text, i), oneHot);
          }
        }
      }
      for (int i = 0; i < in.length; i++) {
        spans.add(word(text, i), in[i] ? inside : outside);
      }
    }
    return new Lexicons(spans.build(), kinds.build());
  }

  /**
   * The fitting articles, each re-read with lexicons built from the other folds: their features
   * then show rates as they will look on unseen text.
   */
  static List<EncodedArticle> outOfFold(List<EncodedArticle> fit, List<String> techniques) {
    List<EncodedArticle> result = new ArrayList<>(fit);
    for (int fold = 0; fold < FOLDS; fold++) {
      List<EncodedArticle> others = new ArrayList<>();
      for (int i = 0; i < fit.size(); i++) {
        if (i % FOLDS != fold) {
          others.add(fit.get(i));
        }
      }
      Lexicons lexicons = build(others, techniques);
      for (int i = fold; i < fit.size(); i += FOLDS) {
        result.set(i, fit.get(i).withLexicons(lexicons));
      }
    }
    return result;
  }

  static List<EncodedArticle> withLexicons(List<EncodedArticle> articles, Lexicons lexicons) {
    return articles.stream().map(a -> a.withLexicons(lexicons)).toList();
  }

  private static String word(EncodedText text, int i) {
    return text.text().substring(text.begin(i), text.end(i));
  }
}
