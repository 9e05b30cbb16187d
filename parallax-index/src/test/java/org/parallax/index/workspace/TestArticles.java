package org.parallax.index.workspace;

import java.util.List;
import java.util.Map;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Source;
import org.parallax.core.model.Span;

/**
 * Layer records shaped like the annotators' own, declared here because this module must not depend
 * on the annotator modules, and invented articles to store.
 */
public final class TestArticles {

  public record Boilerplate(Span at, String kind, String text, double confidence) {}

  public record Paragraph(Span span) {}

  public record Sentence(Span span) {}

  public record Token(Span span) {}

  public record Language(Span span, String code, double confidence) {}

  public record Entity(Span span, String type, String canonical) {}

  public record Quote(
      Span span, String kind, String speaker, Span speakerSpan, String cue, Span cueSpan) {}

  public record Embeddings(String model, int dimension, String sentences, String document) {}

  public record Technique(Span span, String technique, double score, String voice) {}

  public static final Layer<List<Boilerplate>> BOILERPLATE =
      Layer.listOf("boilerplate", Boilerplate.class);
  public static final Layer<List<Paragraph>> PARAGRAPHS =
      Layer.listOf("paragraphs", Paragraph.class);
  public static final Layer<List<Sentence>> SENTENCES = Layer.listOf("sentences", Sentence.class);
  public static final Layer<List<Token>> TOKENS = Layer.listOf("tokens", Token.class);
  public static final Layer<Language> LANGUAGE = Layer.of("language", Language.class);
  public static final Layer<List<Language>> PARAGRAPH_LANGUAGES =
      Layer.listOf("paragraphLanguages", Language.class);
  public static final Layer<List<Entity>> ENTITIES = Layer.listOf("entities", Entity.class);
  public static final Layer<List<Quote>> QUOTES = Layer.listOf("quotes", Quote.class);
  public static final Layer<Embeddings> EMBEDDINGS = Layer.of("embeddings", Embeddings.class);
  public static final Layer<List<Technique>> TECHNIQUES = Layer.listOf("claims", Technique.class);

  private static final String[] OUTLETS = {"The Ledger", "Harbour Post", "Valley Courier"};
  private static final String[] LANGUAGES = {"en", "de", "fr"};

  private TestArticles() {}

  /** Article number {@code n}: a distinct text, one of three outlets and languages. */
  public static Document numbered(int n) {
    String text = "Report number " + n + ": the council of Eastvale met on Monday.";
    return Document.of(
            Source.of("input-" + n, "batch.jsonl#" + n, "https://news.example/a/" + n, "jsonl"),
            new Metadata(
                "Council meeting " + n,
                List.of("Ana Ruiz"),
                "2024-0" + (1 + n % 3) + "-1" + (n % 10),
                OUTLETS[n % 3],
                null),
            text)
        .with(LANGUAGE, new Language(new Span(0, text.length()), LANGUAGES[n % 3], 0.9));
  }

  /** A fully annotated article with every layer shape the annotators produce. */
  public static Document annotated() {
    String text = "Mayor Ada Brant said \"the bridge will open in May\".\n\nDer Rat widersprach.";
    int quoteBegin = text.indexOf("the bridge");
    int quoteEnd = text.indexOf("\".");
    int second = text.indexOf("Der");
    return Document.of(
            new Source(
                "in-1",
                "feed.jsonl#1",
                "https://news.example/bridge",
                "jsonl",
                Map.of("section", "local")),
            new Metadata(
                "Bridge opening", List.of("Ana Ruiz", "Li Wen"), "2024-03-04", "The Ledger", null),
            text)
        .with(
            BOILERPLATE,
            List.of(new Boilerplate(new Span(second - 2, second - 2), "share", "Share this", 0.8)))
        .with(
            PARAGRAPHS,
            List.of(
                new Paragraph(new Span(0, second - 2)),
                new Paragraph(new Span(second, text.length()))))
        .with(
            SENTENCES,
            List.of(
                new Sentence(new Span(0, second - 2)),
                new Sentence(new Span(second, text.length()))))
        .with(TOKENS, List.of(new Token(new Span(0, 5))))
        .with(LANGUAGE, new Language(new Span(0, text.length()), "en", 0.7))
        .with(
            PARAGRAPH_LANGUAGES,
            List.of(
                new Language(new Span(0, second - 2), "en", 0.9),
                new Language(new Span(second, text.length()), "de", 0.95)))
        .with(
            ENTITIES,
            List.of(
                new Entity(new Span(6, 15), "PERSON", "Ada Brant"),
                new Entity(new Span(second + 4, second + 7), "ORG", null)))
        .with(
            QUOTES,
            List.of(
                new Quote(
                    new Span(quoteBegin, quoteEnd),
                    "direct",
                    "Ada Brant",
                    new Span(6, 15),
                    "said",
                    new Span(16, 20))))
        .with(EMBEDDINGS, new Embeddings("mini", 2, "AAAA", "BBBB"))
        .with(Diagnostic.LAYER, List.of(new Diagnostic("ingest", "guessed encoding")));
  }
}
