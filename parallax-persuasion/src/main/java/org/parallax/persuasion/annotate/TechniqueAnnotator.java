package org.parallax.persuasion.annotate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;
import org.parallax.core.pipeline.Annotator;
import org.parallax.nlp.encoder.Embeddings;
import org.parallax.nlp.encoder.SentenceEncoder;
import org.parallax.nlp.lang.Language;
import org.parallax.nlp.quotes.Quote;
import org.parallax.nlp.segment.Paragraph;
import org.parallax.nlp.segment.Sentence;
import org.parallax.persuasion.Techniques;
import org.parallax.persuasion.model.PersuasionModel;

/**
 * Finds persuasion technique spans ({@link TechniqueSpan#LAYER}) and paragraph techniques ({@link
 * ParagraphTechniques#LAYER}) with the committed model, and says whose voice each span is in: a
 * span inside a quote belongs to the quoted speaker.
 *
 * <p>The model was trained on English news; documents in other languages are left without
 * techniques and get a diagnostic saying so, rather than guesses. Thread-safe.
 */
public final class TechniqueAnnotator implements Annotator {

  /**
   * Settings.
   *
   * @param minScore the minimum score a span needs to be kept; default 0
   * @param threads ONNX Runtime threads per encoder call; default 1, since the executor already
   *     runs one document per core
   */
  public record Config(double minScore, int threads) {
    public static Config defaults() {
      return new Config(0.0, 1);
    }
  }

  private final PersuasionModel model;
  private final Config config;

  public TechniqueAnnotator(PersuasionModel model, Config config) {
    this.model = model;
    this.config = config;
  }

  @Override
  public String name() {
    return "techniques";
  }

  @Override
  public Set<Layer<?>> requires() {
    return Set.of(Sentence.LAYER, Paragraph.LAYER, Quote.LAYER, Language.DOCUMENT);
  }

  @Override
  public Set<Layer<?>> produces() {
    return Set.of(TechniqueSpan.LAYER, ParagraphTechniques.LAYER);
  }

  @Override
  public Document annotate(Document document) {
    String language = document.get(Language.DOCUMENT).code();
    if (!"en".equals(language)) {
      List<Diagnostic> diagnostics =
          new ArrayList<>(document.find(Diagnostic.LAYER).orElse(List.of()));
      diagnostics.add(
          new Diagnostic(
              name(),
              "the persuasion model reads English only; this document is '"
                  + language
                  + "', so no techniques were looked for"));
      return document
          .with(TechniqueSpan.LAYER, List.of())
          .with(ParagraphTechniques.LAYER, List.of())
          .with(Diagnostic.LAYER, List.copyOf(diagnostics));
    }
    List<Span> sentences = document.get(Sentence.LAYER).stream().map(Sentence::span).toList();
    List<Span> paragraphs = document.get(Paragraph.LAYER).stream().map(Paragraph::span).toList();
    // The encoder annotator's MiniLM sentence vectors are the ones the model wants for each unit.
    float[][] sentenceVectors =
        document
            .find(Embeddings.LAYER)
            .filter(e -> SentenceEncoder.MODEL.equals(e.model()))
            .map(Embeddings::sentenceVectors)
            .filter(v -> v.length == sentences.size())
            .orElse(null);
    PersuasionModel.Findings findings =
        model.analyse(document.text(), sentences, paragraphs, config.threads(), sentenceVectors);
    List<Quote> quotes = document.get(Quote.LAYER);
    List<TechniqueSpan> spans = new ArrayList<>();
    for (PersuasionModel.Finding finding : findings.spans()) {
      if (finding.score() < config.minScore()) {
        continue;
      }
      Quote quote = enclosingQuote(quotes, finding.begin(), finding.end());
      spans.add(
          new TechniqueSpan(
              new Span(finding.begin(), finding.end()),
              finding.technique(),
              round(finding.score()),
              quote == null ? TechniqueSpan.AUTHOR : TechniqueSpan.QUOTED,
              quote == null ? null : quote.speaker(),
              new TechniqueSpan.Evidence(
                  Techniques.byId(finding.technique()).definition(),
                  round(finding.spanScore()),
                  round(finding.spanScore() == 0 ? 0 : finding.score() / finding.spanScore()),
                  finding.cues(),
                  rounded(finding.alternatives()),
                  finding.neighbours())));
    }
    List<ParagraphTechniques> labelled = new ArrayList<>();
    for (PersuasionModel.ParagraphFinding paragraph : findings.paragraphs()) {
      List<ParagraphTechniques.Scored> scored = new ArrayList<>();
      paragraph.techniques().entrySet().stream()
          .sorted((a, b) -> Float.compare(b.getValue(), a.getValue()))
          .forEach(
              e -> scored.add(new ParagraphTechniques.Scored(e.getKey(), round(e.getValue()))));
      labelled.add(new ParagraphTechniques(new Span(paragraph.begin(), paragraph.end()), scored));
    }
    return document
        .with(TechniqueSpan.LAYER, List.copyOf(spans))
        .with(ParagraphTechniques.LAYER, List.copyOf(labelled));
  }

  /** The quote holding most of [begin, end), if any holds at least half of it. */
  static Quote enclosingQuote(List<Quote> quotes, int begin, int end) {
    Quote best = null;
    int bestOverlap = 0;
    for (Quote quote : quotes) {
      int overlap = Math.min(end, quote.span().end()) - Math.max(begin, quote.span().begin());
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = quote;
      }
    }
    return best != null && bestOverlap * 2 >= end - begin ? best : null;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static Map<String, Double> rounded(Map<String, Float> values) {
    Map<String, Double> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, round(v)));
    return out;
  }
}
