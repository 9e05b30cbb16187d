package org.parallax.nlp.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parallax.core.json.Json;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.pipeline.ConfigException;
import org.parallax.core.pipeline.Pipeline;
import org.parallax.nlp.segment.SegmentAnnotator;

class LanguageAnnotatorTest {

  private static final Pipeline PIPELINE =
      Pipeline.of(
          new SegmentAnnotator(SegmentAnnotator.Config.DEFAULTS),
          new LanguageAnnotator(LanguageAnnotator.Config.DEFAULTS));

  private static Document analyse(String text, String hint) {
    return PIPELINE.annotate(
        Document.of(Source.of("t", "t", null, "txt"), Metadata.EMPTY.withLanguageHint(hint), text));
  }

  @Test
  void englishArticleWithAnArabicHeadlineIsEnglish() {
    String english =
        "The harbour council of Kestra voted on Tuesday to raise the tax on grain, a decision"
            + " the traders had opposed for months. General Tomas Reiner said the army would"
            + " keep order in the port while the new rules take effect.";
    Document d = analyse("الرئيس وصل إلى المدينة\n\n" + english + "\n\n" + english, null);
    Language document = d.get(Language.DOCUMENT);
    assertThat(document.code()).isEqualTo("en");
    assertThat(document.confidence()).isBetween(0.5, 1.0);
    List<Language> paragraphs = d.get(Language.PARAGRAPHS);
    assertThat(paragraphs).extracting(Language::code).containsExactly("ar", "en", "en");
    assertThat(paragraphs).allSatisfy(l -> assertThat(l.confidence()).isBetween(0.0, 1.0));
    assertThat(Json.read(Json.write(d)).get(Language.PARAGRAPHS)).isEqualTo(paragraphs);
  }

  @Test
  void shortLinesInTheSameScriptInheritTheDocumentLanguage() {
    String german =
        "Der Stadtrat von Kestra hat am Dienstag beschlossen, die Steuer auf Getreide zu erhöhen,"
            + " obwohl die Händler monatelang dagegen protestiert hatten.";
    Document d = analyse("Kestra\n\n" + german, null);
    assertThat(d.get(Language.DOCUMENT).code()).isEqualTo("de");
    assertThat(d.get(Language.PARAGRAPHS)).extracting(Language::code).containsExactly("de", "de");
  }

  @Test
  void emptyTextIsUndetermined() {
    Document d = analyse("  \n\n 12 345 ", null);
    assertThat(d.get(Language.DOCUMENT).code()).isEqualTo(Language.UNDETERMINED);
    assertThat(d.get(Language.DOCUMENT).confidence()).isZero();
  }

  @Test
  void theHintBreaksANearTieOnly() {
    String english =
        "The harbour council of Kestra voted on Tuesday to raise the tax on grain, a decision"
            + " the traders had opposed for months.";
    String french =
        "Le conseil du port de Kestra a voté mardi une hausse de la taxe sur le grain, que les"
            + " marchands contestaient depuis mai.";
    String both = english + "\n\n" + french;
    assertThat(analyse(both, "fr-FR").get(Language.DOCUMENT).code()).isEqualTo("fr");
    assertThat(analyse(both, "en").get(Language.DOCUMENT).code()).isEqualTo("en");
    assertThat(
            analyse(english + "\n\n" + english + "\n\n" + french, "fr")
                .get(Language.DOCUMENT)
                .code())
        .isEqualTo("en");
    assertThat(analyse(english, "de").get(Language.DOCUMENT).code()).isEqualTo("en");
  }

  @Test
  void factoryRejectsBadOptions() {
    LanguageFactory factory = new LanguageFactory();
    assertThatThrownBy(() -> factory.create(Map.of("minLetters", "3")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("minLetters");
    assertThatThrownBy(() -> factory.create(Map.of("hintMargin", "lots")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("hintMargin");
  }
}
