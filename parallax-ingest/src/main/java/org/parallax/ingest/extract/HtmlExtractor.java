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
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
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
 * <article>}, {@code <main>}) around it; boxes of links inside it are removed as related links;
 * when the page shows only a fraction of its JSON-LD {@code articleBody}, that body is used. The
 * text then goes through the {@link TextCleaner}, which removes bylines, datelines and boilerplate
 * lines the markup did not give away. No rule is about one site.
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
    page.select(String.join(",", SILENT)).remove();
    page.select("[hidden], [aria-hidden=true], [style~=(?i)display:\\s*none]").remove();
    // a page's own elements named like our markers would be taken for removed regions
    page.getElementsByTag(MARKER).unwrap();

    List<Removed> removed = removeNoise(page.body());
    Element root = chooseRoot(page.body());
    pruneInside(root, removed);
    Metadata fromMarkup = head.read(root);

    List<String> paragraphs = new ArrayList<>();
    List<int[]> markerAt = new ArrayList<>(); // {removed index, paragraph index}
    boolean[] passedRoot = {false};
    renderOutside(page.body(), root, removed, markerAt, passedRoot, paragraphs);
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
    int pageText = paragraphText(body);
    for (Element element : new ArrayList<>(body.getAllElements())) {
      if (element == body || element.parent() == null || !attached(element, body)) {
        continue;
      }
      String kind = noiseKind(element);
      if (kind == null) {
        continue;
      }
      if (pageText > 0 && paragraphText(element) > 0.5 * pageText) {
        continue;
      }
      if (element.normalName().equals("header") && element.selectFirst("h1") != null) {
        continue;
      }
      String text = String.join("\n", render(element));
      Element marker = new Element(MARKER).attr("data-i", Integer.toString(removed.size()));
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
      if (block == root || !attached(block, root)) {
        continue;
      }
      String text = block.text();
      if (text.isBlank() || text.length() > 0.5 * rootText) {
        continue;
      }
      String kind = pruneKind(block, text);
      if (kind == null) {
        continue;
      }
      Element marker = new Element(MARKER).attr("data-i", Integer.toString(removed.size()));
      block.replaceWith(marker);
      removed.add(new Removed(kind, String.join("\n", render(block))));
    }
  }

  private static String pruneKind(Element block, String text) {
    double weight = classWeight(block);
    double links = linkDensity(block);
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
    Set<String> tokens = new HashSet<>();
    String names = (element.className() + " " + element.id()).toLowerCase(Locale.ROOT);
    for (String token : names.split("[^a-z0-9]+")) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    String role = element.attr("role").toLowerCase(Locale.ROOT);
    if (tag.equals("nav")
        || role.equals("navigation")
        || hasAny(tokens, "nav", "navbar", "topbar", "menu", "breadcrumb", "breadcrumbs")) {
      return "navigation";
    }
    if (hasAny(tokens, "cookie", "cookies", "consent", "gdpr")) {
      return "cookie_notice";
    }
    if (hasAny(tokens, "share", "sharing", "social", "sharebar", "shares")) {
      return "share_prompt";
    }
    if (hasAny(tokens, "comment", "comments", "disqus")) {
      return "comments";
    }
    if (hasAny(
        tokens,
        "related",
        "recommended",
        "recirculation",
        "readmore",
        "teaser",
        "teasers",
        "more")) {
      return "related_links";
    }
    if (hasAny(tokens, "subscribe", "subscription", "newsletter", "signup", "paywall")) {
      return "share_prompt";
    }
    if (hasAny(tokens, "donate", "donation", "donations", "membership", "patreon", "support")) {
      return "donation_appeal";
    }
    if (hasAny(
        tokens,
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
        "outbrain")) {
      return "advertisement";
    }
    if (hasAny(tokens, "copyright")) {
      return "copyright";
    }
    if (hasAny(tokens, "disclaimer")) {
      return "disclaimer";
    }
    if (hasAny(tokens, "credit", "credits")) {
      return "photo_credit";
    }
    if (tag.equals("figcaption") || hasAny(tokens, "caption", "wp-caption-text")) {
      return "caption";
    }
    if (tag.equals("footer") || role.equals("contentinfo") || hasAny(tokens, "footer")) {
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
    Element voted = bestByVotes(body);
    for (String declaredSelector :
        List.of("[itemprop=articleBody]", "article", "main, [role=main]")) {
      Element declared = bestByParagraphText(body.select(declaredSelector));
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

  private static Element bestByVotes(Element body) {
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
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> vote : votes.entrySet()) {
      Element candidate = vote.getKey();
      double score =
          (vote.getValue() + tagWeight(candidate) + classWeight(candidate))
              * (1 - linkDensity(candidate));
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best;
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

  private static final Pattern POSITIVE_HINT =
      Pattern.compile(
          "(?i)article|body|content|entry|hentry|main|page|post|text|blog|story|prose|rich-?text");
  private static final Pattern NEGATIVE_HINT =
      Pattern.compile(
          "(?i)hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta"
              + "|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor"
              + "|shopping|tags|tool|widget|nav|menu|social|newsletter|recommend|teaser|more");

  /** Readability's class/id weight: +25 for names that say content, -25 for furniture. */
  static double classWeight(Element element) {
    double weight = 0;
    for (String name : List.of(element.className(), element.id())) {
      if (name.isEmpty()) {
        continue;
      }
      if (NEGATIVE_HINT.matcher(name).find()) {
        weight -= 25;
      }
      if (POSITIVE_HINT.matcher(name).find()) {
        weight += 25;
      }
    }
    return weight;
  }

  /** The share of an element's text that sits in links. */
  static double linkDensity(Element element) {
    int total = element.text().length();
    if (total == 0) {
      return 0;
    }
    int linked = 0;
    for (Element link : element.select("a")) {
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

  private static int paragraphText(Element element) {
    int total = 0;
    for (Element p : element.select("p, blockquote, pre, li")) {
      total += p.ownText().length();
    }
    return total;
  }

  /**
   * Walks the whole body: inside the root, text becomes paragraphs; markers before the root stand
   * at its start, markers after it at its end.
   */
  private static void renderOutside(
      Element body,
      Element root,
      List<Removed> removed,
      List<int[]> markerAt,
      boolean[] passedRoot,
      List<String> paragraphs) {
    List<Integer> after = new ArrayList<>();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node == root) {
              Renderer renderer = new Renderer(paragraphs, markerAt);
              NodeTraversor.traverse(renderer, root);
              renderer.flush();
              passedRoot[0] = true;
              return FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof Element element && element.normalName().equals(MARKER)) {
              int index = Integer.parseInt(element.attr("data-i"));
              if (passedRoot[0]) {
                after.add(index);
              } else {
                markerAt.add(new int[] {index, 0});
              }
            }
            return FilterResult.CONTINUE;
          }
        },
        body);
    for (int index : after) {
      markerAt.add(new int[] {index, paragraphs.size()});
    }
  }

  /** The text of an element as paragraphs, for a removed block's recorded text. */
  private static List<String> render(Element element) {
    List<String> paragraphs = new ArrayList<>();
    Renderer renderer = new Renderer(paragraphs, new ArrayList<>());
    NodeTraversor.traverse(renderer, element);
    renderer.flush();
    return paragraphs;
  }

  /** Block elements become paragraphs, {@code <br>} a line break, runs of space one space. */
  private static final class Renderer implements NodeVisitor {
    private final List<String> paragraphs;
    private final List<int[]> markerAt;
    private final StringBuilder current = new StringBuilder();

    Renderer(List<String> paragraphs, List<int[]> markerAt) {
      this.paragraphs = paragraphs;
      this.markerAt = markerAt;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        // newlines in the page source are layout, not text; only <br> and blocks break lines
        String whole = text.getWholeText();
        current.append(inPre(text) ? whole : whole.replaceAll("[\\s\\u00a0]+", " "));
      } else if (node instanceof Element element) {
        String tag = element.normalName();
        if (tag.equals(MARKER)) {
          flush();
          markerAt.add(new int[] {Integer.parseInt(element.attr("data-i")), paragraphs.size()});
        } else if (tag.equals("br")) {
          current.append('\n');
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
        flush();
      }
    }

    private static boolean inPre(Node node) {
      for (Node parent = node.parentNode(); parent != null; parent = parent.parentNode()) {
        if (parent instanceof Element element && element.normalName().equals("pre")) {
          return true;
        }
      }
      return false;
    }

    void flush() {
      StringBuilder paragraph = new StringBuilder();
      for (String piece : current.toString().split("\n", -1)) {
        String collapsed = piece.replaceAll("[\\s\\u00a0]+", " ").strip();
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
