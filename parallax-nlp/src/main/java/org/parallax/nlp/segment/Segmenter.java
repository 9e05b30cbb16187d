package org.parallax.nlp.segment;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.parallax.core.model.Span;

/**
 * Sentences and tokens of one paragraph: CoreNLP's tokenizer and sentence splitter for Latin script
 * (it knows "Jan. 2", "U.S." and quotation marks), {@link BreakIterator} for other scripts.
 */
final class Segmenter {

  /** Tokenizer options shared with the entity stage, so both see the same tokens and sentences. */
  static final String TOKENIZE_OPTIONS = "invertible=true,untokenizable=noneKeep";

  /** One pipeline per tokenizer language per process: building one reads resources. */
  private static final Map<String, StanfordCoreNLP> PIPELINES = new ConcurrentHashMap<>();

  record Segments(List<Span> sentences, List<Span> tokens) {}

  private Segmenter() {}

  static Segments segment(String text, Span paragraph, String tokenizerLanguage) {
    Character.UnicodeScript script = Scripts.dominant(text, paragraph.begin(), paragraph.end());
    return Scripts.latin(script)
        ? withCoreNlp(text, paragraph, tokenizerLanguage)
        : withBreakIterator(text, paragraph, script);
  }

  static StanfordCoreNLP pipeline(String tokenizerLanguage) {
    return PIPELINES.computeIfAbsent(
        tokenizerLanguage,
        language -> {
          Properties properties = new Properties();
          properties.setProperty("annotators", "tokenize,ssplit");
          properties.setProperty("tokenize.language", language);
          properties.setProperty("tokenize.options", TOKENIZE_OPTIONS);
          return new StanfordCoreNLP(properties);
        });
  }

  private static Segments withCoreNlp(String text, Span paragraph, String tokenizerLanguage) {
    Annotation annotation = new Annotation(paragraph.of(text));
    pipeline(tokenizerLanguage).annotate(annotation);
    int offset = paragraph.begin();
    List<Span> sentences = new ArrayList<>();
    List<Span> tokens = new ArrayList<>();
    for (CoreMap sentence : annotation.get(CoreAnnotations.SentencesAnnotation.class)) {
      int first = tokens.size();
      for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
        int begin = offset + token.beginPosition();
        int end = offset + token.endPosition();
        // the tokenizer adds a sentence-final "." after "U.S." that covers no new text
        if (end > begin && (tokens.isEmpty() || begin >= tokens.get(tokens.size() - 1).end())) {
          tokens.add(new Span(begin, end));
        }
      }
      if (tokens.size() > first) {
        sentences.add(new Span(tokens.get(first).begin(), tokens.get(tokens.size() - 1).end()));
      }
    }
    return new Segments(sentences, tokens);
  }

  private static Segments withBreakIterator(
      String text, Span paragraph, Character.UnicodeScript script) {
    BreakIterator sentenceBreaks = BreakIterator.getSentenceInstance(Scripts.locale(script));
    BreakIterator wordBreaks = BreakIterator.getWordInstance(Scripts.locale(script));
    String content = paragraph.of(text);
    int offset = paragraph.begin();
    List<Span> sentences = new ArrayList<>();
    List<Span> tokens = new ArrayList<>();
    sentenceBreaks.setText(content);
    for (int start = sentenceBreaks.first(), end = sentenceBreaks.next();
        end != BreakIterator.DONE;
        start = end, end = sentenceBreaks.next()) {
      int first = tokens.size();
      wordBreaks.setText(content.substring(start, end));
      for (int wordStart = wordBreaks.first(), wordEnd = wordBreaks.next();
          wordEnd != BreakIterator.DONE;
          wordStart = wordEnd, wordEnd = wordBreaks.next()) {
        if (!content.substring(start + wordStart, start + wordEnd).isBlank()) {
          tokens.add(new Span(offset + start + wordStart, offset + start + wordEnd));
        }
      }
      if (tokens.size() > first) {
        sentences.add(new Span(tokens.get(first).begin(), tokens.get(tokens.size() - 1).end()));
      }
    }
    return new Segments(sentences, tokens);
  }
}
