package org.parallax.persuasion.annotate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.pipeline.Annotator;
import org.parallax.nlp.lang.Language;
import org.parallax.persuasion.genre.GenreModel;

/**
 * Tells an article's genre ({@link ArticleGenre#LAYER}) with the committed genre model. Documents
 * in a language the model was not trained on get no genre and a diagnostic saying so. Thread-safe.
 */
public final class GenreAnnotator implements Annotator {

  private final GenreModel model;

  public GenreAnnotator(GenreModel model) {
    this.model = model;
  }

  @Override
  public String name() {
    return "genre";
  }

  @Override
  public Set<Layer<?>> requires() {
    return Set.of(Language.DOCUMENT);
  }

  @Override
  public Set<Layer<?>> produces() {
    return Set.of(ArticleGenre.LAYER);
  }

  @Override
  public Document annotate(Document document) {
    String language = document.get(Language.DOCUMENT).code();
    String unread = unread(document, language, "genre");
    if (unread != null) {
      return withDiagnostic(document, name(), unread);
    }
    GenreModel.Finding finding = model.classify(document.text(), language);
    return document.with(
        ArticleGenre.LAYER,
        new ArticleGenre(
            finding.genre(),
            finding.score(),
            finding.scores(),
            GenreModel.GENRES.get(finding.genre()),
            finding.evidence()));
  }

  /**
   * Why an article-level model trained on {@link GenreModel#LANGUAGES} cannot read a document in
   * {@code language} ({@code what} it would have told), or null when it can.
   */
  static String unread(Document document, String language, String what) {
    if (document.text().isBlank()) {
      return "the document has no text, so no " + what + " was told";
    }
    if (!GenreModel.LANGUAGES.contains(language)) {
      return "the model reads "
          + String.join(", ", GenreModel.LANGUAGES)
          + "; this document is '"
          + language
          + "', so no "
          + what
          + " was told";
    }
    return null;
  }

  /** The document with one more diagnostic of {@code stage}. */
  static Document withDiagnostic(Document document, String stage, String message) {
    List<Diagnostic> diagnostics =
        new ArrayList<>(document.find(Diagnostic.LAYER).orElse(List.of()));
    diagnostics.add(new Diagnostic(stage, message));
    return document.with(Diagnostic.LAYER, List.copyOf(diagnostics));
  }
}
