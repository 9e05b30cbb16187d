package org.parallax.persuasion.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;
import org.parallax.nlp.lang.Language;
import org.parallax.persuasion.genre.GenreModel;

class GenreAnnotatorTest {

  private static final GenreAnnotator GENRE =
      (GenreAnnotator) new GenreAnnotatorFactory().create(Map.of());

  private static Document document(String text, String language) {
    return Document.of(Source.of("t", "t", null, "txt"), Metadata.EMPTY, text)
        .with(Language.DOCUMENT, new Language(new Span(0, text.length()), language, 0.9));
  }

  @Test
  void anArticleInATrainedLanguageGetsItsGenreWithEvidence() {
    Document out =
        GENRE.annotate(
            document(
                "I believe the council has failed us. We must demand better, and you should too. In"
                    + " my view the harbour plan was never honest.",
                "en"));
    ArticleGenre genre = out.get(ArticleGenre.LAYER);
    assertThat(GenreModel.GENRES).containsKey(genre.genre());
    assertThat(genre.definition()).isEqualTo(GenreModel.GENRES.get(genre.genre()));
    assertThat(genre.scores()).containsOnlyKeys("opinion", "reporting", "satire");
    assertThat(genre.score()).isEqualTo(genre.scores().get(genre.genre()));
    assertThat(genre.evidence()).isNotEmpty();
  }

  @Test
  void anotherLanguageGetsADiagnosticAndNoGenre() {
    Document out = GENRE.annotate(document("El puerto reabrió el martes.", "es"));
    assertThat(out.find(ArticleGenre.LAYER)).isEmpty();
    List<Diagnostic> diagnostics = out.get(Diagnostic.LAYER);
    assertThat(diagnostics)
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("'es'"));
  }

  @Test
  void anEmptyTextGetsNoGenre() {
    Document out = GENRE.annotate(document(" ", "en"));
    assertThat(out.find(ArticleGenre.LAYER)).isEmpty();
    assertThat(out.get(Diagnostic.LAYER).get(0).message()).contains("no text");
  }
}
