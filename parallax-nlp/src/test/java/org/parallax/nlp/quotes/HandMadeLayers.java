package org.parallax.nlp.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;
import org.parallax.nlp.entities.Entity;
import org.parallax.nlp.segment.Sentence;
import org.parallax.nlp.segment.Token;

/**
 * Builds the sentence, token and entity layers with regular expressions and hand-named entities, so
 * quote tests do not depend on the segmenter or the NER models.
 */
final class HandMadeLayers {

  private static final Pattern SENTENCE_BREAK =
      Pattern.compile("(?<=[.!?][”\"’»“]?)\\s+(?=[\\p{Lu}“\"„«‘])|\\n\\s*\\n\\s*");
  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:-[\\p{L}\\p{M}\\p{N}]+)*|['’][st]\\b|\\S");

  private final String text;
  private final List<Entity> entities = new ArrayList<>();

  private HandMadeLayers(String text) {
    this.text = text;
  }

  static HandMadeLayers of(String text) {
    return new HandMadeLayers(text);
  }

  /** Marks every occurrence of {@code surface} as an entity with this canonical name. */
  HandMadeLayers entity(String surface, String type, String canonical) {
    for (int at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      entities.add(new Entity(new Span(at, at + surface.length()), type, canonical));
    }
    return this;
  }

  HandMadeLayers person(String surface, String canonical) {
    return entity(surface, "PERSON", canonical);
  }

  Document document() {
    List<Sentence> sentences = new ArrayList<>();
    Matcher gap = SENTENCE_BREAK.matcher(text);
    int begin = 0;
    while (gap.find()) {
      if (gap.start() > begin) {
        sentences.add(new Sentence(new Span(begin, gap.start())));
      }
      begin = gap.end();
    }
    if (begin < text.length()) {
      sentences.add(new Sentence(new Span(begin, text.strip().length() + leading())));
    }
    List<Token> tokens = new ArrayList<>();
    Matcher token = TOKEN.matcher(text);
    while (token.find()) {
      tokens.add(new Token(new Span(token.start(), token.end())));
    }
    List<Entity> sorted = new ArrayList<>(entities);
    sorted.sort((a, b) -> a.span().compareTo(b.span()));
    return Document.of(Source.of("test", "test", null, "txt"), Metadata.EMPTY, text)
        .with(Sentence.LAYER, sentences)
        .with(Token.LAYER, tokens)
        .with(Entity.LAYER, sorted);
  }

  private int leading() {
    return text.length() - text.stripLeading().length();
  }
}
