package org.parallax.nlp.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.nlp.entities.Entity;
import org.parallax.nlp.segment.Paragraph;
import org.parallax.nlp.segment.Sentence;
import org.parallax.nlp.segment.Token;

/**
 * Finds direct quotes and reported speech with their speakers and cues ({@link Quote#LAYER}).
 *
 * <p>Rule-based and fast: a speaker is a named entity (its canonical name) or a short noun phrase
 * next to a cue word, possibly with an appositive between ("Maria Zakharova, the ministry's
 * spokeswoman, wrote"); "he", "she", "they" and "it" take the nearest earlier compatible speaker of
 * the same or the previous paragraph, and then {@link Quote#speakerSpan()} points at the pronoun.
 * Stateless and thread-safe.
 */
public final class QuoteAnnotator implements Annotator {

  /** The only attribution method implemented so far. */
  public static final String RULES = "rules";

  /**
   * Settings of the quote finder.
   *
   * @param attribution {@code rules} (default); CoreNLP's slower quote attribution is not available
   *     yet
   * @param reported whether to find reported speech as well as direct quotes; default true
   * @param minUnattributedWords quoted text with fewer words and no speaker is taken for scare
   *     quotes or a title and dropped; default 4
   * @param maxCueDistance how many tokens before a quote a cue may stand ("Trump said the US killed
   *     ... “to stop a war”"); default 30
   */
  public record Config(
      String attribution, boolean reported, int minUnattributedWords, int maxCueDistance) {

    public Config {
      if (!RULES.equals(attribution)) {
        throw new ConfigException(
            "quotes.attribution '"
                + attribution
                + "' is not available"
                + ("corenlp".equals(attribution) ? " yet" : "")
                + "; use 'rules'");
      }
      if (minUnattributedWords < 1) {
        throw new ConfigException("quotes.minUnattributedWords must be at least 1");
      }
      if (maxCueDistance < 1) {
        throw new ConfigException("quotes.maxCueDistance must be at least 1");
      }
    }

    public static Config defaults() {
      return new Config(RULES, true, 4, 30);
    }
  }

  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n\\s*");

  private final Config config;

  public QuoteAnnotator(Config config) {
    this.config = config;
  }

  public Config config() {
    return config;
  }

  @Override
  public String name() {
    return "quotes";
  }

  @Override
  public Set<Layer<?>> requires() {
    return Set.of(Sentence.LAYER, Token.LAYER, Entity.LAYER);
  }

  @Override
  public Set<Layer<?>> produces() {
    return Set.of(Quote.LAYER);
  }

  @Override
  public Document annotate(Document document) {
    String text = document.text();
    List<Span> sentences = document.get(Sentence.LAYER).stream().map(Sentence::span).toList();
    List<Span> tokens = document.get(Token.LAYER).stream().map(Token::span).toList();
    List<Span> paragraphs =
        document
            .find(Paragraph.LAYER)
            .map(list -> list.stream().map(Paragraph::span).toList())
            .orElseGet(() -> paragraphsOf(text));
    List<Quote> quotes =
        new QuoteFinder(text, sentences, tokens, document.get(Entity.LAYER), paragraphs, config)
            .find();
    return document.with(Quote.LAYER, quotes);
  }

  /** Blank-line separated blocks, for documents that come without a paragraph layer. */
  static List<Span> paragraphsOf(String text) {
    List<Span> paragraphs = new ArrayList<>();
    Matcher gap = BLANK_LINES.matcher(text);
    int begin = 0;
    while (gap.find()) {
      if (gap.start() > begin) {
        paragraphs.add(new Span(begin, gap.start()));
      }
      begin = gap.end();
    }
    if (begin < text.length()) {
      paragraphs.add(new Span(begin, text.length()));
    }
    return List.copyOf(paragraphs);
  }
}
