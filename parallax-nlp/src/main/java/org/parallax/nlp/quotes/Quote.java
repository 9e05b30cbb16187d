package org.parallax.nlp.quotes;

import java.util.List;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;

/**
 * Something a named source is reported to have said.
 *
 * @param span the quoted or reported content, without the quotation marks
 * @param kind {@code direct} for words in quotation marks, {@code reported} for indirect speech
 *     ("the ministry stated that ...", "..., according to the ministry")
 * @param speaker the speaker's canonical name when the text gives one (a pronoun resolved to the
 *     nearest earlier speaker), else {@code null}
 * @param speakerSpan where the speaker is named in the text, else {@code null}
 * @param cue the cue word(s) as written: "said", "wrote", "according to", else {@code null}
 * @param cueSpan where the cue is, else {@code null}
 */
public record Quote(
    Span span, String kind, String speaker, Span speakerSpan, String cue, Span cueSpan) {

  public static final Layer<List<Quote>> LAYER = Layer.listOf("quotes", Quote.class);

  public static final String DIRECT = "direct";
  public static final String REPORTED = "reported";
}
