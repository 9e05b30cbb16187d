package org.parallax.nlp.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Document;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;
import org.parallax.core.pipeline.Pipeline;
import org.parallax.nlp.lang.Language;
import org.parallax.nlp.lang.LanguageAnnotator;
import org.parallax.nlp.segment.SegmentAnnotator;
import org.parallax.nlp.segment.Token;

/**
 * German, French and Spanish paragraphs read by their own CoreNLP NER models, on text written for
 * the test; an IT because each model takes seconds to load.
 */
class MultilingualEntitiesIT {

  private static Pipeline pipeline;

  @BeforeAll
  static void load() {
    pipeline =
        Pipeline.of(
            new SegmentAnnotator(SegmentAnnotator.Config.DEFAULTS),
            new LanguageAnnotator(LanguageAnnotator.Config.DEFAULTS),
            new EntityAnnotator(EntityAnnotator.Config.DEFAULTS));
  }

  private static Document analyse(String text, String expectedLanguage) {
    Document d =
        pipeline.annotate(Document.of(Source.of("t", "t", null, "txt"), Metadata.EMPTY, text));
    assertThat(d.get(Language.PARAGRAPHS))
        .as("the test text must be detected as %s", expectedLanguage)
        .allSatisfy(language -> assertThat(language.code()).isEqualTo(expectedLanguage));
    assertAlignedWithTokens(d);
    return d;
  }

  private static List<String> texts(Document d, String type) {
    return d.get(Entity.LAYER).stream()
        .filter(e -> e.type().equals(type))
        .map(e -> d.text(e.span()))
        .toList();
  }

  private static void assertAlignedWithTokens(Document d) {
    List<Span> spans = d.get(Entity.LAYER).stream().map(Entity::span).toList();
    for (Span span : spans) {
      assertThat(d.get(Token.LAYER)).anyMatch(t -> t.span().begin() == span.begin());
      assertThat(d.get(Token.LAYER)).anyMatch(t -> t.span().end() == span.end());
    }
  }

  @Test
  void germanPersonIsFoundAndSentenceInitialWordsAreNotNames() {
    Document d =
        analyse(
            "„Wir werden den Hafen nicht aufgeben“, sagte General Tomás Reiner am Montag in"
                + " Calvik. Durch die Meerenge fahren Schiffe. Die Hafenbehörde von Saltmere"
                + " wollte sich zu den Vorwürfen nicht äußern. Eine Sprecherin der Regierung"
                + " bestätigte später, dass die Verhandlungen weitergehen.",
            "de");
    assertThat(texts(d, "PERSON")).contains("Tomás Reiner");
    assertThat(texts(d, "PERSON"))
        .noneMatch(name -> name.startsWith("Durch"))
        .noneMatch(name -> name.startsWith("Die "))
        .noneMatch(name -> name.startsWith("Eine"));
    assertThat(texts(d, "LOCATION")).contains("Calvik");
  }

  @Test
  void frenchPersonIsFoundAndLabelsAreMappedToOurTypes() {
    Document d =
        analyse(
            "« Nous ne céderons pas le port », a déclaré le général Tomás Reiner lundi à Calvik."
                + " Le ministère des Affaires étrangères a refusé de commenter ces accusations,"
                + " tandis que les négociations se poursuivent à Genève.",
            "fr");
    assertThat(texts(d, "PERSON")).contains("Tomás Reiner");
    assertThat(d.get(Entity.LAYER))
        .extracting(Entity::type)
        .allMatch(type -> List.of("PERSON", "ORGANIZATION", "LOCATION", "MISC").contains(type));
    assertThat(texts(d, "LOCATION")).contains("Calvik");
  }

  @Test
  void spanishPersonIsFound() {
    Document d =
        analyse(
            "«No vamos a entregar el puerto», dijo el general Tomás Reiner el lunes en Calvik."
                + " El Ministerio de Asuntos Exteriores no quiso comentar las acusaciones,"
                + " mientras las negociaciones continúan en Ginebra.",
            "es");
    assertThat(texts(d, "PERSON")).contains("Tomás Reiner");
    assertThat(d.get(Entity.LAYER))
        .extracting(Entity::type)
        .allMatch(type -> List.of("PERSON", "ORGANIZATION", "LOCATION", "MISC").contains(type));
  }

  @Test
  void italianWithoutAModelOfItsOwnKeepsNamesAndLosesSentenceWordsAndTheWordsAroundNames() {
    // the English model reads Italian: names come out cut from the words around them
    Document d =
        analyse(
            "Sono arrivati ieri a Calvik i delegati della missione. Secondo il ministro Marco"
                + " Ferrante la missione di Calvik che preoccupa il governo resterà aperta. Gli"
                + " Stati Uniti non hanno commentato, mentre Marco Ferrante ha incontrato i"
                + " sindacati del porto di Calvik.",
            "it");
    List<String> names = d.get(Entity.LAYER).stream().map(e -> d.text(e.span())).toList();
    assertThat(names).contains("Marco Ferrante");
    assertThat(names)
        .noneMatch(name -> name.startsWith("Sono"))
        .noneMatch(name -> name.startsWith("Secondo"))
        .noneMatch(name -> name.startsWith("Gli"))
        .allMatch(name -> Character.isUpperCase(name.charAt(0)))
        .allMatch(name -> Character.isUpperCase(name.charAt(name.lastIndexOf(' ') + 1)));
  }

  @Test
  void polishSentenceInitialVerbsAreNoNames() {
    Document d =
        analyse(
            "Nie wiadomo, kiedy statki wrócą do portu w Calvik. Zaznaczył to w poniedziałek"
                + " minister Marek Wolski. Podkreślił, że rozmowy z Saltmere potrwają jeszcze"
                + " kilka tygodni, a Marek Wolski pojedzie do Calvik w piątek.",
            "pl");
    List<String> names = d.get(Entity.LAYER).stream().map(e -> d.text(e.span())).toList();
    assertThat(names).contains("Marek Wolski");
    assertThat(names).doesNotContain("Nie", "Zaznaczył", "Podkreślił");
  }
}
