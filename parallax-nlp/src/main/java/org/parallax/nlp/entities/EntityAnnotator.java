package org.parallax.nlp.entities;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;
import org.parallax.core.pipeline.Annotator;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.nlp.lang.Language;
import org.parallax.nlp.segment.Paragraph;
import org.parallax.nlp.segment.Scripts;
import org.parallax.nlp.segment.Sentence;
import org.parallax.nlp.segment.Token;

/**
 * Finds people, organisations, places and other names with CoreNLP's NER and gives every mention
 * the canonical name it has within the document.
 *
 * <p>Each paragraph is read by the model of its language: German, French and Spanish paragraphs by
 * CoreNLP's model for that language (loaded once per process, when the first such paragraph
 * appears), other Latin-script paragraphs by the configured English models, since an English model
 * on German text takes capitalised nouns and sentence-initial words for names. Paragraphs in other
 * scripts are not searched at all, and a {@link Diagnostic} says how many were skipped and in which
 * languages, rather than pretending that no names were there.
 */
public final class EntityAnnotator implements Annotator {

  private static final String MODEL_DIR = "edu/stanford/nlp/models/ner/";

  /** The NER model of each language that has one in its CoreNLP models jar. */
  private static final Map<String, String> MODEL_BY_LANGUAGE =
      Map.of(
          "de", MODEL_DIR + "german.distsim.crf.ser.gz",
          "fr", MODEL_DIR + "french-wikiner-4class.crf.ser.gz",
          "es", MODEL_DIR + "spanish.ancora.distsim.s512.crf.ser.gz");

  /**
   * Our types by the labels the models emit: English and German say PERSON, French (WikiNER) PER,
   * LOC and ORG, and older Spanish AnCora models PERS, LUG and OTROS.
   */
  private static final Map<String, String> TYPE_BY_LABEL =
      Map.of(
          "PER", "PERSON",
          "PERS", "PERSON",
          "ORG", "ORGANIZATION",
          "LOC", "LOCATION",
          "LUG", "LOCATION",
          "OTROS", "MISC");

  /**
   * Settings of the {@code entities} annotator.
   *
   * @param models CoreNLP English NER models in the models jar, comma-separated file names, for
   *     paragraphs not in German, French or Spanish; they are combined, earlier ones winning
   *     (default {@code english.all.3class.distsim.crf.ser.gz,
   *     english.conll.4class.distsim.crf.ser.gz}: persons, places, organisations and, from CoNLL,
   *     other names)
   * @param types the entity types kept (default PERSON, ORGANIZATION, LOCATION, MISC)
   */
  public record Config(List<String> models, Set<String> types) {

    public static final Config DEFAULTS =
        new Config(
            List.of(
                "english.all.3class.distsim.crf.ser.gz", "english.conll.4class.distsim.crf.ser.gz"),
            Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC"));

    public Config {
      models = List.copyOf(models);
      types = Set.copyOf(types);
      if (models.isEmpty()) {
        throw new ConfigException("entities.models must name at least one model");
      }
      for (String type : types) {
        if (!DEFAULTS_TYPES.contains(type)) {
          throw new ConfigException(
              "entities.types: unknown type '" + type + "'; known: " + DEFAULTS_TYPES);
        }
      }
    }
  }

  private static final Set<String> DEFAULTS_TYPES =
      Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");

  private final Config config;
  private final StanfordCoreNLP englishPipeline;

  public EntityAnnotator(Config config) {
    this.config = config;
    List<String> paths = new ArrayList<>();
    for (String model : config.models()) {
      paths.add(model.contains("/") ? model : MODEL_DIR + model);
    }
    try {
      this.englishPipeline = NerPipelines.forModels(String.join(",", paths));
    } catch (RuntimeException e) {
      throw new ConfigException(
          "entities.models: could not load "
              + paths
              + " (is the CoreNLP models jar present?): "
              + e,
          e);
    }
  }

  @Override
  public String name() {
    return "entities";
  }

  @Override
  public Set<Layer<?>> requires() {
    return Set.of(Paragraph.LAYER, Language.PARAGRAPHS);
  }

  @Override
  public Set<Layer<?>> produces() {
    return Set.of(Entity.LAYER);
  }

  @Override
  public Document annotate(Document document) {
    String text = document.text();
    List<Paragraph> paragraphs = document.get(Paragraph.LAYER);
    List<Language> languages = document.get(Language.PARAGRAPHS);
    TokenBoundaries boundaries = TokenBoundaries.of(document);
    List<MentionCanonicalizer.Mention> mentions = new ArrayList<>();
    Map<String, Integer> skippedByLanguage = new TreeMap<>();
    ForeignContext context = null;
    List<MentionCanonicalizer.Mention> foreign = new ArrayList<>();
    for (int i = 0; i < paragraphs.size(); i++) {
      Span paragraph = paragraphs.get(i).span();
      String code = i < languages.size() ? languages.get(i).code() : Language.UNDETERMINED;
      if (!Scripts.latin(Scripts.dominant(text, paragraph.begin(), paragraph.end()))) {
        skippedByLanguage.merge(code, 1, Integer::sum);
        continue;
      }
      if (cleansForeignNames(code)) {
        List<MentionCanonicalizer.Mention> found = new ArrayList<>();
        findMentions(text, paragraph, pipelineFor(code), boundaries, found);
        if (context == null) {
          context = ForeignContext.of(document);
        }
        for (MentionCanonicalizer.Mention mention : found) {
          for (MentionCanonicalizer.Mention piece :
              ForeignMentions.clean(
                  mention,
                  text,
                  context.sentenceStarts()::contains,
                  context.capitalisedInside(),
                  code)) {
            if (boundaries.encloseExactly(piece.span())) {
              foreign.add(piece);
            }
          }
        }
      } else {
        findMentions(text, paragraph, pipelineFor(code), boundaries, mentions);
      }
    }
    if (!foreign.isEmpty()) {
      for (MentionCanonicalizer.Mention mention :
          ForeignMentions.splitKnownPrefixes(foreign, text)) {
        if (boundaries.encloseExactly(mention.span())) {
          mentions.add(mention);
        }
      }
      mentions.sort(java.util.Comparator.comparing(MentionCanonicalizer.Mention::span));
    }
    Document result = document.with(Entity.LAYER, MentionCanonicalizer.canonicalize(mentions));
    if (!skippedByLanguage.isEmpty()) {
      List<Diagnostic> diagnostics =
          new ArrayList<>(document.find(Diagnostic.LAYER).orElse(List.of()));
      diagnostics.add(
          new Diagnostic(
              name(),
              "names were not searched in "
                  + skippedByLanguage.values().stream().mapToInt(Integer::intValue).sum()
                  + " paragraph(s) not in Latin script "
                  + skippedByLanguage
                  + ": the entity models read Latin-script text only"));
      result = result.with(Diagnostic.LAYER, List.copyOf(diagnostics));
    }
    return result;
  }

  /**
   * Whether the English model reads this language's paragraphs without having been trained on it: a
   * known language other than English with no model of its own (not "und", which is most often
   * English too short to tell).
   */
  static boolean cleansForeignNames(String language) {
    return language != null
        && !language.equals(Language.UNDETERMINED)
        && !language.equals("en")
        && !MODEL_BY_LANGUAGE.containsKey(language);
  }

  /**
   * Where the document's sentences and paragraphs start, and the words it writes with a capital
   * inside a sentence (so a capitalised first word written so elsewhere is a name, "Nie" is not).
   */
  private record ForeignContext(Set<Integer> sentenceStarts, Set<String> capitalisedInside) {

    static ForeignContext of(Document document) {
      String text = document.text();
      Set<Integer> starts = new HashSet<>();
      for (Sentence sentence : document.find(Sentence.LAYER).orElse(List.of())) {
        starts.add(firstLetter(text, sentence.span().begin(), sentence.span().end()));
      }
      for (Paragraph paragraph : document.find(Paragraph.LAYER).orElse(List.of())) {
        starts.add(firstLetter(text, paragraph.span().begin(), paragraph.span().end()));
      }
      Set<String> inside = new HashSet<>();
      int i = 0;
      while (i < text.length()) {
        if (!Character.isLetter(text.charAt(i))) {
          i++;
          continue;
        }
        int begin = i;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        if (Character.isUpperCase(text.charAt(begin)) && !starts.contains(begin)) {
          inside.add(trimmed(text.substring(begin, i)));
        }
      }
      return new ForeignContext(starts, inside);
    }

    private static int firstLetter(String text, int begin, int end) {
      for (int i = begin; i < end; i++) {
        if (Character.isLetter(text.charAt(i))) {
          return i;
        }
      }
      return begin;
    }

    /** The word without punctuation after it ("Putin," is "Putin"). */
    private static String trimmed(String word) {
      int end = word.length();
      while (end > 0 && !Character.isLetterOrDigit(word.charAt(end - 1))) {
        end--;
      }
      return word.substring(0, end);
    }
  }

  private StanfordCoreNLP pipelineFor(String language) {
    String model = MODEL_BY_LANGUAGE.get(language);
    if (model == null) {
      return englishPipeline;
    }
    try {
      return NerPipelines.forLanguage(language, model);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "could not load the "
              + language
              + " NER model "
              + model
              + " (is the CoreNLP models-"
              + language
              + " jar on the class path?): "
              + e,
          e);
    }
  }

  /** Our type for a model's label, with any IOB prefix ("I-PER") removed. */
  static String typeOf(String label) {
    if (label == null) {
      return null;
    }
    String bare = label.startsWith("B-") || label.startsWith("I-") ? label.substring(2) : label;
    return TYPE_BY_LABEL.getOrDefault(bare, bare);
  }

  /**
   * Whether the NER model tagged the mention's words; CoreNLP also builds mentions for pronouns
   * ("he", "his") so that coreference can use them, and those are not names.
   */
  private static boolean taggedByModel(CoreMap mention, String type) {
    List<CoreLabel> tokens = mention.get(CoreAnnotations.TokensAnnotation.class);
    return tokens != null
        && !tokens.isEmpty()
        && tokens.stream().allMatch(t -> type.equals(typeOf(t.ner())));
  }

  private void findMentions(
      String text,
      Span paragraph,
      StanfordCoreNLP pipeline,
      TokenBoundaries boundaries,
      List<MentionCanonicalizer.Mention> mentions) {
    Annotation annotation = new Annotation(paragraph.of(text));
    pipeline.annotate(annotation);
    List<CoreMap> found = annotation.get(CoreAnnotations.MentionsAnnotation.class);
    if (found == null) {
      return;
    }
    int previousEnd = paragraph.begin();
    for (CoreMap mention : found) {
      String type = typeOf(mention.get(CoreAnnotations.NamedEntityTagAnnotation.class));
      Integer begin = mention.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      Integer end = mention.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      if (type == null
          || begin == null
          || end == null
          || !config.types().contains(type)
          || !taggedByModel(mention, type)) {
        continue;
      }
      Span span = new Span(paragraph.begin() + begin, paragraph.begin() + end);
      if (span.length() == 0
          || span.begin() < previousEnd
          || span.end() > paragraph.end()
          || !boundaries.encloseExactly(span)) {
        continue;
      }
      previousEnd = span.end();
      mentions.add(new MentionCanonicalizer.Mention(span, type, span.of(text)));
    }
  }

  /**
   * Where the segment stage's tokens begin and end. A language's own tokenizer may split where the
   * segment stage did not (French "l'Iran"), and a name that starts inside one of our tokens would
   * not line up with the tokens that quotes, the index and exports count in, so it is left out.
   */
  private record TokenBoundaries(Set<Integer> begins, Set<Integer> ends) {

    static TokenBoundaries of(Document document) {
      List<Token> tokens = document.find(Token.LAYER).orElse(null);
      if (tokens == null) {
        return new TokenBoundaries(null, null);
      }
      Set<Integer> begins = new HashSet<>();
      Set<Integer> ends = new HashSet<>();
      for (Token token : tokens) {
        begins.add(token.span().begin());
        ends.add(token.span().end());
      }
      return new TokenBoundaries(begins, ends);
    }

    /** Whether the span begins and ends on token boundaries; true when there are no tokens. */
    boolean encloseExactly(Span span) {
      return begins == null || (begins.contains(span.begin()) && ends.contains(span.end()));
    }
  }
}
