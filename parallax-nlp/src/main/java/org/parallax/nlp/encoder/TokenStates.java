package org.parallax.nlp.encoder;

import java.util.List;
import org.parallax.core.model.Span;

/**
 * The encoder's contextual vector for each word piece of one text, with where the piece lies.
 *
 * <p>The special tokens the model adds ({@code [CLS]}, {@code [SEP]}) are left out, so every entry
 * points at real text.
 *
 * @param pieces the word pieces as the tokenizer wrote them, e.g. {@code "##ing"}
 * @param spans where each piece lies, as {@code char} offsets into the encoded text
 * @param vectors one vector of {@link SentenceEncoder#DIMENSION} floats per piece
 * @param truncated true when the text had more than {@link SentenceEncoder#MAX_TOKENS} tokens and
 *     the tail was not encoded
 */
public record TokenStates(
    List<String> pieces, List<Span> spans, List<float[]> vectors, boolean truncated) {

  public TokenStates {
    pieces = List.copyOf(pieces);
    spans = List.copyOf(spans);
    vectors = List.copyOf(vectors);
    if (pieces.size() != spans.size() || spans.size() != vectors.size()) {
      throw new IllegalArgumentException("pieces, spans and vectors differ in length");
    }
  }

  public int size() {
    return pieces.size();
  }
}
