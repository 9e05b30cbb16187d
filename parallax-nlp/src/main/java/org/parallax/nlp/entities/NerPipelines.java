package org.parallax.nlp.entities;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide CoreNLP NER pipelines, one per language and model list: loading one takes 10-20
 * s and 100-200 MB, so it must never happen per document. {@link StanfordCoreNLP#annotate} is safe
 * to call from many threads at once.
 */
final class NerPipelines {

  /** Same as the segment stage's tokenizer, so entity offsets fall on its token boundaries. */
  static final String TOKENIZE_OPTIONS = "invertible=true,untokenizable=noneKeep";

  private static final Map<String, StanfordCoreNLP> PIPELINES = new ConcurrentHashMap<>();

  private NerPipelines() {}

  static StanfordCoreNLP forModels(String models) {
    return PIPELINES.computeIfAbsent(
        "en:" + models,
        key -> {
          Properties properties = new Properties();
          properties.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
          properties.setProperty("tokenize.language", "en");
          properties.setProperty("tokenize.options", TOKENIZE_OPTIONS);
          properties.setProperty("pos.maxlen", "200");
          properties.setProperty("ner.model", models);
          properties.setProperty("ner.applyFineGrained", "false");
          properties.setProperty("ner.useSUTime", "false");
          properties.setProperty("ner.applyNumericClassifiers", "false");
          properties.setProperty("ner.buildEntityMentions", "true");
          return new StanfordCoreNLP(properties);
        });
  }

  /**
   * The pipeline of a German, French or Spanish NER model from that language's models jar. It
   * tokenizes the way the model was trained (French "l'Iran" is two tokens) and needs no part of
   * speech: the CRF models read words, shapes and word clusters only.
   */
  static StanfordCoreNLP forLanguage(String language, String model) {
    return PIPELINES.computeIfAbsent(
        language + ":" + model,
        key -> {
          Properties properties = new Properties();
          properties.setProperty("annotators", "tokenize,ssplit,ner");
          properties.setProperty("tokenize.language", language);
          properties.setProperty("tokenize.options", TOKENIZE_OPTIONS);
          properties.setProperty("ner.model", model);
          properties.setProperty("ner.language", language);
          properties.setProperty("ner.applyFineGrained", "false");
          properties.setProperty("ner.useSUTime", "false");
          properties.setProperty("ner.applyNumericClassifiers", "false");
          properties.setProperty("ner.buildEntityMentions", "true");
          return new StanfordCoreNLP(properties);
        });
  }
}
