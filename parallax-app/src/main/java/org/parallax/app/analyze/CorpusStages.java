package org.parallax.app.analyze;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parallax.core.json.Json;
import org.parallax.corpus.article.Article;
import org.parallax.corpus.dedup.DedupConfig;
import org.parallax.corpus.dedup.DuplicateFinder;
import org.parallax.corpus.dedup.DuplicateReport;
import org.parallax.corpus.outlets.OutletConfig;
import org.parallax.corpus.outlets.OutletProfile;
import org.parallax.corpus.outlets.OutletProfiler;
import org.parallax.corpus.stories.Story;
import org.parallax.corpus.stories.StoryClusterer;
import org.parallax.corpus.stories.StoryConfig;
import org.parallax.corpus.stories.StoryState;
import org.parallax.corpus.talkingpoints.TalkingPointFinder;
import org.parallax.corpus.talkingpoints.TalkingPoints;
import org.parallax.corpus.talkingpoints.TalkingPointsConfig;
import org.parallax.index.workspace.Workspace;

/**
 * The corpus stages, run over the whole workspace after per-document analysis; each stores its
 * result in the workspace under a name that {@code parallax export --what} and the report read.
 */
public final class CorpusStages {

  /** Near-duplicate groups and pairs ({@link DuplicateReport}). */
  public static final String DUPLICATES = "duplicates";

  /** One profile per outlet ({@link OutletProfile} list under {@code profiles}). */
  public static final String OUTLETS = "outlets";

  /** Stories across outlets and languages ({@link Story} list under {@code stories}). */
  public static final String STORIES = "stories";

  /** The story clusterer's state, so that new documents join stories without a full recompute. */
  static final String STORY_STATE = "storyState";

  /** Talking points and recurring quotes ({@link TalkingPoints}). */
  public static final String TALKING_POINTS = "talkingPoints";

  /** The per-document fields the corpus stages add to export records, in order. */
  public static final List<String> DOCUMENT_FIELDS = List.of("story", "duplicateGroup");

  /** The sections of settings that configure corpus stages, as in parallax-default.yaml. */
  public static final List<String> SECTIONS = List.of(DUPLICATES, STORIES, TALKING_POINTS, OUTLETS);

  /**
   * Settings of every corpus stage.
   *
   * @param duplicates near-duplicate detection
   * @param stories story clustering
   * @param talkingPoints talking points
   * @param outlets outlet profiles
   */
  public record Settings(
      DedupConfig duplicates,
      StoryConfig stories,
      TalkingPointsConfig talkingPoints,
      OutletConfig outlets) {

    /** The documented defaults. */
    public static final Settings DEFAULTS =
        new Settings(
            DedupConfig.DEFAULTS,
            StoryConfig.DEFAULTS,
            TalkingPointsConfig.defaults(),
            OutletConfig.DEFAULTS);

    /**
     * Defaults overridden by options per section ({@link #SECTIONS}).
     *
     * @throws org.parallax.core.pipeline.ConfigException for an unknown section or key, or a bad
     *     value
     */
    public static Settings of(Map<String, Map<String, String>> options) {
      for (String section : options.keySet()) {
        if (!SECTIONS.contains(section)) {
          throw new org.parallax.core.pipeline.ConfigException(
              "unknown corpus stage '" + section + "'; known: " + SECTIONS);
        }
      }
      return new Settings(
          RecordOptions.bind(
              DUPLICATES,
              DEFAULTS.duplicates,
              DedupConfig.class,
              options.getOrDefault(DUPLICATES, Map.of())),
          RecordOptions.bind(
              STORIES,
              DEFAULTS.stories,
              StoryConfig.class,
              options.getOrDefault(STORIES, Map.of())),
          RecordOptions.bind(
              TALKING_POINTS,
              DEFAULTS.talkingPoints,
              TalkingPointsConfig.class,
              options.getOrDefault(TALKING_POINTS, Map.of())),
          RecordOptions.bind(
              OUTLETS,
              DEFAULTS.outlets,
              OutletConfig.class,
              options.getOrDefault(OUTLETS, Map.of())));
    }
  }

  private CorpusStages() {}

  /** Runs every corpus stage with its settings; returns the time each took. */
  public static Map<String, Duration> run(Workspace workspace, Settings settings) {
    Iterable<Article> articles = CorpusArticles.of(workspace);
    Map<String, Duration> times = new LinkedHashMap<>();
    long start = System.nanoTime();
    DuplicateReport duplicates = DuplicateFinder.find(articles, settings.duplicates());
    workspace.putCorpusResult(DUPLICATES, Json.MAPPER.valueToTree(duplicates));
    times.put("duplicates", Duration.ofNanos(System.nanoTime() - start));

    start = System.nanoTime();
    StoryClusterer stories =
        workspace
            .corpusResult(STORY_STATE)
            .map(
                state ->
                    StoryClusterer.resume(
                        Json.convert(state, Json.MAPPER.constructType(StoryState.class)),
                        settings.stories()))
            .orElseGet(() -> StoryClusterer.create(settings.stories()));
    stories.add(articles);
    workspace.putCorpusResult(STORY_STATE, Json.MAPPER.valueToTree(stories.state()));
    workspace.putCorpusResult(
        STORIES,
        Json.MAPPER.createObjectNode().set("stories", Json.MAPPER.valueToTree(stories.stories())));
    times.put("stories", Duration.ofNanos(System.nanoTime() - start));

    start = System.nanoTime();
    TalkingPoints talkingPoints =
        withoutCopies(
            TalkingPointFinder.find(articles, settings.talkingPoints()),
            duplicates.groupByArticle());
    workspace.putCorpusResult(TALKING_POINTS, Json.MAPPER.valueToTree(talkingPoints));
    times.put("talking points", Duration.ofNanos(System.nanoTime() - start));

    start = System.nanoTime();
    // One pass over the documents feeds the profiler and counts techniques per outlet.
    OutletTechniques.Tally techniques = new OutletTechniques.Tally();
    Iterable<Article> counted =
        () ->
            workspace
                .documents()
                .map(
                    document -> {
                      Article article = CorpusArticles.from(document);
                      techniques.add(document, article);
                      return article;
                    })
                .iterator();
    List<OutletProfile> outlets =
        techniques.apply(OutletProfiler.profile(counted, settings.outlets()));
    workspace.putCorpusResult(
        OUTLETS, Json.MAPPER.createObjectNode().set("profiles", Json.MAPPER.valueToTree(outlets)));
    times.put("outlets", Duration.ofNanos(System.nanoTime() - start));
    workspace.commit();
    return times;
  }

  /**
   * Drops the talking points whose carriers all sit in one group of copies: a cross-post repeats
   * every sentence of its original, and that is shown once, as a duplicate group with its diff, not
   * as dozens of "talking points". A point carried by copies and by an independent article stays.
   */
  static TalkingPoints withoutCopies(TalkingPoints found, Map<String, String> groupByArticle) {
    List<TalkingPoints.TalkingPoint> kept = new java.util.ArrayList<>();
    for (TalkingPoints.TalkingPoint point : found.talkingPoints()) {
      java.util.Set<String> sources = new java.util.HashSet<>();
      for (String document : point.documents()) {
        sources.add(groupByArticle.getOrDefault(document, document));
      }
      if (sources.size() >= 2) {
        kept.add(point);
      }
    }
    return new TalkingPoints(
        kept,
        found.recurringQuotes(),
        found.documents(),
        found.sentences(),
        found.candidatePairs(),
        found.linkedPairs());
  }

  /**
   * The per-document corpus fields ({@link #DOCUMENT_FIELDS}) of every document that has any, by
   * document id, from the stored results.
   */
  public static Map<String, Map<String, String>> documentFields(Workspace workspace) {
    Map<String, Map<String, String>> byId = new HashMap<>();
    workspace
        .corpusResult(DUPLICATES)
        .ifPresent(
            result -> {
              for (JsonNode group : result.path("groups")) {
                for (JsonNode member : group.path("members")) {
                  byId.computeIfAbsent(member.path("id").asText(), k -> new HashMap<>())
                      .put("duplicateGroup", group.path("id").asText());
                }
              }
            });
    workspace
        .corpusResult(STORIES)
        .ifPresent(
            result -> {
              for (JsonNode story : result.path("stories")) {
                for (JsonNode member : story.path("members")) {
                  byId.computeIfAbsent(member.path("articleId").asText(), k -> new HashMap<>())
                      .put("story", story.path("id").asText());
                }
              }
            });
    return byId;
  }

  /**
   * The records {@code parallax export --what NAME} writes, one per line: duplicate groups, outlet
   * profiles, stories or talking points.
   */
  public static List<JsonNode> records(Workspace workspace, String what) {
    return switch (what) {
      case "duplicates" -> list(workspace, DUPLICATES, "groups");
      case "outlets" -> list(workspace, OUTLETS, "profiles");
      case "stories" -> list(workspace, STORIES, "stories");
      case "talking-points" -> list(workspace, TALKING_POINTS, "talkingPoints");
      case "recurring-quotes" -> list(workspace, TALKING_POINTS, "recurringQuotes");
      default -> throw new IllegalArgumentException("no corpus result called " + what);
    };
  }

  private static List<JsonNode> list(Workspace workspace, String result, String field) {
    JsonNode stored =
        workspace
            .corpusResult(result)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the workspace has no "
                            + result
                            + " yet; run parallax analyze on it with this version"));
    List<JsonNode> records = new java.util.ArrayList<>();
    stored.path(field).forEach(records::add);
    return records;
  }
}
