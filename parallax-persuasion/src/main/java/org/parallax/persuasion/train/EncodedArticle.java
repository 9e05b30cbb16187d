package org.parallax.persuasion.train;

import java.util.ArrayList;
import java.util.List;
import org.parallax.core.model.Span;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.persuasion.data.CodePoints;
import org.parallax.persuasion.data.GoldSpan;
import org.parallax.persuasion.data.PtcArticle;
import org.parallax.persuasion.features.EncodedText;
import org.parallax.persuasion.features.Features;
import org.parallax.persuasion.features.Lexicons;

/**
 * A PTC article encoded for training or scoring: its words with vectors, and its gold spans in char
 * offsets.
 */
record EncodedArticle(String id, Features.Context context, List<Gold> gold, int[] charOffsets) {

  /** A gold span in char offsets. */
  record Gold(String technique, int begin, int end, int codePointBegin, int codePointEnd) {}

  /** Encodes {@code article}; {@code spansAlone}: see {@link EncodedText#readingSpansAlone}. */
  static EncodedArticle of(
      SentenceEncoder encoder,
      SentenceEncoder.Model second,
      PtcArticle article,
      boolean spansAlone) {
    String text = article.text();
    int[] offsets = CodePoints.charOffsets(text);
    List<Gold> gold = new ArrayList<>();
    for (GoldSpan span : article.spans()) {
      int begin = offsets[Math.min(span.begin(), offsets.length - 1)];
      int end = offsets[Math.min(span.end(), offsets.length - 1)];
      gold.add(new Gold(span.technique(), begin, end, span.begin(), span.end()));
    }
    List<Span> lines = EncodedText.lines(text);
    EncodedText encoded =
        EncodedText.encode(encoder, second, text, lines).readingSpansAlone(spansAlone);
    return new EncodedArticle(article.id(), new Features.Context(encoded), gold, offsets);
  }

  EncodedText text() {
    return context.text();
  }

  /** The same article read with other lexicons. */
  EncodedArticle withLexicons(Lexicons lexicons) {
    return new EncodedArticle(id, new Features.Context(text(), lexicons), gold, charOffsets);
  }

  /** Char offset to code-point offset. */
  int codePoint(int charIndex) {
    return CodePoints.codePointIndex(text().text(), charIndex);
  }
}
