package org.parallax.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.parallax.core.json.Json;
import org.parallax.core.model.Metadata;

/**
 * What a page's head and markup say about the article: Open Graph and article meta tags, JSON-LD,
 * {@code <time>}, {@code rel=author}, byline elements, {@code <html lang>} and the canonical link.
 */
final class HtmlMetadata {

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "article",
          "newsarticle",
          "blogposting",
          "reportagenewsarticle",
          "opinionnewsarticle",
          "analysisnewsarticle",
          "backgroundnewsarticle",
          "reviewnewsarticle",
          "socialmediaposting",
          "liveblogposting",
          "webpage");

  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+(?:\\||-|–|—|::|»|·)\\s+");
  private static final Pattern BYLINE_LEAD =
      Pattern.compile("^(?i:by|von|par|por|di|door|autor|author)\\s*[:：]?\\s+");

  /** The meta tags that state the publication date, as attribute and value, best first. */
  private static final String[][] PUBLISHED_META = {
    {"property", "article:published_time"},
    {"itemprop", "datePublished"},
    {"name", "pubdate"},
    {"name", "publishdate"},
    {"name", "publish-date"},
    {"name", "parsely-pub-date"},
    {"name", "sailthru.date"},
    {"name", "dc.date.issued"},
    {"name", "dcterms.created"},
    {"name", "date"}
  };

  private final Document page;
  private final List<JsonNode> articles = new ArrayList<>();
  private final List<Element> metas;

  HtmlMetadata(Document page) {
    this.page = page;
    this.metas = page.getElementsByTag("meta");
    for (Element script : page.select("script[type=application/ld+json]")) {
      try {
        collectArticles(Json.MAPPER.readTree(script.data()));
      } catch (Exception e) {
        // broken JSON-LD is common and carries nothing we cannot read from meta tags
      }
    }
  }

  Metadata read(Element root) {
    String site = siteName();
    return new Metadata(title(root, site), authors(root), published(root), site, language());
  }

  /**
   * The longest {@code articleBody} the page's JSON-LD declares, as plain text, or null. Sites that
   * render the article with scripts often ship the whole text only here.
   */
  String articleBody() {
    String longest = null;
    for (JsonNode article : articles) {
      JsonNode body = article.path("articleBody");
      if (body.isTextual() && (longest == null || body.asText().length() > longest.length())) {
        longest = body.asText();
      }
    }
    if (longest == null || longest.isBlank()) {
      return null;
    }
    // some sites put HTML in it; its text is what counts
    return longest.indexOf('<') >= 0
        ? Jsoup.parseBodyFragment(longest).body().wholeText()
        : longest;
  }

  String canonicalUrl() {
    Element link = page.selectFirst("link[rel=canonical][href]");
    if (link != null && !link.attr("href").isBlank()) {
      String absolute = link.absUrl("href");
      return absolute.isEmpty() ? link.attr("href").strip() : absolute;
    }
    return meta("property", "og:url").orElse(null);
  }

  private String siteName() {
    return meta("property", "og:site_name")
        .or(() -> jsonText("publisher", "name"))
        .or(() -> meta("name", "application-name"))
        .orElse(null);
  }

  private String title(Element root, String site) {
    Optional<String> declared =
        meta("property", "og:title")
            .or(() -> meta("name", "twitter:title"))
            .or(() -> jsonText("headline"));
    if (declared.isPresent()) {
      return declared.get();
    }
    Element h1 = root.selectFirst("h1");
    if (h1 == null) {
      h1 = page.selectFirst("h1");
    }
    String heading = h1 == null ? null : h1.text().strip();
    String fromTitle = stripSiteName(page.title().strip(), site);
    if (heading != null && !heading.isEmpty()) {
      if (fromTitle == null
          || fromTitle.contains(heading)
          || heading.contains(fromTitle)
          || root.selectFirst("h1") != null) {
        return heading;
      }
    }
    return fromTitle;
  }

  /** "Headline | Site" without the site; the site is the known name or the shorter last part. */
  static String stripSiteName(String title, String site) {
    if (title == null || title.isEmpty()) {
      return null;
    }
    String[] parts = TITLE_SEPARATOR.split(title);
    if (parts.length < 2) {
      return title;
    }
    List<String> kept = new ArrayList<>(List.of(parts));
    if (site != null && kept.removeIf(part -> part.equalsIgnoreCase(site.strip()))) {
      return String.join(" - ", kept);
    }
    String last = kept.get(kept.size() - 1);
    if (last.length() < kept.get(0).length()) {
      kept.remove(kept.size() - 1);
    }
    return String.join(" - ", kept);
  }

  private List<String> authors(Element root) {
    Set<String> names = new LinkedHashSet<>();
    meta("name", "author").ifPresent(value -> names.addAll(splitNames(value)));
    if (names.isEmpty()) {
      for (Element meta : page.select("meta[property=article:author]")) {
        String value = meta.attr("content").strip();
        if (!value.isEmpty() && !value.startsWith("http")) {
          names.addAll(splitNames(value));
        }
      }
    }
    if (names.isEmpty()) {
      for (JsonNode article : articles) {
        collectNames(article.path("author"), names);
      }
    }
    if (names.isEmpty()) {
      for (Element element : root.select("a[rel=author], [itemprop=author], .byline, .author")) {
        String value = element.hasAttr("content") ? element.attr("content") : element.text();
        value = BYLINE_LEAD.matcher(value.strip()).replaceFirst("");
        if (!value.isEmpty() && LineRules.words(value) <= 8) {
          names.addAll(splitNames(value));
          break;
        }
      }
    }
    return List.copyOf(names);
  }

  private String published(Element root) {
    List<String> candidates = new ArrayList<>();
    for (String[] query : PUBLISHED_META) {
      meta(query[0], query[1]).ifPresent(candidates::add);
    }
    for (JsonNode article : articles) {
      if (article.path("datePublished").isTextual()) {
        candidates.add(article.path("datePublished").asText());
      }
    }
    Element time = root.selectFirst("time[datetime]");
    if (time == null) {
      time = page.selectFirst("time[datetime]");
    }
    if (time != null) {
      candidates.add(time.attr("datetime"));
    }
    for (String candidate : candidates) {
      Optional<String> date = Dates.parse(candidate);
      if (date.isPresent()) {
        return date.get();
      }
    }
    return null;
  }

  private String language() {
    String lang = page.selectFirst("html") == null ? "" : page.selectFirst("html").attr("lang");
    if (lang.isBlank()) {
      lang =
          meta("http-equiv", "content-language").or(() -> meta("property", "og:locale")).orElse("");
    }
    String primary = lang.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    return primary.matches("[a-z]{2,3}") ? primary : null;
  }

  /**
   * The content of the first {@code <meta>} whose attribute {@code key} has {@code value} (case and
   * surrounding space ignored, as a jsoup {@code [key=value]} query), from the page's meta elements
   * gathered once: a query over the whole page for each of a dozen names costs a walk of the page
   * each.
   */
  private Optional<String> meta(String key, String value) {
    for (Element meta : metas) {
      if (meta.hasAttr(key) && value.equalsIgnoreCase(meta.attr(key).trim())) {
        String content = meta.attr("content").strip();
        return content.isEmpty() ? Optional.empty() : Optional.of(content);
      }
    }
    return Optional.empty();
  }

  private Optional<String> jsonText(String... path) {
    for (JsonNode article : articles) {
      JsonNode node = article;
      for (String key : path) {
        node = node.isArray() && node.size() > 0 ? node.get(0).path(key) : node.path(key);
      }
      if (node.isTextual() && !node.asText().isBlank()) {
        return Optional.of(node.asText().strip());
      }
    }
    return Optional.empty();
  }

  private void collectArticles(JsonNode node) {
    if (node.isArray()) {
      node.forEach(this::collectArticles);
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (node.has("@graph")) {
      collectArticles(node.get("@graph"));
    }
    JsonNode type = node.path("@type");
    List<String> types = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else {
      types.add(type.asText());
    }
    for (String t : types) {
      if (ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT))) {
        // real articles before generic web pages
        if (t.equalsIgnoreCase("webpage")) {
          articles.add(node);
        } else {
          articles.add(0, node);
        }
        return;
      }
    }
  }

  private static void collectNames(JsonNode author, Set<String> names) {
    if (author.isArray()) {
      author.forEach(a -> collectNames(a, names));
    } else if (author.isObject() && author.path("name").isTextual()) {
      names.add(author.path("name").asText().strip());
    } else if (author.isTextual() && !author.asText().startsWith("http")) {
      names.addAll(splitNames(author.asText()));
    }
  }

  private static List<String> splitNames(String value) {
    List<String> names = new ArrayList<>();
    for (String part : value.split("\\s*(?:,|;|&|\\band\\b|\\bund\\b|\\bet\\b)\\s*")) {
      if (!part.isBlank()) {
        names.add(part.strip());
      }
    }
    return names;
  }
}
