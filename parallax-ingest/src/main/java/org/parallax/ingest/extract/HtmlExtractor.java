package org.parallax.ingest.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Metadata;
import org.parallax.core.model.Span;

/**
 * Extracts the article from an HTML page: its metadata, its main text as paragraphs, and the page
 * furniture around it (navigation, share boxes, related links, cookie notices, footers) as labelled
 * boilerplate.
 *
 * <p>The main text is the block that paragraph-like elements vote for (weighed by length, commas,
 * class/id hints and link density), or the declared container ({@code itemprop=articleBody}, {@code
 * <article>}, {@code <main>}) around it, never a list of articles or one of its teasers; when the
 * article is split into containers of the same tag and class (around a figure, an ad), the parts
 * are read together; boxes of links inside it are removed as related links; when the page shows
 * only a fraction of its JSON-LD {@code articleBody}, that body is used. The text then goes through
 * the {@link TextCleaner}, which removes bylines, datelines and boilerplate lines the markup did
 * not give away. No rule is about one site.
 */
public final class HtmlExtractor {

  private static final Set<String> SILENT =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "iframe",
          "object",
          "embed",
          "canvas",
          "select",
          "input",
          "textarea");

  private static final Set<String> NOISE_TAGS =
      Set.of("nav", "header", "footer", "aside", "form", "dialog", "figcaption");

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "header",
          "footer",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "blockquote",
          "pre",
          "table",
          "tr",
          "dl",
          "dt",
          "dd",
          "figure",
          "figcaption",
          "address",
          "hr",
          "details",
          "summary",
          "aside",
          "nav",
          "form",
          "center",
          "body",
          "html",
          "caption",
          "tbody",
          "thead");

  /** Marks where a removed block stood, so its boilerplate gets an offset in the clean text. */
  private static final String MARKER = "parallax-removed";

  private HtmlExtractor() {}

  /**
   * Extracts one page.
   *
   * @param html the page source
   * @param baseUrl the page's URL for resolving relative links, or null
   */
  public static Extracted extract(String html, String baseUrl) {
    return extract(html, baseUrl, ExtractionLimits.DEFAULT_MAX_DEPTH);
  }

  /**
   * Extracts one page, flattening markup nested deeper than {@code maxDepth} to its text first.
   * jsoup parses any depth without recursion, but the extraction's walks up the tree cost time in
   * proportion to the depth; a page of a hundred thousand nested elements would hold a worker for
   * minutes. The result then carries a diagnostic saying how much was flattened.
   *
   * @param html the page source
   * @param baseUrl the page's URL for resolving relative links, or null
   * @param maxDepth the deepest element kept, counted from the document root
   */
  public static Extracted extract(String html, String baseUrl, int maxDepth) {
    Document page = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
    List<Diagnostic> diagnostics = new ArrayList<>();
    int flattened = flattenBelow(page, maxDepth);
    if (flattened > 0) {
      diagnostics.add(
          new Diagnostic(
              "ingest",
              String.format(
                  Locale.ROOT,
                  "the page nests its markup more than %d levels deep; %,d element(s) below that"
                      + " depth were flattened to their text",
                  maxDepth,
                  flattened)));
    }
    HtmlMetadata head = new HtmlMetadata(page);
    removeSilentAndHidden(page);

    List<Removed> removed = removeNoise(page.body());
    Element root = chooseRoot(page.body());
    List<Element> roots = withContinuations(root);
    for (Element part : roots) {
      pruneInside(part, removed);
    }
    if (onlyLinks(roots)) {
      // a page of links alone (a bare menu, a section front): there is no article to keep, and
      // what the votes found is furniture too
      for (Element part : roots) {
        Element marker = marker(removed);
        removed.add(new Removed("navigation", String.join("\n", render(part))));
        if (part == page.body()) {
          part.empty().appendChild(marker); // the body itself stays, holding the marker
        } else {
          part.replaceWith(marker);
        }
      }
      roots = List.of();
    }
    Metadata fromMarkup = head.read(root);

    List<String> paragraphs = new ArrayList<>();
    List<int[]> markerAt = new ArrayList<>(); // {removed index, paragraph index}
    renderOutside(page.body(), roots, markerAt, paragraphs);
    if (preferDeclaredBody(head.articleBody(), paragraphs)) {
      paragraphs = declaredParagraphs(head.articleBody());
      int last = paragraphs.size();
      markerAt.replaceAll(marker -> new int[] {marker[0], Math.min(marker[1], last)});
    }

    StringBuilder body = new StringBuilder();
    int[] firstLineOf = new int[paragraphs.size() + 1];
    int lines = 0;
    for (int p = 0; p < paragraphs.size(); p++) {
      if (p > 0) {
        body.append("\n\n");
        lines += 2;
      }
      firstLineOf[p] = lines;
      body.append(paragraphs.get(p));
      lines += (int) paragraphs.get(p).chars().filter(c -> c == '\n').count();
    }
    firstLineOf[paragraphs.size()] = lines + 1;

    String title = fromMarkup.title();
    TextCleaner.Cleaning cleaning = TextCleaner.cleanLines(body.toString(), title, false);
    Extracted cleaned = cleaning.extracted();
    List<Boilerplate> boilerplate = new ArrayList<>(cleaned.boilerplate());
    for (int[] marker : markerAt) {
      Removed block = removed.get(marker[0]);
      int at = cleaning.offsetAt(firstLineOf[marker[1]]);
      boilerplate.add(new Boilerplate(new Span(at, at), block.kind(), block.text(), 0.9));
    }
    boilerplate.sort(Comparator.comparing(Boilerplate::at));
    return new Extracted(
        cleaned.text(),
        fromMarkup.orElse(cleaned.metadata()),
        boilerplate,
        head.canonicalUrl(),
        diagnostics);
  }

  /**
   * Replaces the content of every element at {@code maxDepth} that has child elements with its
   * text, so no element lies deeper; returns how many elements were taken out. Iterative, as
   * jsoup's traversals are, so any depth is safe.
   */
  private static int flattenBelow(Document page, int maxDepth) {
    List<Element> deepest = new ArrayList<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (depth >= maxDepth && node instanceof Element element) {
              if (element.childrenSize() > 0) {
                deepest.add(element);
              }
              return FilterResult.SKIP_CHILDREN;
            }
            return FilterResult.CONTINUE;
          }
        },
        page);
    int removed = 0;
    for (Element element : deepest) {
      removed += element.getAllElements().size() - 1;
      String text = element.text();
      element.empty();
      element.appendText(text);
    }
    return removed;
  }

  private record Removed(String kind, String text) {}

  /** The marker standing where the next region added to {@code removed} was. */
  private static Element marker(List<Removed> removed) {
    return new Element(MARKER).attr("data-i", Integer.toString(removed.size()));
  }

  /**
   * Share of letters and digits in links above which a chosen block is a list of links, not an
   * article (separators such as "|" between links do not count).
   */
  private static final double ONLY_LINKS = 0.8;

  private static boolean onlyLinks(List<Element> roots) {
    int total = 0;
    int linked = 0;
    for (Element part : roots) {
      total += alphanumerics(part.text());
      for (Element link : part.getElementsByTag("a")) {
        linked += alphanumerics(link.text());
      }
    }
    return total > 0 && linked >= ONLY_LINKS * total;
  }

  private static int alphanumerics(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        count++;
      }
    }
    return count;
  }

  private static final Pattern DISPLAY_NONE = Pattern.compile("(?i)display:\\s*none");

  /**
   * Takes out, in one walk, what a reader never sees: scripts, styles, forms' inputs and the like
   * ({@link #SILENT}), and elements hidden by {@code hidden}, {@code aria-hidden=true} or {@code
   * display: none}. The page's own elements named like our markers are unwrapped: they would be
   * taken for removed regions.
   */
  private static void removeSilentAndHidden(Document page) {
    List<Element> gone = new ArrayList<>();
    List<Element> named = new ArrayList<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element element)) {
              return FilterResult.CONTINUE;
            }
            String tag = element.normalName();
            if (SILENT.contains(tag)
                || element.hasAttr("hidden")
                || element.attr("aria-hidden").trim().equalsIgnoreCase("true")
                || element.hasAttr("style") && DISPLAY_NONE.matcher(element.attr("style")).find()) {
              gone.add(element);
              return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals(MARKER)) {
              named.add(element);
            }
            return FilterResult.CONTINUE;
          }
        },
        page);
    gone.forEach(Element::remove);
    named.forEach(Element::unwrap);
  }

  /**
   * Whether the JSON-LD {@code articleBody} should replace what the page shows: when the page shows
   * a fraction of it, as pages that render the article with scripts do. A declared body that is
   * only a teaser is shorter than the page text and loses.
   */
  private static boolean preferDeclaredBody(String declared, List<String> shown) {
    if (declared == null) {
      return false;
    }
    int declaredWords = LineRules.words(declared);
    int shownWords = 0;
    for (String paragraph : shown) {
      shownWords += LineRules.words(paragraph);
    }
    return declaredWords >= 150 && declaredWords >= 2 * shownWords;
  }

  private static List<String> declaredParagraphs(String declared) {
    List<String> paragraphs = new ArrayList<>();
    for (String line : declared.split("\\s*\\n\\s*")) {
      String collapsed = line.replaceAll("[\\s\\u00a0]+", " ").strip();
      if (!collapsed.isEmpty()) {
        paragraphs.add(collapsed);
      }
    }
    return paragraphs;
  }

  /**
   * Takes page furniture out of the tree, leaving a marker element where each block stood. A block
   * that holds most of the page's paragraph text is never furniture, whatever its class says.
   */
  private static List<Removed> removeNoise(Element body) {
    List<Removed> removed = new ArrayList<>();
    // the page does not change during the walk: every element's paragraph text, in one pass
    Map<Element, Integer> paragraphTexts = paragraphTexts(body);
    int pageText = paragraphTexts.getOrDefault(body, 0);
    List<Element> noise = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    // one walk, outer blocks first; what lies inside a block taken out is not looked at
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element element) || element == body) {
              return FilterResult.CONTINUE;
            }
            String kind = noiseKind(element);
            if (kind == null
                || pageText > 0 && paragraphTexts.getOrDefault(element, 0) > 0.5 * pageText
                || element.normalName().equals("header") && element.selectFirst("h1") != null) {
              return FilterResult.CONTINUE;
            }
            noise.add(element);
            kinds.add(kind);
            return FilterResult.SKIP_ENTIRELY;
          }
        },
        body);
    for (int i = 0; i < noise.size(); i++) {
      Element element = noise.get(i);
      String kind = kinds.get(i);
      String text = String.join("\n", render(element));
      Element marker = marker(removed);
      if (!BLOCKS.contains(element.normalName())) {
        // an inline element (a card inside a sentence) leaves the sentence whole
        marker.attr("data-inline", "");
      }
      element.replaceWith(marker);
      if (!text.isBlank()) {
        removed.add(new Removed(kind, text));
      } else {
        marker.remove();
      }
    }
    return removed;
  }

  /**
   * Takes out of the article the blocks that are not prose: boxes of links (related stories, tags,
   * "more on this"), and small blocks whose names say furniture. Bottom-up, so a link box inside a
   * content block goes without the block.
   */
  private static void pruneInside(Element root, List<Removed> removed) {
    int rootText = root.text().length();
    List<Element> blocks =
        new ArrayList<>(
            root.select("div, section, ul, ol, table, dl, aside, form, figure, header"));
    java.util.Collections.reverse(blocks);
    for (Element block : blocks) {
      if (block == root || !attached(block, root) || block.selectFirst("a") == null) {
        continue; // without links a block is never a box of links
      }
      String text = block.text();
      if (text.isBlank() || text.length() > 0.5 * rootText) {
        continue;
      }
      String kind = pruneKind(block, text);
      if (kind == null) {
        continue;
      }
      Element marker = marker(removed);
      block.replaceWith(marker);
      removed.add(new Removed(kind, String.join("\n", render(block))));
    }
  }

  private static String pruneKind(Element block, String text) {
    double weight = classWeight(block);
    double links = linkDensity(block, text.length());
    int commas = commas(text);
    if (commas >= 10) {
      return null;
    }
    if (weight < 0 && links > 0.2) {
      return "related_links";
    }
    if (weight < 25 && links > 0.5) {
      return "related_links";
    }
    if (weight >= 25 && links > 0.75) {
      return "related_links";
    }
    return null;
  }

  private static boolean attached(Element element, Element body) {
    for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
      if (parent == body) {
        return true;
      }
    }
    return false;
  }

  /** The boilerplate kind an element's tag, class and id give away, or null for content. */
  static String noiseKind(Element element) {
    String tag = element.normalName();
    String role = element.attr("role").toLowerCase(Locale.ROOT);
    Set<String> tokens =
        element.hasAttr("class") || element.hasAttr("id") ? nameTokens(element) : Set.of();
    // the strongest kind any class/id word names: a lookup per word, not per known word
    int named = NAMED_KINDS.length;
    for (String token : tokens) {
      Integer rank = TOKEN_RANK.get(token);
      if (rank != null && rank < named) {
        named = rank;
      }
    }
    if (tag.equals("nav") || role.equals("navigation") || named == 0) {
      return "navigation";
    }
    if (named < HOVER_CARD_RANK) {
      return NAMED_KINDS[named][0];
    }
    if (!tokens.isEmpty() && isHoverCard(element, tokens) && !hasHoverCardInside(element)) {
      // a card that shows on hover over a name in the text: more links, not the sentence; the
      // innermost such element holding links is the card, its wrappers and the link itself hold
      // the name it pops up from
      return "related_links";
    }
    if (named < CAPTION_RANK) {
      return NAMED_KINDS[named][0];
    }
    if (tag.equals("figcaption") || named == CAPTION_RANK) {
      return "caption";
    }
    if (tag.equals("footer") || role.equals("contentinfo") || tokens.contains("footer")) {
      String text = element.text();
      return text.contains("©") || text.toLowerCase(Locale.ROOT).contains("copyright")
          ? "copyright"
          : "navigation";
    }
    if (tag.equals("header") || role.equals("banner")) {
      return "navigation";
    }
    if (tag.equals("aside")) {
      return "related_links";
    }
    if (NOISE_TAGS.contains(tag)) {
      return "other";
    }
    return null;
  }

  /**
   * Class/id words that name page furniture, strongest first: each row is a kind and its words. A
   * hover card (checked on the element's structure) ranks between advertisements and copyright.
   */
  private static final String[][] NAMED_KINDS = {
    {
      "navigation",
      "nav",
      "navbar",
      "topbar",
      "menu",
      "breadcrumb",
      "breadcrumbs",
      "pagination",
      "pager",
      "prev",
      "previous"
    },
    {"cookie_notice", "cookie", "cookies", "consent", "gdpr"},
    {"share_prompt", "share", "sharing", "social", "sharebar", "shares"},
    {"comments", "comment", "comments", "disqus"},
    {
      "related_links",
      "related",
      "recommended",
      "recirculation",
      "readmore",
      "teaser",
      "teasers",
      "more"
    },
    {"share_prompt", "subscribe", "subscription", "newsletter", "signup", "paywall"},
    {"donation_appeal", "donate", "donation", "donations", "membership", "patreon", "support"},
    {
      "advertisement",
      "ad",
      "ads",
      "advert",
      "advertisement",
      "sponsor",
      "sponsored",
      "promo",
      "banner",
      "dfp",
      "taboola",
      "outbrain"
    },
    {"copyright", "copyright"},
    {"disclaimer", "disclaimer"},
    {"photo_credit", "credit", "credits"},
    {"caption", "caption"},
  };

  /** The row of {@link #NAMED_KINDS} that comes after a hover card. */
  private static final int HOVER_CARD_RANK = 8;

  /** The last row of {@link #NAMED_KINDS}: a caption, which a {@code figcaption} tag also says. */
  private static final int CAPTION_RANK = NAMED_KINDS.length - 1;

  private static final Map<String, Integer> TOKEN_RANK = tokenRanks();

  private static Map<String, Integer> tokenRanks() {
    Map<String, Integer> ranks = new java.util.HashMap<>();
    for (int rank = 0; rank < NAMED_KINDS.length; rank++) {
      for (int i = 1; i < NAMED_KINDS[rank].length; i++) {
        ranks.putIfAbsent(NAMED_KINDS[rank][i], rank);
      }
    }
    return Map.copyOf(ranks);
  }

  /** The lower-case words of an element's class and id ("share-bar" gives share, bar). */
  private static Set<String> nameTokens(Element element) {
    Set<String> tokens = new HashSet<>();
    String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= names.length(); i++) {
      char c = i < names.length() ? names.charAt(i) : ' ';
      boolean word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        tokens.add(names.substring(start, i));
        start = -1;
      }
    }
    return tokens;
  }

  private static final String[] HOVER_CARD = {
    "tooltip", "popover", "popup", "rollover", "hovercard"
  };

  private static boolean isHoverCard(Element element, Set<String> tokens) {
    return hasAny(tokens, HOVER_CARD)
        && !element.normalName().equals("a")
        && element.selectFirst("a") != null;
  }

  private static boolean hasHoverCardInside(Element element) {
    for (Element inner : element.getAllElements()) {
      if (inner != element && isHoverCard(inner, nameTokens(inner))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasAny(Set<String> tokens, String... wanted) {
    for (String w : wanted) {
      if (tokens.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The element holding the article. Paragraph-like blocks vote for their parent and, less, their
   * ancestors (by length and commas); the votes are weighed by class/id hints and discounted by
   * link density. A declared container ({@code itemprop=articleBody}, {@code <article>}, {@code
   * <main>}) wins when it holds the best-voted block and not much else.
   */
  private static Element chooseRoot(Element body) {
    Listings listings = new Listings(body);
    Element voted = bestByVotes(body, listings);
    for (String declaredSelector :
        List.of("[itemprop=articleBody]", "article", "main, [role=main]")) {
      Elements candidates = body.select(declaredSelector);
      candidates.removeIf(listings::holds);
      Element declared = bestByParagraphText(candidates);
      if (declared == null || paragraphText(declared) == 0) {
        continue;
      }
      if (voted == null) {
        return declared;
      }
      if (declared == voted || voted.parents().contains(declared)) {
        // the declared container is the article unless it also wraps a lot of other text
        return paragraphText(declared) <= 1.5 * paragraphText(voted) ? declared : voted;
      }
      if (declared.parents().contains(voted)) {
        // the votes went to a wrapper: the declared container inside it is the article if it
        // holds most of the wrapper's paragraph text
        if (paragraphText(declared) >= 0.7 * paragraphText(voted)) {
          return declared;
        }
      }
    }
    if (voted != null) {
      return voted;
    }
    return densestParagraphParent(body);
  }

  private static Element bestByVotes(Element body, Listings listings) {
    Map<Element, Double> votes = new IdentityHashMap<>();
    for (Element block : body.select("p, pre, td, blockquote, div, section, li, dd")) {
      String tag = block.normalName();
      boolean textBlock =
          tag.equals("p") || tag.equals("pre") || tag.equals("blockquote") || tag.equals("td");
      if (!textBlock && !hasOwnProse(block)) {
        continue;
      }
      String text = textBlock ? block.text() : block.ownText();
      if (text.length() < 25) {
        continue;
      }
      double score = 1 + commas(text) + Math.min(text.length() / 100.0, 3);
      int level = 0;
      Element voter = textBlock ? block.parent() : block;
      for (Element ancestor = voter; ancestor != null && level < 5; ancestor = ancestor.parent()) {
        if (ancestor == body.parent()) {
          break;
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        votes.merge(ancestor, score / divider, Double::sum);
        level++;
      }
    }
    // link density only lowers a score, so candidates are tried from the highest score before it
    // and the walk stops once no one left can win: the density of the rest is never computed
    List<Element> candidates = new ArrayList<>(votes.keySet());
    Map<Element, Double> bound = new IdentityHashMap<>();
    for (Element candidate : candidates) {
      bound.put(candidate, votes.get(candidate) + tagWeight(candidate) + classWeight(candidate));
    }
    candidates.sort(Comparator.comparingDouble(bound::get).reversed());
    Element best = null;
    double bestScore = 0;
    for (Element candidate : candidates) {
      double upper = bound.get(candidate);
      if (upper <= bestScore) {
        break;
      }
      if (listings.holds(candidate)) {
        continue;
      }
      double score = upper * (1 - linkDensity(candidate));
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best;
  }

  /**
   * Whether an element is a list of articles (a feed, "you may also like") rather than one: it
   * holds two or more {@code <article>} elements with text of their own.
   */
  private static boolean isListing(Element element, Map<Element, Integer> paragraphTexts) {
    Elements articles = element.getElementsByTag("article");
    if (articles.size() < 3) {
      return false;
    }
    int own = paragraphTexts.getOrDefault(element, 0);
    int listed = 0;
    int largest = 0;
    int count = 0;
    for (Element article : articles) {
      if (article == element || !outermostArticle(article, element)) {
        continue;
      }
      int text = paragraphTexts.getOrDefault(article, 0);
      if (text > 0) {
        count++;
        listed += text;
        largest = Math.max(largest, text);
      }
    }
    // items of a list are alike; one article among small teasers is the page's article
    return count >= 3 && listed > 0.8 * own && largest < 0.5 * listed;
  }

  /**
   * Which elements are lists of articles, each worked out once. The {@code <article>} elements
   * under every element are counted in one pass first, so that only elements with three or more are
   * ever looked at closely.
   */
  private static final class Listings {
    private final Element body;
    private final Map<Element, Integer> articlesUnder = new IdentityHashMap<>();
    private final Map<Element, Boolean> known = new IdentityHashMap<>();
    private Map<Element, Integer> paragraphTexts; // of the whole page, once one is needed

    Listings(Element body) {
      this.body = body;
      for (Element article : body.getElementsByTag("article")) {
        for (Element e = article; e != null; e = e.parent()) {
          articlesUnder.merge(e, 1, Integer::sum);
        }
      }
    }

    private boolean isListing(Element element) {
      if (paragraphTexts == null) {
        paragraphTexts = paragraphTexts(body.root());
      }
      return HtmlExtractor.isListing(element, paragraphTexts);
    }

    /** Whether the element is a list of articles or one of its items. */
    boolean holds(Element element) {
      for (Element e = element; e != null; e = e.parent()) {
        if (articlesUnder.getOrDefault(e, 0) >= 3 && known.computeIfAbsent(e, this::isListing)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Whether no {@code <article>} stands between this one and {@code within}. */
  private static boolean outermostArticle(Element article, Element within) {
    for (Element parent = article.parent(); parent != null && parent != within; ) {
      if (parent.normalName().equals("article")) {
        return false;
      }
      parent = parent.parent();
    }
    return true;
  }

  /** A {@code div} or similar that holds text itself, as sites without {@code <p>} do. */
  private static boolean hasOwnProse(Element block) {
    return block.ownText().length() >= 25;
  }

  private static int commas(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '،' || c == '、' || c == '，') {
        count++;
      }
    }
    return count;
  }

  private static double tagWeight(Element element) {
    return switch (element.normalName()) {
      case "div", "article", "main", "section" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
  }

  // Readability's hint words, matched anywhere in a class or id, ignoring ASCII case
  private static final String[] POSITIVE_HINT = {
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "prose",
    "richtext",
    "rich-text"
  };
  private static final String[] NEGATIVE_HINT = {
    "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
    "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "nav", "menu",
    "social", "newsletter", "recommend", "teaser", "more"
  };

  /** Readability's class/id weight: +25 for names that say content, -25 for furniture. */
  static double classWeight(Element element) {
    double weight = 0;
    for (String name : List.of(element.className(), element.id())) {
      if (name.isEmpty()) {
        continue;
      }
      String lower = asciiLowerCase(name);
      if (containsAny(lower, NEGATIVE_HINT)) {
        weight -= 25;
      }
      if (containsAny(lower, POSITIVE_HINT)) {
        weight += 25;
      }
    }
    return weight;
  }

  private static String asciiLowerCase(String value) {
    char[] chars = value.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] >= 'A' && chars[i] <= 'Z') {
        chars[i] += 'a' - 'A';
      }
    }
    return new String(chars);
  }

  private static boolean containsAny(String value, String[] words) {
    for (String word : words) {
      if (value.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** The share of an element's text that sits in links. */
  static double linkDensity(Element element) {
    return linkDensity(element, element.text().length());
  }

  /** {@link #linkDensity(Element)} when the length of the element's text is known. */
  private static double linkDensity(Element element, int total) {
    if (total == 0) {
      return 0;
    }
    int linked = 0;
    for (Element link : element.getElementsByTag("a")) {
      linked += link.text().length();
    }
    return Math.min(1, (double) linked / total);
  }

  private static Element densestParagraphParent(Element body) {
    Element densest = null;
    int densestText = 0;
    for (Element element : body.getAllElements()) {
      int direct = 0;
      for (Element child : element.children()) {
        if (child.normalName().equals("p") || child.normalName().equals("blockquote")) {
          direct += child.text().length();
        }
      }
      if (direct > densestText) {
        densestText = direct;
        densest = element;
      }
    }
    return densest != null ? densest : body;
  }

  private static Element bestByParagraphText(Elements candidates) {
    return candidates.stream()
        .max(Comparator.comparingInt(HtmlExtractor::paragraphText))
        .orElse(null);
  }

  private static final Evaluator PARAGRAPHS = QueryParser.parse("p, blockquote, pre, li");

  /**
   * {@link #paragraphText} of {@code root} and of every element under it with any, from one walk:
   * each paragraph's own text counts for it and for all its ancestors up to {@code root}.
   */
  private static Map<Element, Integer> paragraphTexts(Element root) {
    Map<Element, Integer> totals = new IdentityHashMap<>();
    for (Element p : root.select(PARAGRAPHS)) {
      int length = p.ownText().length();
      if (length == 0) {
        continue;
      }
      for (Element e = p; e != null; e = e == root ? null : e.parent()) {
        totals.merge(e, length, Integer::sum);
      }
    }
    return totals;
  }

  private static int paragraphText(Element element) {
    int total = 0;
    for (Element p : element.select(PARAGRAPHS)) {
      total += p.ownText().length();
    }
    return total;
  }

  /**
   * Walks the whole body: inside the roots, text becomes paragraphs; a marker outside them stands
   * where the text had got to, so markers before the first root stand at its start.
   */
  private static void renderOutside(
      Element body, List<Element> roots, List<int[]> markerAt, List<String> paragraphs) {
    Set<Element> rootSet = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    rootSet.addAll(roots);
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element element && rootSet.contains(element)) {
              Renderer renderer = new Renderer(paragraphs, markerAt, element);
              NodeTraversor.traverse(renderer, element);
              renderer.flush();
              return FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof Element element && element.normalName().equals(MARKER)) {
              markerAt.add(new int[] {Integer.parseInt(element.attr("data-i")), paragraphs.size()});
            }
            return FilterResult.CONTINUE;
          }
        },
        body);
  }

  /**
   * The root and the other parts of the same text: pages that break an article with figures, quotes
   * or ads often close its container and open another of the same tag and class after the break.
   * Parts are looked for near the root (under its fifth ancestor) and must be prose: enough
   * paragraph text, few links.
   */
  private static List<Element> withContinuations(Element root) {
    String className = root.className();
    if (className.isBlank() || root.normalName().equals("body")) {
      return List.of(root);
    }
    Element scope = root;
    for (int level = 0; level < CONTINUATION_LEVELS; level++) {
      Element parent = scope.parent();
      if (parent == null || parent.normalName().equals("html")) {
        break;
      }
      scope = parent;
    }
    List<Element> parts = new ArrayList<>();
    for (Element candidate : scope.getElementsByClass(root.classNames().iterator().next())) {
      if (candidate == root) {
        parts.add(root);
        continue;
      }
      if (!candidate.normalName().equals(root.normalName())
          || !candidate.className().equals(className)
          || insideAny(candidate, parts)
          || candidate.parents().contains(root)
          || root.parents().contains(candidate)
          || paragraphText(candidate) < CONTINUATION_TEXT
          || linkDensity(candidate) > 0.25) {
        continue;
      }
      parts.add(candidate);
    }
    return parts.isEmpty() ? List.of(root) : parts;
  }

  private static final int CONTINUATION_LEVELS = 5;

  private static final int CONTINUATION_TEXT = 300;

  private static boolean insideAny(Element element, List<Element> parts) {
    for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
      if (parts.contains(parent)) {
        return true;
      }
    }
    return false;
  }

  /** The text of an element as paragraphs, for a removed block's recorded text. */
  private static List<String> render(Element element) {
    List<String> paragraphs = new ArrayList<>();
    Renderer renderer = new Renderer(paragraphs, new ArrayList<>(), element);
    NodeTraversor.traverse(renderer, element);
    renderer.flush();
    return paragraphs;
  }

  /** Block elements become paragraphs, {@code <br>} a line break, runs of space one space. */
  private static final class Renderer implements NodeVisitor {
    private final List<String> paragraphs;
    private final List<int[]> markerAt;
    private final StringBuilder current = new StringBuilder();

    private int preDepth;

    /**
     * @param start the element the traversal starts at, for whether its text is preformatted
     */
    Renderer(List<String> paragraphs, List<int[]> markerAt, Element start) {
      this.paragraphs = paragraphs;
      this.markerAt = markerAt;
      this.preDepth = preAround(start);
    }

    /**
     * Appends text with each run of ASCII white space and no-break spaces made one space, as the
     * regex {@code [\\s\\u00a0]+} would, without a regex per text node.
     */
    private static void appendCollapsed(String text, StringBuilder out) {
      boolean space = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == ' '
            || c == '\t'
            || c == '\n'
            || c == '\u000B'
            || c == '\f'
            || c == '\r'
            || c == '\u00a0') {
          space = true;
        } else {
          if (space) {
            out.append(' ');
            space = false;
          }
          out.append(c);
        }
      }
      if (space) {
        out.append(' ');
      }
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        // newlines in the page source are layout, not text; only <br> and blocks break lines
        String whole = text.getWholeText();
        if (preDepth > 0) {
          current.append(whole);
        } else {
          appendCollapsed(whole, current);
        }
      } else if (node instanceof Element element) {
        String tag = element.normalName();
        if (tag.equals(MARKER)) {
          if (!element.hasAttr("data-inline")) {
            flush();
          }
          markerAt.add(new int[] {Integer.parseInt(element.attr("data-i")), paragraphs.size()});
        } else if (tag.equals("br")) {
          current.append('\n');
        } else if (tag.equals("pre")) {
          preDepth++;
          flush();
        } else if (BLOCKS.contains(tag)) {
          flush();
        } else if (tag.equals("td") || tag.equals("th")) {
          current.append(' ');
        }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
        if (element.normalName().equals("pre")) {
          preDepth--;
        }
        flush();
      }
    }

    /** How many {@code <pre>} elements stand around the element a traversal starts at. */
    private static int preAround(Element start) {
      int count = 0;
      for (Element parent = start.parent(); parent != null; parent = parent.parent()) {
        if (parent.normalName().equals("pre")) {
          count++;
        }
      }
      return count;
    }

    void flush() {
      if (current.length() == 0) {
        return;
      }
      StringBuilder paragraph = new StringBuilder();
      StringBuilder piece = new StringBuilder();
      for (String line : current.toString().split("\n", -1)) {
        piece.setLength(0);
        appendCollapsed(line, piece);
        String collapsed = piece.toString().strip();
        if (!collapsed.isEmpty()) {
          if (paragraph.length() > 0) {
            paragraph.append('\n');
          }
          paragraph.append(collapsed);
        }
      }
      if (paragraph.length() > 0) {
        paragraphs.add(paragraph.toString());
      }
      current.setLength(0);
    }
  }
}
