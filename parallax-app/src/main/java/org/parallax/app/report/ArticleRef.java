package org.parallax.app.report;

import java.util.ArrayList;
import java.util.List;
import org.parallax.core.model.Document;
import org.parallax.corpus.outlets.OutletProfiler;
import org.parallax.nlp.quotes.Quote;

/**
 * What the corpus pages show of one article, kept after its page is written: a few short strings,
 * and its quotes only when a story page will list them.
 *
 * @param href its page, relative to the report folder
 * @param outlet the outlet it is profiled under, by the same rule as the outlet profiles: its name,
 *     else its URL's host, else {@link OutletProfiler#UNKNOWN_OUTLET}
 * @param quotes its attributed quotes (with their number on the article page), or empty
 */
record ArticleRef(
    String id,
    String href,
    String title,
    String outlet,
    String published,
    String language,
    List<QuoteLine> quotes) {

  private static final int QUOTE_PREVIEW = 300;

  /** One quote: its speaker, its text shortened, and its anchor number on the article page. */
  record QuoteLine(String speaker, String text, int number) {}

  static ArticleRef of(ArticleView view, String href, boolean keepQuotes) {
    Document document = view.document();
    List<QuoteLine> quotes = new ArrayList<>();
    if (keepQuotes) {
      List<Quote> all = view.quotes();
      for (int i = 0; i < all.size(); i++) {
        Quote quote = all.get(i);
        String text = document.text(quote.span()).strip().replaceAll("\\s+", " ");
        quotes.add(
            new QuoteLine(
                ArticlePage.speakerName(quote), Html.shorten(text, QUOTE_PREVIEW), i + 1));
      }
    }
    return new ArticleRef(
        document.id(),
        href,
        view.title(),
        outletOf(document),
        document.metadata().published(),
        view.language(),
        List.copyOf(quotes));
  }

  /** The outlet name the corpus stages use for a document. */
  static String outletOf(Document document) {
    String outlet = document.metadata().outlet();
    if ((outlet == null || outlet.isBlank())
        && document.source().fields().get("outlet") instanceof String given) {
      outlet = given;
    }
    return OutletProfiler.outletKey(outlet, document.source().url());
  }
}
