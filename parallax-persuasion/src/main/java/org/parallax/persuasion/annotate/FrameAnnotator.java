package org.parallax.persuasion.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.pipeline.Annotator;
import org.parallax.nlp.lang.Language;
import org.parallax.persuasion.framing.FrameModel;
import org.parallax.persuasion.genre.GenreModel;

/**
 * Tells the frames an article uses ({@link ArticleFrame#LAYER}) with the committed framing model.
 * Documents in a language the model was not trained on get no frames and a diagnostic saying so.
 * Thread-safe.
 */
public final class FrameAnnotator implements Annotator {

  private final FrameModel model;

  public FrameAnnotator(FrameModel model) {
    this.model = model;
  }

  @Override
  public String name() {
    return "frames";
  }

  @Override
  public Set<Layer<?>> requires() {
    return Set.of(Language.DOCUMENT);
  }

  @Override
  public Set<Layer<?>> produces() {
    return Set.of(ArticleFrame.LAYER);
  }

  @Override
  public Document annotate(Document document) {
    String language = document.get(Language.DOCUMENT).code();
    if (!GenreModel.LANGUAGES.contains(language) || document.text().isBlank()) {
      List<Diagnostic> diagnostics =
          new ArrayList<>(document.find(Diagnostic.LAYER).orElse(List.of()));
      diagnostics.add(
          new Diagnostic(
              name(),
              document.text().isBlank()
                  ? "the document has no text, so no frames were told"
                  : "the framing model reads "
                      + String.join(", ", GenreModel.LANGUAGES)
                      + "; this document is '"
                      + language
                      + "', so no frames were told"));
      return document
          .with(ArticleFrame.LAYER, List.of())
          .with(Diagnostic.LAYER, List.copyOf(diagnostics));
    }
    List<ArticleFrame> frames = new ArrayList<>();
    for (FrameModel.Frame frame : model.classify(document.text(), language).frames()) {
      frames.add(
          new ArticleFrame(frame.frame(), frame.score(), frame.definition(), frame.evidence()));
    }
    return document.with(ArticleFrame.LAYER, List.copyOf(frames));
  }
}
