package org.parallax.persuasion.eval;

import java.util.ArrayList;
import java.util.List;
import org.parallax.core.model.Span;
import org.parallax.persuasion.data.CodePoints;
import org.parallax.persuasion.features.EncodedText;
import org.parallax.persuasion.features.Features;
import org.parallax.persuasion.model.PersuasionModel;
import org.parallax.persuasion.model.SpanTagger;
import org.parallax.persuasion.model.TechniqueClassifier;

/**
 * One benchmark article run through the model: encoded once, line by line (as in training), so that
 * span detection and classification of any number of spans share the encoder's work. Offsets in and
 * out are code points, as in the benchmark files.
 */
public final class ArticleRun {

  private final PersuasionModel model;
  private final String text;
  private final int[] charOffsets;
  private final Features.Context context;
  private final float[] wordProbabilities;

  public ArticleRun(PersuasionModel model, String text) {
    this.model = model;
    this.text = text;
    this.charOffsets = CodePoints.charOffsets(text);
    EncodedText encoded =
        model.encode(text, EncodedText.lines(text), Runtime.getRuntime().availableProcessors());
    this.context = model.context(encoded);
    this.wordProbabilities = model.tagger().wordProbabilities(context);
  }

  /** The technique spans (SI), as code-point [begin, end) pairs. */
  public List<int[]> spans() {
    List<int[]> spans = new ArrayList<>();
    for (SpanTagger.Detected d : model.tagger().decode(context.text(), wordProbabilities)) {
      spans.add(
          new int[] {
            CodePoints.codePointIndex(text, d.begin()), CodePoints.codePointIndex(text, d.end())
          });
    }
    return spans;
  }

  /** Encodes the given code-point spans on their own in one batch, ahead of {@link #ranked}. */
  public void prepare(List<int[]> codePointSpans) {
    List<String> parts = new ArrayList<>();
    for (int[] span : codePointSpans) {
      int begin = charOffsets[Math.min(span[0], charOffsets.length - 1)];
      int end = charOffsets[Math.min(span[1], charOffsets.length - 1)];
      parts.add(text.substring(begin, end));
    }
    context.text().prepareAlone(parts);
  }

  /** The techniques of a span (TC) from most to least likely; offsets in code points. */
  public List<String> ranked(int codePointBegin, int codePointEnd) {
    int begin = charOffsets[Math.min(codePointBegin, charOffsets.length - 1)];
    int end = charOffsets[Math.min(codePointEnd, charOffsets.length - 1)];
    PersuasionModel.Finding finding = model.classify(context, begin, end, 1f, wordProbabilities);
    List<String> ranked = new ArrayList<>();
    ranked.add(finding.technique());
    ranked.addAll(finding.alternatives().keySet());
    TechniqueClassifier classifier = model.classifier();
    for (String technique : classifier.techniques()) {
      if (!ranked.contains(technique)) {
        ranked.add(technique);
      }
    }
    return ranked;
  }

  /** Char offsets of the text's lines, for callers that label lines. */
  public List<Span> lines() {
    return EncodedText.lines(text);
  }
}
