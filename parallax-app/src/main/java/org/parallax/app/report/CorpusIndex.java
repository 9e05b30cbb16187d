package org.parallax.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.parallax.corpus.outlets.OutletProfiler;

/**
 * The corpus results read once into lookups by article, story and outlet, so that each page finds
 * what concerns it in constant time. Missing results and missing or mistyped fields read as empty:
 * a result written by another version must not take the report down.
 */
final class CorpusIndex {

  /** The name the outlet profiles give articles without an outlet name or URL. */
  static final String UNKNOWN_OUTLET = OutletProfiler.UNKNOWN_OUTLET;

  private static final Pattern PLAIN_ANCHOR = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  /**
   * A sentence of an article that carries a talking point or a recurring quote.
   *
   * @param pointAnchor the point's anchor on the talking-points page
   */
  record CarriedSentence(
      int begin, int end, String text, String pointAnchor, String representative, boolean quote) {

    /** The anchor of the sentence on its article page. */
    String anchor() {
      return "s" + begin;
    }
  }

  private final List<JsonNode> groups;
  private final List<JsonNode> stories;
  private final List<JsonNode> profiles;
  private final List<JsonNode> points;
  private final List<JsonNode> recurringQuotes;
  private final boolean hasTalkingPoints;
  private final Map<String, JsonNode> groupByArticle = new HashMap<>();
  private final Map<String, JsonNode> storyByArticle = new HashMap<>();
  private final Map<String, JsonNode> profileByOutlet = new HashMap<>();
  private final Map<String, String> storyPages = new HashMap<>();
  private final Map<String, String> outletPages = new LinkedHashMap<>();
  private final Map<String, List<CarriedSentence>> sentencesByDocument = new HashMap<>();

  CorpusIndex(CorpusResults results) {
    CorpusResults given = results == null ? CorpusResults.NONE : results;
    groups = list(given.duplicates(), "groups");
    stories = list(given.stories(), "stories");
    profiles = list(given.outlets(), "profiles");
    points = list(given.talkingPoints(), "talkingPoints");
    recurringQuotes = list(given.talkingPoints(), "recurringQuotes");
    hasTalkingPoints = given.talkingPoints() != null && given.talkingPoints().isObject();
    for (JsonNode group : groups) {
      for (JsonNode member : group.path("members")) {
        String id = text(member, "id");
        if (id != null) {
          groupByArticle.putIfAbsent(id, group);
        }
      }
    }
    Set<String> usedStoryNames = new HashSet<>();
    for (JsonNode story : stories) {
      String id = text(story, "id");
      if (id == null || storyPages.containsKey(id)) {
        continue;
      }
      storyPages.put(id, ReportWriter.fileName(id, usedStoryNames));
      for (JsonNode member : story.path("members")) {
        String article = text(member, "articleId");
        if (article != null) {
          storyByArticle.putIfAbsent(article, story);
        }
      }
    }
    Set<String> usedOutletNames = new HashSet<>();
    for (JsonNode profile : profiles) {
      String outlet = text(profile, "outlet");
      if (outlet != null && !profileByOutlet.containsKey(outlet)) {
        profileByOutlet.put(outlet, profile);
        outletPages.put(outlet, slug(outlet, usedOutletNames));
      }
    }
    for (JsonNode point : points) {
      indexCarriers(point, pointAnchor(point), false);
    }
    for (JsonNode speaker : recurringQuotes) {
      for (JsonNode quote : speaker.path("quotes")) {
        indexCarriers(quote, quoteAnchor(quote), true);
      }
    }
  }

  private void indexCarriers(JsonNode point, String anchor, boolean quote) {
    String representative = text(point.path("representative"), "text");
    for (JsonNode member : point.path("members")) {
      String document = text(member, "document");
      int begin = member.path("begin").asInt(-1);
      int end = member.path("end").asInt(-1);
      if (document != null && begin >= 0 && end > begin) {
        sentencesByDocument
            .computeIfAbsent(document, k -> new ArrayList<>())
            .add(
                new CarriedSentence(
                    begin, end, text(member, "text"), anchor, representative, quote));
      }
    }
  }

  List<JsonNode> groups() {
    return groups;
  }

  List<JsonNode> stories() {
    return stories;
  }

  List<JsonNode> profiles() {
    return profiles;
  }

  List<JsonNode> talkingPoints() {
    return points;
  }

  List<JsonNode> recurringQuotes() {
    return recurringQuotes;
  }

  /** Whether a talking-point result is stored at all (it may hold no points). */
  boolean hasTalkingPoints() {
    return hasTalkingPoints;
  }

  boolean hasDuplicates() {
    return !groups.isEmpty();
  }

  /** The duplicate group of an article, or {@code null}. */
  JsonNode groupOf(String articleId) {
    return groupByArticle.get(articleId);
  }

  /** The story of an article, or {@code null}. */
  JsonNode storyOf(String articleId) {
    return storyByArticle.get(articleId);
  }

  /** The outlet profile of an outlet name, or {@code null}. */
  JsonNode profileOf(String outlet) {
    return outlet == null ? null : profileByOutlet.get(outlet);
  }

  /** The file name of a story's page in {@code stories/}, or {@code null} for an unknown id. */
  String storyPage(String storyId) {
    return storyId == null ? null : storyPages.get(storyId);
  }

  /** The file name of an outlet's page in {@code outlets/}, or {@code null} without a profile. */
  String outletPage(String outlet) {
    return outlet == null ? null : outletPages.get(outlet);
  }

  /** The sentences of a document that carry talking points or recurring quotes. */
  List<CarriedSentence> sentencesOf(String documentId) {
    return sentencesByDocument.getOrDefault(documentId, List.of());
  }

  /** Whether a document is the original of a duplicate group, whose words a diff needs. */
  boolean isOriginal(String documentId) {
    JsonNode group = groupByArticle.get(documentId);
    return group != null && documentId.equals(text(group, "original"));
  }

  static String pointAnchor(JsonNode point) {
    return anchor("tp-", text(point, "id"));
  }

  static String quoteAnchor(JsonNode quote) {
    return anchor("rq-", text(quote, "id"));
  }

  static String groupAnchor(JsonNode group) {
    return anchor("", text(group, "id"));
  }

  /** An id usable as an HTML anchor: the value itself when plain, else a hash of it. */
  static String anchor(String prefix, String id) {
    if (id == null) {
      return prefix + "none";
    }
    return prefix + (PLAIN_ANCHOR.matcher(id).matches() ? id : ReportWriter.hashOf(id));
  }

  /** A field as text; {@code null} when it is missing, null or not a plain value. */
  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }

  /** A number field, or {@code NaN} when it is missing or not a number. */
  static double number(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isNumber() ? value.asDouble() : Double.NaN;
  }

  /** The text values of an array field, skipping anything else. */
  static List<String> texts(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : node.path(field)) {
      if (value.isValueNode() && !value.isNull()) {
        values.add(value.asText());
      }
    }
    return values;
  }

  /** A share in [0, 1] as a whole percentage, or "?" when unknown. */
  static String percent(double share) {
    return Double.isNaN(share) ? "?" : Math.round(share * 100) + "%";
  }

  /** A score with two decimals. */
  static String decimal(double value) {
    return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%.2f", value);
  }

  private static List<JsonNode> list(JsonNode result, String field) {
    List<JsonNode> values = new ArrayList<>();
    if (result != null) {
      for (JsonNode value : result.path(field)) {
        if (value.isObject()) {
          values.add(value);
        }
      }
    }
    return List.copyOf(values);
  }

  /** A file name for an outlet: its name in lower-case ASCII words, else a hash of it. */
  private static String slug(String outlet, Set<String> used) {
    String ascii =
        java.text.Normalizer.normalize(outlet, java.text.Normalizer.Form.NFKD)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (ascii.length() > 60) {
      ascii = ascii.substring(0, 60).replaceAll("-+$", "");
    }
    String base = ascii.isEmpty() ? "outlet-" + ReportWriter.hashOf(outlet) : ascii;
    String name = base;
    for (int n = 2; !used.add(name); n++) {
      name = base + "-" + n;
    }
    return name + ".html";
  }
}
