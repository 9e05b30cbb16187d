package org.parallax.app.analyze;

import java.util.ArrayList;
import java.util.List;
import org.parallax.core.model.Document;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.article.ArticleMention;
import org.parallax.corpus.article.ArticleQuote;
import org.parallax.corpus.article.ArticleSentence;
import org.parallax.index.workspace.Workspace;
import org.parallax.nlp.encoder.Embeddings;
import org.parallax.nlp.entities.Entity;
import org.parallax.nlp.lang.Language;
import org.parallax.nlp.quotes.Quote;
import org.parallax.nlp.segment.Sentence;

/** Turns analysed documents into the {@link Article} view the corpus stages work on. */
public final class CorpusArticles {

  private CorpusArticles() {}

  /**
   * Every document of {@code workspace} in the order it was first stored (so that "first seen"
   * means first given), read again from the index on each iteration.
   */
  public static Iterable<Article> of(Workspace workspace) {
    return () -> workspace.documentsInSeenOrder().map(CorpusArticles::from).iterator();
  }

  /** The article view of one document; layers that are absent give empty values. */
  public static Article from(Document document) {
    List<Sentence> sentences = document.find(Sentence.LAYER).orElse(List.of());
    float[][] vectors = null;
    float[] documentVector = null;
    Embeddings embeddings = document.find(Embeddings.LAYER).orElse(null);
    if (embeddings != null) {
      vectors = embeddings.sentenceVectors();
      documentVector = sentences.isEmpty() ? null : embeddings.documentVector();
    }
    List<ArticleSentence> articleSentences = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      Sentence s = sentences.get(i);
      float[] vector = vectors != null && i < vectors.length ? vectors[i] : null;
      articleSentences.add(new ArticleSentence(s.span().begin(), s.span().end(), vector));
    }
    List<ArticleMention> mentions = new ArrayList<>();
    for (Entity e : document.find(Entity.LAYER).orElse(List.of())) {
      mentions.add(
          new ArticleMention(
              e.span().begin(),
              e.span().end(),
              e.type(),
              e.canonical() != null ? e.canonical() : document.text(e.span())));
    }
    List<ArticleQuote> quotes = new ArrayList<>();
    for (Quote q : document.find(Quote.LAYER).orElse(List.of())) {
      quotes.add(new ArticleQuote(q.span().begin(), q.span().end(), q.kind(), q.speaker()));
    }
    String outlet = document.metadata().outlet();
    if (outlet == null && document.source().fields().get("outlet") instanceof String given) {
      outlet = given;
    }
    return new Article(
        document.id(),
        outlet,
        document.source().url(),
        document.metadata().published(),
        document.find(Language.DOCUMENT).map(Language::code).orElse(Language.UNDETERMINED),
        document.metadata().title(),
        document.text(),
        articleSentences,
        documentVector,
        mentions,
        quotes);
  }
}
