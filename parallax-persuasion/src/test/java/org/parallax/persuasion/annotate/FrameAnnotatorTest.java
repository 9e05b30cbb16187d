package org.parallax.persuasion.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;
import org.parallax.nlp.lang.Language;
import org.parallax.persuasion.framing.FrameModel;

class FrameAnnotatorTest {

  private static final FrameAnnotator FRAMES =
      (FrameAnnotator) new FrameAnnotatorFactory().create(Map.of());

  private static Document document(String text, String language) {
    return Document.of(Source.of("t", "t", null, "txt"), Metadata.EMPTY, text)
        .with(Language.DOCUMENT, new Language(new Span(0, text.length()), language, 0.9));
  }

  @Test
  void anArticleGetsItsFramesMostLikelyFirstWithDefinitions() {
    List<ArticleFrame> frames =
        FRAMES
            .annotate(
                document(
                    "The army moved troops to the border after the missile attack. The defence"
                        + " minister warned of war, and soldiers guarded the military base.",
                    "en"))
            .get(ArticleFrame.LAYER);
    assertThat(frames).extracting(ArticleFrame::frame).contains("Security_and_defense");
    for (int i = 0; i < frames.size(); i++) {
      ArticleFrame frame = frames.get(i);
      assertThat(frame.definition()).isEqualTo(FrameModel.FRAMES.get(frame.frame()));
      assertThat(frame.score()).isGreaterThanOrEqualTo(FrameModel.bundled().threshold());
      if (i > 0) {
        assertThat(frame.score()).isLessThanOrEqualTo(frames.get(i - 1).score());
      }
    }
  }

  @Test
  void anotherLanguageGetsNoFramesAndADiagnostic() {
    Document out = FRAMES.annotate(document("El ejército llegó a la frontera.", "es"));
    assertThat(out.get(ArticleFrame.LAYER)).isEmpty();
    assertThat(out.get(org.parallax.core.model.Diagnostic.LAYER).get(0).message()).contains("'es'");
  }
}
