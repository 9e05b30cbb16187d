package org.parallax.ingest.source;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.parallax.core.model.Metadata;
import org.parallax.core.pipeline.Input;

/**
 * The items of an RSS (0.9x, 1.0, 2.0) or Atom feed, one {@link Input} per item, parsed with ROME
 * on a parser that never fetches anything ({@link SafeFeedInput}).
 *
 * <p>An item's text is its full content ({@code content:encoded}, Atom {@code <content>}), else its
 * summary or description; markup goes through the same HTML extraction as a page. Its metadata: the
 * item's title, authors, published date (else updated date) and link; the feed's title as the
 * outlet and its language as the language hint. A feed is read whole, up to {@link
 * IngestConfig#maxBytes()}; one that is too large or not well-formed becomes one failing input.
 */
final class Feeds {

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);
  private static final Pattern TAG = Pattern.compile("<[a-zA-Z][a-zA-Z0-9]*\\b[^<>]*>|</[a-zA-Z]");
  private static final Pattern EMAIL_WITH_NAME =
      Pattern.compile("^\\s*\\S+@\\S+\\s*\\((.+)\\)\\s*$");
  private static final Pattern BARE_EMAIL = Pattern.compile("^\\s*\\S+@\\S+\\.\\S+\\s*$");

  /** The {@code xml:lang} of an Atom feed's root, which ROME does not carry over. */
  private static final Pattern ROOT_LANG =
      Pattern.compile("<(?:[\\w.-]+:)?feed\\b[^>]*?\\bxml:lang\\s*=\\s*[\"']([^\"']*)[\"']");

  private Feeds() {}

  /** The items of the feed in {@code opened}, or one failing input saying why there are none. */
  static List<Input> read(
      Streams.Opened opened, String label, IngestConfig config, SourceSummary.Tally tally) {
    byte[] bytes;
    try {
      bytes = Streams.readAll(opened.content(), config.maxBytes());
    } catch (TooLargeException e) {
      return stopped(label, tally, ByteSize.overLimit("the feed", e.size(), config.maxBytes()));
    } catch (IOException e) {
      return stopped(label, tally, Streams.describeFailure(e, opened.gzip(), ""));
    }
    Decoding.Decoded decoded = Decoding.decode(bytes);
    SyndFeed feed;
    try {
      feed =
          new SyndFeedImpl(
              new SafeFeedInput(config.maxDepth()).build(new StringReader(decoded.text())));
    } catch (FeedException | RuntimeException e) {
      return stopped(label, tally, "the feed could not be parsed: " + reason(e));
    } catch (StackOverflowError e) {
      return stopped(label, tally, "the feed nests its XML too deeply to be read");
    }
    if (feed.getFeedType() != null) {
      tally.format(feed.getFeedType().split("_")[0]);
    }
    String outlet = clean(feed.getTitle());
    String language = language(feed.getLanguage());
    if (language == null) {
      Matcher root = ROOT_LANG.matcher(decoded.text());
      if (root.find()) {
        language = language(root.group(1));
      }
    }
    List<Input> inputs = new ArrayList<>();
    int number = 0;
    for (SyndEntry entry : feed.getEntries()) {
      number++;
      Input item = item(entry, label + "#" + number, outlet, language, feed.getFeedType(), config);
      if (item instanceof FailedInput) {
        tally.failed();
      } else {
        tally.document();
      }
      inputs.add(item);
    }
    return inputs;
  }

  private static Input item(
      SyndEntry entry,
      String origin,
      String outlet,
      String language,
      String feedType,
      IngestConfig config) {
    String url = firstNonBlank(entry.getLink(), httpUri(entry.getUri()));
    String inputId = firstNonBlank(entry.getUri(), entry.getLink(), origin);
    SyndContent body = body(entry);
    if (body == null) {
      return new FailedInput(
          inputId, origin, "the feed item has no content, summary or description to read");
    }
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    Metadata given =
        new Metadata(
            clean(entry.getTitle()),
            authors(entry),
            date == null ? null : ISO.format(date.toInstant()),
            outlet,
            language);
    Map<String, Object> fields = new LinkedHashMap<>();
    if (feedType != null) {
      fields.put("feed", feedType);
    }
    if (entry.getPublishedDate() != null && entry.getUpdatedDate() != null) {
      fields.put("updated", ISO.format(entry.getUpdatedDate().toInstant()));
    }
    return new FeedItemInput(
        inputId, origin, url, given, body.getValue(), isMarkup(body), fields, config.extraction());
  }

  /** The longest full content, else the description or summary; null when there is no text. */
  private static SyndContent body(SyndEntry entry) {
    SyndContent best = null;
    for (SyndContent content : entry.getContents()) {
      if (content.getValue() != null
          && !content.getValue().isBlank()
          && (best == null || content.getValue().length() > best.getValue().length())) {
        best = content;
      }
    }
    if (best != null) {
      return best;
    }
    SyndContent description = entry.getDescription();
    return description != null
            && description.getValue() != null
            && !description.getValue().isBlank()
        ? description
        : null;
  }

  /** Whether content is markup: it holds tags and does not say it is plain text. */
  private static boolean isMarkup(SyndContent content) {
    String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
    if (type.equals("text") || type.equals("text/plain")) {
      return false;
    }
    return TAG.matcher(content.getValue()).find();
  }

  private static List<String> authors(SyndEntry entry) {
    Set<String> names = new LinkedHashSet<>();
    for (SyndPerson person : entry.getAuthors()) {
      addName(names, person.getName());
      if (person.getName() == null || person.getName().isBlank()) {
        addName(names, person.getEmail());
      }
    }
    if (names.isEmpty() && entry.getAuthor() != null) {
      for (String part : entry.getAuthor().split("\\s*(?:,|;|\\band\\b)\\s*")) {
        addName(names, part);
      }
    }
    return List.copyOf(names);
  }

  /** Adds a person's name; "jane@example.com (Jane Doe)" gives "Jane Doe", a bare address none. */
  private static void addName(Set<String> names, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    Matcher withName = EMAIL_WITH_NAME.matcher(value);
    if (withName.matches()) {
      names.add(withName.group(1).strip());
    } else if (!BARE_EMAIL.matcher(value).matches()) {
      names.add(clean(value));
    }
  }

  /** The primary subtag of a language tag ("en-GB" gives "en"), or null. */
  private static String language(String tag) {
    if (tag == null) {
      return null;
    }
    String primary = tag.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    return primary.matches("[a-z]{2,3}") ? primary : null;
  }

  /** Text with any markup and runs of space removed; null when nothing is left. */
  private static String clean(String text) {
    if (text == null) {
      return null;
    }
    String plain = text.indexOf('<') >= 0 ? Jsoup.parse(text).text() : text;
    plain = plain.replaceAll("[\\s\\u00a0]+", " ").strip();
    return plain.isEmpty() ? null : plain;
  }

  private static String httpUri(String uri) {
    return uri != null && (uri.startsWith("http://") || uri.startsWith("https://")) ? uri : null;
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  private static List<Input> stopped(String label, SourceSummary.Tally tally, String why) {
    tally.stopped(why);
    return List.of(new FailedInput(label, label, why));
  }

  private static String reason(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
