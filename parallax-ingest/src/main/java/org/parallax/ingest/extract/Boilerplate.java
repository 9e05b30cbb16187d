package org.parallax.ingest.extract;

import java.util.List;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Span;

/**
 * A region removed from the clean text, kept so nothing is dropped silently.
 *
 * @param at a zero-width span: the offset in the clean text where the region stood
 * @param kind what it was: {@code navigation}, {@code share_prompt}, {@code donation_appeal},
 *     {@code related_links}, {@code read_more}, {@code comments}, {@code cookie_notice}, {@code
 *     caption}, {@code photo_credit}, {@code disclaimer}, {@code copyright}, {@code contact},
 *     {@code crosspost_notice} ("originally published by ..."), {@code taxonomy} ("Region: ...",
 *     "Tags: ..."), {@code separator}, {@code author_bio}, {@code advertisement}, {@code title},
 *     {@code masthead} (the outlet's name above the title), {@code byline}, {@code dateline},
 *     {@code signature}, {@code markup} (a stray inline tag), {@code other}
 * @param text the removed text as it was in the input
 * @param confidence how sure the cleaner is that this is boilerplate, in [0, 1]
 */
public record Boilerplate(Span at, String kind, String text, double confidence) {

  public static final Layer<List<Boilerplate>> LAYER =
      Layer.listOf("boilerplate", Boilerplate.class);
}
