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

  private final Document page;
  private final List<JsonNode> articles = new ArrayList<>();

  HtmlMetadata(Document page) {
    this.page = page;
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
    return meta("meta[property=og:url]").orElse(null);
  }

  private String siteName() {
    return meta("meta[property=og:site_name]")
        .or(() -> jsonText("publisher", "name"))
        .or(() -> meta("meta[name=application-name]"))
        .orElse(null);
  }

  private String title(Element root, String site) {
    Optional<String> declared =
        meta("meta[property=og:title]")
            .or(() -> meta("meta[name=twitter:title]"))
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
    meta("meta[name=author]").ifPresent(value -> names.addAll(splitNames(value)));
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
    for (String query :
        List.of(
            "meta[property=article:published_time]",
            "meta[itemprop=datePublished]",
            "meta[name=pubdate]",
            "meta[name=publishdate]",
            "meta[name=publish-date]",
            "meta[name=parsely-pub-date]",
            "meta[name=sailthru.date]",
            "meta[name=dc.date.issued]",
            "meta[name=DC.date.issued]",
            "meta[name=dcterms.created]",
            "meta[name=date]")) {
      meta(query).ifPresent(candidates::add);
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
          meta("meta[http-equiv=content-language]")
              .or(() -> meta("meta[property=og:locale]"))
              .orElse("");
    }
    String primary = lang.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    return primary.matches("[a-z]{2,3}") ? primary : null;
  }

  private Optional<String> meta(String query) {
    Element meta = page.selectFirst(query);
    if (meta == null) {
      return Optional.empty();
    }
    String value = meta.attr("content").strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
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
