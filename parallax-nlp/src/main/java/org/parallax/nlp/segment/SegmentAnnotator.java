package org.parallax.nlp.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.ConfigException;

/**
 * Splits the clean text into paragraphs, sentences and tokens; needs no other layer, so it can run
 * first. Sentences never cross paragraphs and tokens never cross sentences.
 */
public final class SegmentAnnotator implements Annotator {

  /**
   * Settings of the {@code segment} annotator.
   *
   * @param joinWrappedLines keep hard-wrapped prose lines together as one paragraph (default {@code
   *     true}); when false every line of a block is its own paragraph
   * @param tokenizerLanguage CoreNLP {@code tokenize.language} for Latin-script text: {@code en}
   *     (default, fine for most Latin-script languages), {@code fr}, {@code de} or {@code es}
   */
  public record Config(boolean joinWrappedLines, String tokenizerLanguage) {

    public static final Config DEFAULTS = new Config(true, "en");

    public Config {
      if (!Set.of("en", "fr", "de", "es").contains(tokenizerLanguage)) {
        throw new ConfigException(
            "segment.tokenizerLanguage must be one of en, fr, de, es, not '"
                + tokenizerLanguage
                + "'");
      }
    }
  }

  private final Config config;

  public SegmentAnnotator(Config config) {
    this.config = config;
    Segmenter.pipeline(config.tokenizerLanguage()); // load now, not on the first document
  }

  @Override
  public String name() {
    return "segment";
  }

  @Override
  public Set<Layer<?>> requires() {
    return Set.of();
  }

  @Override
  public Set<Layer<?>> produces() {
    return Set.of(Paragraph.LAYER, Sentence.LAYER, Token.LAYER);
  }

  @Override
  public Document annotate(Document document) {
    String text = document.text();
    List<Paragraph> paragraphs = new ArrayList<>();
    List<Sentence> sentences = new ArrayList<>();
    List<Token> tokens = new ArrayList<>();
    for (Span paragraph : ParagraphSplitter.split(text, config.joinWrappedLines())) {
      paragraphs.add(new Paragraph(paragraph));
      Segmenter.Segments segments = Segmenter.segment(text, paragraph, config.tokenizerLanguage());
      segments.sentences().forEach(s -> sentences.add(new Sentence(s)));
      segments.tokens().forEach(t -> tokens.add(new Token(t)));
    }
    return document
        .with(Paragraph.LAYER, List.copyOf(paragraphs))
        .with(Sentence.LAYER, List.copyOf(sentences))
        .with(Token.LAYER, List.copyOf(tokens));
  }
}
