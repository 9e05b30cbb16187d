package org.parallax.nlp.lang;

import com.github.pemistahl.lingua.api.LanguageDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.nlp.segment.Paragraph;
import org.parallax.nlp.segment.Scripts;

/**
 * Detects the language of each paragraph and of the whole document with Lingua.
 *
 * <p>The document language is the one carrying most letters over the paragraphs long enough to
 * judge (a long English article with a few Arabic headline lines is English). Short paragraphs
 * inherit it unless they are written in another script. The page's own language hint (the HTML
 * {@code lang} attribute) decides near-ties.
 */
public final class LanguageAnnotator implements Annotator {

  /**
   * Settings of the {@code language} annotator.
   *
   * @param minParagraphLetters paragraphs with fewer letters inherit the document language (default
   *     20)
   * @param hintMargin the page's language hint wins when its letter weight is within this fraction
   *     of the leader's (default 0.1)
   * @param highAccuracy Lingua's high-accuracy mode: better on short text, but about 1.4 GB of
   *     models (default false)
   */
  public record Config(int minParagraphLetters, double hintMargin, boolean highAccuracy) {

    public static final Config DEFAULTS = new Config(20, 0.1, false);

    public Config {
      if (minParagraphLetters < 1) {
        throw new ConfigException(
            "language.minParagraphLetters must be at least 1, not " + minParagraphLetters);
      }
      if (hintMargin < 0 || hintMargin >= 1) {
        throw new ConfigException("language.hintMargin must be in [0, 1), not " + hintMargin);
      }
    }
  }

  private final Config config;
  private final LanguageDetector detector;

  public LanguageAnnotator(Config config) {
    this.config = config;
    this.detector = LanguageDetectors.detector(config.highAccuracy());
  }

  @Override
  public String name() {
    return "language";
  }

  @Override
  public Set<Layer<?>> requires() {
    return Set.of(Paragraph.LAYER);
  }

  @Override
  public Set<Layer<?>> produces() {
    return Set.of(Language.DOCUMENT, Language.PARAGRAPHS);
  }

  @Override
  public Document annotate(Document document) {
    String text = document.text();
    List<Paragraph> paragraphs = document.get(Paragraph.LAYER);
    LanguageDetectors.Guess[] guesses = new LanguageDetectors.Guess[paragraphs.size()];
    Map<String, Double> weights = new TreeMap<>();
    double judgedLetters = 0;
    for (int i = 0; i < paragraphs.size(); i++) {
      Span span = paragraphs.get(i).span();
      int letters = LanguageDetectors.letters(text, span.begin(), span.end());
      if (letters >= config.minParagraphLetters()) {
        guesses[i] = LanguageDetectors.guess(detector, span.of(text), letters);
        if (!guesses[i].code().equals(Language.UNDETERMINED)) {
          weights.merge(guesses[i].code(), letters * guesses[i].confidence(), Double::sum);
          judgedLetters += letters;
        }
      }
    }
    LanguageDetectors.Guess documentGuess =
        weights.isEmpty()
            ? wholeText(text)
            : decide(weights, judgedLetters, document.metadata().languageHint());
    Character.UnicodeScript documentScript = Scripts.dominant(text, 0, text.length());
    List<Language> languages = new ArrayList<>(paragraphs.size());
    for (int i = 0; i < paragraphs.size(); i++) {
      Span span = paragraphs.get(i).span();
      LanguageDetectors.Guess guess = guesses[i];
      if (guess == null) {
        Character.UnicodeScript script = Scripts.dominant(text, span.begin(), span.end());
        guess =
            script == Character.UnicodeScript.COMMON || script == documentScript
                ? documentGuess
                : LanguageDetectors.guess(
                    detector,
                    span.of(text),
                    LanguageDetectors.letters(text, span.begin(), span.end()));
      }
      languages.add(new Language(span, guess.code(), guess.confidence()));
    }
    return document
        .with(
            Language.DOCUMENT,
            new Language(
                new Span(0, text.length()), documentGuess.code(), documentGuess.confidence()))
        .with(Language.PARAGRAPHS, List.copyOf(languages));
  }

  /** A document of short paragraphs only (a title, a caption) is judged as one text. */
  private LanguageDetectors.Guess wholeText(String text) {
    return LanguageDetectors.guess(
        detector, text, LanguageDetectors.letters(text, 0, text.length()));
  }

  private LanguageDetectors.Guess decide(
      Map<String, Double> weights, double judgedLetters, String languageHint) {
    String best = null;
    for (Map.Entry<String, Double> entry : weights.entrySet()) {
      if (best == null || entry.getValue() > weights.get(best)) {
        best = entry.getKey();
      }
    }
    String hint = hintCode(languageHint);
    if (hint != null
        && !hint.equals(best)
        && weights.getOrDefault(hint, 0.0) >= (1 - config.hintMargin()) * weights.get(best)) {
      best = hint;
    }
    return new LanguageDetectors.Guess(best, Math.min(1, weights.get(best) / judgedLetters));
  }

  /** "en-GB" and "EN_us" both hint at {@code en}. */
  private static String hintCode(String languageHint) {
    if (languageHint == null || languageHint.isBlank()) {
      return null;
    }
    return languageHint.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
  }
}
