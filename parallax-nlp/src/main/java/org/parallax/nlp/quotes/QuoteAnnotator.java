package org.parallax.nlp.quotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.nlp.entities.Entity;
import org.parallax.nlp.lang.Language;
import org.parallax.nlp.segment.Paragraph;
import org.parallax.nlp.segment.Sentence;
import org.parallax.nlp.segment.Token;

/**
 * Finds direct quotes and reported speech with their speakers and cues ({@link Quote#LAYER}).
 *
 * <p>With {@code attribution=rules} (the default) it is rule-based and fast: a speaker is a named
 * entity (its canonical name) or a short noun phrase next to a cue word, possibly with an
 * appositive between ("Maria Zakharova, the ministry's spokeswoman, wrote"); "he", "she", "they"
 * and "it" take the nearest earlier compatible speaker of the same or the previous paragraph, and
 * then {@link Quote#speakerSpan()} points at the pronoun.
 *
 * <p>With {@code attribution=corenlp} the rules run first, then Stanford CoreNLP's quote annotator
 * with coreference reads the whole text (English documents only) and its speaker replaces the
 * rules' one for every direct quote it attributes: a pronoun becomes the canonical name of the
 * mention coreference links it to, and {@link Quote#speakerSpan()} points at the pronoun. Where
 * CoreNLP names nobody the rules' speaker stays; reported speech, which CoreNLP does not find,
 * stays as the rules found it. The cue is the {@link CueLexicon} word nearest CoreNLP's speaker
 * mention in its sentence. The models load once per process on first use (20-30 s, about 1 GB of
 * heap), and each article then takes one to a few seconds. A document CoreNLP cannot read keeps the
 * rules' quotes and gets a {@link Diagnostic}.
 *
 * <p>Stateless and thread-safe.
 */
public final class QuoteAnnotator implements Annotator {

  /** Attribution by fast rules over the sentence, token and entity layers. */
  public static final String RULES = "rules";

  /** Attribution of direct quotes by CoreNLP with coreference; slow, English only. */
  public static final String CORENLP = "corenlp";

  // Coreference time and memory grow faster than the text; longer "articles" are mostly dumps.
  private static final int MAX_CORENLP_CHARS = 60_000;

  /**
   * Settings of the quote finder.
   *
   * @param attribution {@code rules} (default) or {@code corenlp}: CoreNLP's slower attribution
   *     with coreference for direct quotes, rules for reported speech
   * @param reported whether to find reported speech as well as direct quotes; default true
   * @param minUnattributedWords quoted text with fewer words and no speaker is taken for scare
   *     quotes or a title and dropped; default 4
   * @param maxCueDistance how many tokens before a quote a cue may stand ("Trump said the US killed
   *     ... “to stop a war”"); default 30
   */
  public record Config(
      String attribution, boolean reported, int minUnattributedWords, int maxCueDistance) {

    public Config {
      if (!RULES.equals(attribution) && !CORENLP.equals(attribution)) {
        throw new ConfigException(
            "quotes.attribution '"
                + attribution
                + "' is unknown; use '"
                + RULES
                + "' or '"
                + CORENLP
                + "'");
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
    List<Entity> entities = document.get(Entity.LAYER);
    List<Quote> quotes =
        new QuoteFinder(text, sentences, tokens, entities, paragraphs, config).find();
    if (!CORENLP.equals(config.attribution())) {
      return document.with(Quote.LAYER, quotes);
    }
    String skipped = coreNlpCannotRead(document);
    if (skipped == null) {
      try {
        List<CoreNlpQuotes.Attributed> attributed =
            CoreNlpQuotes.attribute(text, entities, config.maxCueDistance());
        quotes = CoreNlpQuotes.merge(quotes, attributed);
      } catch (RuntimeException e) {
        // One article CoreNLP chokes on must not cost the batch its quotes: the rules' stand.
        skipped = "CoreNLP failed (" + e + ")";
      }
    }
    Document result = document.with(Quote.LAYER, quotes);
    if (skipped != null) {
      List<Diagnostic> diagnostics =
          new ArrayList<>(document.find(Diagnostic.LAYER).orElse(List.of()));
      diagnostics.add(
          new Diagnostic(name(), skipped + ": speakers were attributed by the rules instead"));
      result = result.with(Diagnostic.LAYER, List.copyOf(diagnostics));
    }
    return result;
  }

  /** Why CoreNLP's English models should not read this document, or null when they can. */
  private static String coreNlpCannotRead(Document document) {
    String language =
        document.find(Language.DOCUMENT).map(Language::code).orElse(Language.UNDETERMINED);
    if (!language.equals("en") && !language.equals(Language.UNDETERMINED)) {
      return "the document is in '" + language + "' and CoreNLP's quote attribution reads English";
    }
    if (document.text().length() > MAX_CORENLP_CHARS) {
      return "the document is longer than " + MAX_CORENLP_CHARS + " characters";
    }
    return null;
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
