package org.parallax.nlp.entities;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide CoreNLP NER pipelines, one per model list: loading one takes 10-20 s and a few
 * hundred MB, so it must never happen per document. {@link StanfordCoreNLP#annotate} is safe to
 * call from many threads at once.
 */
final class NerPipelines {

  /** Same as the segment stage's tokenizer, so entity offsets fall on its token boundaries. */
  static final String TOKENIZE_OPTIONS = "invertible=true,untokenizable=noneKeep";

  private static final Map<String, StanfordCoreNLP> PIPELINES = new ConcurrentHashMap<>();

  private NerPipelines() {}

  static StanfordCoreNLP forModels(String models) {
    return PIPELINES.computeIfAbsent(
        models,
        key -> {
          Properties properties = new Properties();
          properties.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
          properties.setProperty("tokenize.language", "en");
          properties.setProperty("tokenize.options", TOKENIZE_OPTIONS);
          properties.setProperty("pos.maxlen", "200");
          properties.setProperty("ner.model", key);
          properties.setProperty("ner.applyFineGrained", "false");
          properties.setProperty("ner.useSUTime", "false");
          properties.setProperty("ner.applyNumericClassifiers", "false");
          properties.setProperty("ner.buildEntityMentions", "true");
          return new StanfordCoreNLP(properties);
        });
  }
}
