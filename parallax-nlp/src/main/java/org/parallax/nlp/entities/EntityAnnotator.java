package org.parallax.nlp.entities;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
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

/**
 * Finds people, organisations, places and other names with CoreNLP's English NER and gives every
 * mention the canonical name it has within the document.
 *
 * <p>The models read English. Paragraphs in Latin script are searched whatever their language
 * (capitalised names carry over reasonably to French or German text); paragraphs in other scripts
 * are not searched at all, and a {@link Diagnostic} says how many were skipped and in which
 * languages, rather than pretending that no names were there.
 */
public final class EntityAnnotator implements Annotator {

  private static final String MODEL_DIR = "edu/stanford/nlp/models/ner/";

  /**
   * Settings of the {@code entities} annotator.
   *
   * @param models CoreNLP NER models in the models jar, comma-separated file names; they are
   *     combined, earlier ones winning (default {@code english.all.3class.distsim.crf.ser.gz,
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
  private final StanfordCoreNLP pipeline;

  public EntityAnnotator(Config config) {
    this.config = config;
    List<String> paths = new ArrayList<>();
    for (String model : config.models()) {
      paths.add(model.contains("/") ? model : MODEL_DIR + model);
    }
    try {
      this.pipeline = NerPipelines.forModels(String.join(",", paths));
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
    List<MentionCanonicalizer.Mention> mentions = new ArrayList<>();
    Map<String, Integer> skippedByLanguage = new TreeMap<>();
    for (int i = 0; i < paragraphs.size(); i++) {
      Span paragraph = paragraphs.get(i).span();
      if (!Scripts.latin(Scripts.dominant(text, paragraph.begin(), paragraph.end()))) {
        String code = i < languages.size() ? languages.get(i).code() : Language.UNDETERMINED;
        skippedByLanguage.merge(code, 1, Integer::sum);
        continue;
      }
      findMentions(text, paragraph, mentions);
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
                  + ": the entity model reads English only"));
      result = result.with(Diagnostic.LAYER, List.copyOf(diagnostics));
    }
    return result;
  }

  /**
   * Whether the NER model tagged the mention's words; CoreNLP also builds mentions for pronouns
   * ("he", "his") so that coreference can use them, and those are not names.
   */
  private static boolean taggedByModel(CoreMap mention, String type) {
    List<CoreLabel> tokens = mention.get(CoreAnnotations.TokensAnnotation.class);
    return tokens != null
        && !tokens.isEmpty()
        && tokens.stream().allMatch(t -> type.equals(t.ner()));
  }

  private void findMentions(
      String text, Span paragraph, List<MentionCanonicalizer.Mention> mentions) {
    Annotation annotation = new Annotation(paragraph.of(text));
    pipeline.annotate(annotation);
    List<CoreMap> found = annotation.get(CoreAnnotations.MentionsAnnotation.class);
    if (found == null) {
      return;
    }
    int previousEnd = paragraph.begin();
    for (CoreMap mention : found) {
      String type = mention.get(CoreAnnotations.NamedEntityTagAnnotation.class);
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
      if (span.length() == 0 || span.begin() < previousEnd || span.end() > paragraph.end()) {
        continue;
      }
      previousEnd = span.end();
      mentions.add(new MentionCanonicalizer.Mention(span, type, span.of(text)));
    }
  }
}
