package org.parallax.nlp.quotes;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.QuoteAttributionAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.parallax.core.model.Span;
import org.parallax.nlp.entities.Entity;
import org.parallax.nlp.quotes.CueLexicon.Match;
import org.parallax.nlp.quotes.CueLexicon.Role;

/**
 * Direct-quote attribution by CoreNLP's quote annotator with coreference, merged into the
 * rule-based quotes: CoreNLP's speaker replaces the rules' one for every direct quote it
 * attributes; the rules' speaker stays where CoreNLP has none, and reported speech stays as the
 * rules found it, since CoreNLP only finds text in quotation marks.
 */
final class CoreNlpQuotes {

  /** One quote as CoreNLP reads it; speaker fields are null when it names nobody. */
  record Attributed(Span content, String speaker, Span speakerSpan, String cue, Span cueSpan) {}

  /**
   * The process-wide pipeline: loading the parser and coreference models takes 20-30 s and about a
   * gigabyte, so it happens once, on first use. {@link StanfordCoreNLP#annotate} is safe to call
   * from many threads at once.
   */
  private static final class Pipeline {
    static final StanfordCoreNLP INSTANCE = new StanfordCoreNLP(properties());

    private static Properties properties() {
      Properties properties = new Properties();
      properties.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote");
      properties.setProperty("tokenize.language", "en");
      properties.setProperty("ner.applyFineGrained", "false");
      properties.setProperty("ner.useSUTime", "false");
      properties.setProperty("ner.applyNumericClassifiers", "false");
      // Of the algorithms the models jar holds, fastneural was the fastest on the seed articles,
      // and limiting how far apart two mentions may be (in sentences) halves its time again; a
      // speaker and the pronoun that refers back to him are rarely many sentences apart.
      properties.setProperty("coref.algorithm", "fastneural");
      properties.setProperty("coref.maxMentionDistance", "30");
      properties.setProperty("coref.maxMentionDistanceWithStringMatch", "300");
      // News names no fixed cast of characters: without a character list the attribution builds
      // one per document from the PERSON mentions.
      properties.setProperty("quote.attributeQuotes", "true");
      return properties;
    }
  }

  // Baseline sieves guess the most frequent nearby character when nothing in the text points to
  // one; a wrong speaker is worse than none for the people who read these quotes.
  private static final String GUESSING_SIEVE = "Baseline";

  private static final Set<String> PRONOUNS =
      Set.of(
          "he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs",
          "i", "me", "my", "we", "us", "our", "you", "your", "who", "this", "that");

  private CoreNlpQuotes() {}

  /** The top-level quotes CoreNLP finds in {@code text}, with speakers mapped to the entities. */
  static List<Attributed> attribute(String text, List<Entity> entities, int maxCueDistance) {
    Annotation annotation = new Annotation(text);
    Pipeline.INSTANCE.annotate(annotation);
    List<CoreLabel> tokens = annotation.get(CoreAnnotations.TokensAnnotation.class);
    List<CoreMap> quotes = annotation.get(CoreAnnotations.QuotationsAnnotation.class);
    if (quotes == null || tokens == null) {
      return List.of();
    }
    List<Span> quoted = new ArrayList<>();
    for (CoreMap quote : quotes) {
      quoted.add(outer(quote));
    }
    List<Attributed> attributed = new ArrayList<>();
    for (CoreMap quote : quotes) {
      Span outer = outer(quote);
      Span content = content(text, outer);
      if (content == null) {
        continue;
      }
      Span mention = tokenSpan(tokens, quote, true);
      Span canonical = tokenSpan(tokens, quote, false);
      Span named = canonical != null ? canonical : namedMention(quote, mention);
      if (mention == null || named == null || guessed(quote)) {
        attributed.add(new Attributed(content, null, null, null, null));
        continue;
      }
      String speaker = entityName(text, entities, named);
      if (speaker == null) {
        attributed.add(new Attributed(content, null, null, null, null));
        continue;
      }
      Span cueSpan = cueNear(text, tokens, quote, quoted, maxCueDistance);
      attributed.add(
          new Attributed(
              content, speaker, mention, cueSpan == null ? null : cueSpan.of(text), cueSpan));
    }
    return Collections.unmodifiableList(attributed);
  }

  /**
   * The rule-based quotes with CoreNLP's attribution of direct quotes: a CoreNLP speaker replaces
   * the rules' one. Which text counts as a quote stays the rules' decision: CoreNLP pairs quotation
   * marks across paragraphs and so turns a stray straight quote into a quote running over the
   * page's footer, and it takes titles for speech.
   */
  static List<Quote> merge(List<Quote> rules, List<Attributed> attributed) {
    List<Quote> merged = new ArrayList<>();
    for (Quote quote : rules) {
      if (!quote.kind().equals(Quote.DIRECT)) {
        merged.add(quote);
        continue;
      }
      Attributed match = null;
      for (Attributed candidate : attributed) {
        if (candidate.content().overlaps(quote.span())) {
          match = candidate;
          break;
        }
      }
      if (match == null || match.speaker() == null) {
        merged.add(quote); // CoreNLP names nobody: the rules' speaker, if any, stands
      } else if (match.cue() == null
          && quote.cueSpan() != null
          && quote.speakerSpan() != null
          && quote.speakerSpan().overlaps(match.speakerSpan())) {
        // Both name the same mention and only the rules saw the cue.
        merged.add(
            new Quote(
                quote.span(),
                Quote.DIRECT,
                match.speaker(),
                match.speakerSpan(),
                quote.cue(),
                quote.cueSpan()));
      } else {
        merged.add(
            new Quote(
                quote.span(),
                Quote.DIRECT,
                match.speaker(),
                match.speakerSpan(),
                match.cue(),
                match.cueSpan()));
      }
    }
    merged.sort(QuoteFinder.ORDER);
    return Collections.unmodifiableList(merged);
  }

  private static Span outer(CoreMap quote) {
    return new Span(
        quote.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
        quote.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
  }

  /** The quote without its marks, surrounding spaces and a trailing comma; null when empty. */
  private static Span content(String text, Span outer) {
    int begin = outer.begin() + 1;
    int end = outer.end() - 1;
    // ``quotes'' and ''quotes'' use two characters per mark.
    if (end - begin >= 2 && isAsciiPairMark(text.charAt(outer.begin()))) {
      if (isAsciiPairMark(text.charAt(begin))) {
        begin++;
      }
      if (isAsciiPairMark(text.charAt(end - 1))) {
        end--;
      }
    }
    while (begin < end && Character.isWhitespace(text.charAt(begin))) {
      begin++;
    }
    while (end > begin
        && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
      end--;
    }
    return begin < end && begin >= 0 && end <= text.length() ? new Span(begin, end) : null;
  }

  private static boolean isAsciiPairMark(char c) {
    return c == '`' || c == '\'';
  }

  /** The char span of the quote's speaker mention ({@code mention}) or its canonical mention. */
  private static Span tokenSpan(List<CoreLabel> tokens, CoreMap quote, boolean mention) {
    Integer first =
        quote.get(
            mention
                ? QuoteAttributionAnnotator.MentionBeginAnnotation.class
                : QuoteAttributionAnnotator.CanonicalMentionBeginAnnotation.class);
    Integer last =
        quote.get(
            mention
                ? QuoteAttributionAnnotator.MentionEndAnnotation.class
                : QuoteAttributionAnnotator.CanonicalMentionEndAnnotation.class);
    if (first == null || last == null || first < 0 || last < first || last >= tokens.size()) {
      return null;
    }
    return new Span(tokens.get(first).beginPosition(), tokens.get(last).endPosition());
  }

  /** A mention that is a name or a noun phrase stands for itself; a pronoun needs coreference. */
  private static Span namedMention(CoreMap quote, Span mention) {
    String type = quote.get(QuoteAttributionAnnotator.MentionTypeAnnotation.class);
    return mention != null && type != null && !type.equals("pronoun") ? mention : null;
  }

  private static boolean guessed(CoreMap quote) {
    String sieve = quote.get(QuoteAttributionAnnotator.MentionSieveAnnotation.class);
    return sieve != null && sieve.startsWith(GUESSING_SIEVE);
  }

  /**
   * The canonical name of the entity that overlaps {@code span} most, else the text itself; null
   * for a bare pronoun.
   */
  private static String entityName(String text, List<Entity> entities, Span span) {
    Entity best = null;
    int bestOverlap = 0;
    for (Entity entity : entities) {
      int overlap =
          Math.min(span.end(), entity.span().end()) - Math.max(span.begin(), entity.span().begin());
      if (overlap > bestOverlap) {
        best = entity;
        bestOverlap = overlap;
      }
    }
    if (best == null) {
      String words = span.of(text).strip();
      // A coreference chain of pronouns only ("his ... he") names nobody.
      return PRONOUNS.contains(CueLexicon.lower(words)) ? null : words;
    }
    return best.canonical() != null ? best.canonical() : best.span().of(text);
  }

  /**
   * The cue word of {@link CueLexicon} nearest the speaker mention in its sentence, outside every
   * quote: CoreNLP does not say which verb introduced the quote.
   */
  private static Span cueNear(
      String text, List<CoreLabel> tokens, CoreMap quote, List<Span> quoted, int maxDistance) {
    int first = quote.get(QuoteAttributionAnnotator.MentionBeginAnnotation.class);
    int last = quote.get(QuoteAttributionAnnotator.MentionEndAnnotation.class);
    int sentence = tokens.get(first).sentIndex();
    int from = first;
    while (from > 0 && tokens.get(from - 1).sentIndex() == sentence) {
      from--;
    }
    int to = last;
    while (to + 1 < tokens.size() && tokens.get(to + 1).sentIndex() == sentence) {
      to++;
    }
    List<String> lower = new ArrayList<>(to - from + 1);
    for (int t = from; t <= to; t++) {
      CoreLabel token = tokens.get(t);
      lower.add(CueLexicon.lower(text.substring(token.beginPosition(), token.endPosition())));
    }
    for (int distance = 1; distance <= maxDistance; distance++) {
      for (int t : new int[] {last + distance, first - distance}) {
        if (t < from || t > to || insideQuote(tokens.get(t), quoted)) {
          continue;
        }
        Match cue = CueLexicon.at(lower, t - from);
        if (cue != null && cue.role() != Role.POSTPOSED) {
          int cueLast = t + cue.length() - 1;
          return new Span(tokens.get(t).beginPosition(), tokens.get(cueLast).endPosition());
        }
      }
    }
    return null;
  }

  private static boolean insideQuote(CoreLabel token, List<Span> quoted) {
    Span span = new Span(token.beginPosition(), token.endPosition());
    return quoted.stream().anyMatch(q -> q.overlaps(span));
  }
}
