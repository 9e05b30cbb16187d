package org.parallax.nlp.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;
import org.parallax.core.pipeline.Pipeline;
import org.parallax.nlp.lang.LanguageAnnotator;
import org.parallax.nlp.segment.SegmentAnnotator;
import org.parallax.nlp.segment.Token;

/** CoreNLP NER end to end on text written for the test; an IT because the models load slowly. */
class EntityAnnotatorIT {

  private static Pipeline pipeline;

  @BeforeAll
  static void load() {
    pipeline =
        Pipeline.of(
            new SegmentAnnotator(SegmentAnnotator.Config.DEFAULTS),
            new LanguageAnnotator(LanguageAnnotator.Config.DEFAULTS),
            new EntityAnnotator(EntityAnnotator.Config.DEFAULTS));
  }

  private static Document analyse(String text) {
    return pipeline.annotate(Document.of(Source.of("t", "t", null, "txt"), Metadata.EMPTY, text));
  }

  @Test
  void personsAreFoundAndShortFormsShareTheFullName() {
    Document d =
        analyse(
            "General Tomas Reiner met President Anton Veligor in Paris on Monday. Reiner said"
                + " the talks had gone well.\n\nVeligor's office in London confirmed that"
                + " Reiner and Veligor would meet the United Nations envoy again.");
    List<Entity> entities = d.get(Entity.LAYER);
    Map<String, String> canonicalByText =
        entities.stream()
            .filter(e -> e.type().equals("PERSON"))
            .collect(Collectors.toMap(e -> d.text(e.span()), Entity::canonical, (a, b) -> a));
    assertThat(canonicalByText)
        .containsEntry("Tomas Reiner", "Tomas Reiner")
        .containsEntry("Reiner", "Tomas Reiner")
        .containsEntry("Anton Veligor", "Anton Veligor")
        .containsEntry("Veligor", "Anton Veligor");
    assertThat(entities)
        .anySatisfy(e -> assertThat(d.text(e.span())).isEqualTo("Paris"))
        .noneSatisfy(e -> assertThat(d.text(e.span())).isEqualToIgnoringCase("he"));
    List<Span> spans = entities.stream().map(Entity::span).toList();
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      assertThat(span.end()).isLessThanOrEqualTo(d.text().length());
      if (i > 0) {
        assertThat(span.begin()).isGreaterThanOrEqualTo(spans.get(i - 1).end());
      }
      // entities start and end on token boundaries of the segment stage
      assertThat(d.get(Token.LAYER)).anyMatch(t -> t.span().begin() == span.begin());
      assertThat(d.get(Token.LAYER)).anyMatch(t -> t.span().end() == span.end());
    }
    assertThat(Json.read(Json.write(d)).get(Entity.LAYER)).isEqualTo(entities);
  }

  @Test
  void paragraphsInOtherScriptsAreSkippedWithADiagnostic() {
    Document d =
        analyse(
            "Anton Veligor spoke in Kestra on Monday about the harbour and the grain tax.\n\n"
                + "وصل الرئيس إلى المدينة يوم الاثنين وتحدث عن الميناء والضرائب الجديدة.");
    assertThat(d.get(Entity.LAYER)).isNotEmpty();
    assertThat(d.get(Diagnostic.LAYER))
        .singleElement()
        .satisfies(diagnostic -> assertThat(diagnostic.message()).contains("ar"));
  }
}
