package org.parallax.persuasion.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.pipeline.Annotator;
import org.parallax.nlp.lang.Language;
import org.parallax.persuasion.framing.FrameModel;

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
    String unread = GenreAnnotator.unread(document, language, "frame");
    if (unread != null) {
      return GenreAnnotator.withDiagnostic(
          document.with(ArticleFrame.LAYER, List.of()), name(), unread);
    }
    List<ArticleFrame> frames = new ArrayList<>();
    for (FrameModel.Frame frame : model.classify(document.text(), language).frames()) {
      frames.add(
          new ArticleFrame(frame.frame(), frame.score(), frame.definition(), frame.evidence()));
    }
    return document.with(ArticleFrame.LAYER, List.copyOf(frames));
  }
}
