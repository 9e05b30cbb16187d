package org.parallax.app.analyze;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parallax.core.model.Diagnostic;
import org.parallax.core.model.Document;
import org.parallax.core.model.Layer;
import org.parallax.core.model.Outcome;
import org.parallax.core.pipeline.AnnotatorFactory;
import org.parallax.core.pipeline.LocalExecutor;
import org.parallax.core.pipeline.Pipeline;
import org.parallax.core.pipeline.Progress;
import org.parallax.index.workspace.Workspace;
import org.parallax.ingest.extract.Boilerplate;
import org.parallax.ingest.source.IngestConfig;
import org.parallax.ingest.source.SourceBatch;
import org.parallax.ingest.source.SourceSummary;
import org.parallax.ingest.source.Sources;

/**
 * The {@code analyze} job as a library call: read inputs, annotate each document on all cores,
 * store it in a workspace, then run the corpus stages over the whole workspace.
 */
public final class Analysis {

  /** The annotators {@code analyze} runs when none are named, in order. */
  public static final List<String> DEFAULT_ANNOTATORS =
      List.of("segment", "language", "entities", "quotes", "encoder", "techniques");

  /** Layers every document has when it comes out of ingest. */
  static final Set<Layer<?>> INGESTED = Set.of(Boilerplate.LAYER, Diagnostic.LAYER);

  /**
   * How to run.
   *
   * @param annotators annotator names, in order
   * @param options options per annotator name
   * @param threads worker threads (cores) to use
   * @param ingest limits and settings for reading inputs
   * @param force analyse again documents the workspace already holds
   * @param corpusOptions options per corpus stage ({@link CorpusStages#SECTIONS})
   * @param documentTimeout the longest one document may take to be read and annotated before it
   *     fails and the batch goes on without it; zero for no limit
   */
  public record Settings(
      List<String> annotators,
      Map<String, Map<String, String>> options,
      int threads,
      IngestConfig ingest,
      boolean force,
      Map<String, Map<String, String>> corpusOptions,
      Duration documentTimeout) {

    /** Ten minutes: the largest text allowed (a million characters) takes a few. */
    public static final Duration DEFAULT_DOCUMENT_TIMEOUT = Duration.ofMinutes(10);

    /** A time limit given in seconds, to the millisecond. */
    public static Duration seconds(double seconds) {
      return Duration.ofMillis(Math.round(seconds * 1000));
    }

    public static Settings defaults() {
      return new Settings(
          DEFAULT_ANNOTATORS,
          Map.of(),
          Runtime.getRuntime().availableProcessors(),
          IngestConfig.DEFAULTS,
          false,
          Map.of(),
          DEFAULT_DOCUMENT_TIMEOUT);
    }

    /**
     * The corpus stages' settings.
     *
     * @throws org.parallax.core.pipeline.ConfigException for an unknown stage or option
     */
    public CorpusStages.Settings corpus() {
      return CorpusStages.Settings.of(corpusOptions);
    }
  }

  /**
   * What a run did.
   *
   * @param summary counts per outcome and the time taken
   * @param failures the inputs that failed in this run, with their reasons
   * @param renamed documents whose entity names the corpus stage changed
   * @param stageTimes time spent per stage (read, each annotator, corpus), summed over threads
   * @param sources what each WARC archive and feed among the inputs held: documents, records
   *     skipped by reason, and whether the file broke early; empty when there were none
   */
  public record Result(
      LocalExecutor.Summary summary,
      List<Outcome.Failed> failures,
      int renamed,
      Map<String, Duration> stageTimes,
      List<SourceSummary> sources) {}

  private Analysis() {}

  /**
   * Builds the pipeline for {@code settings}.
   *
   * @throws org.parallax.core.pipeline.ConfigException for an unknown annotator or option, or when
   *     an annotator needs layers that no annotator before it produces
   */
  public static Pipeline pipeline(Settings settings) {
    return Pipeline.of(
        INGESTED, AnnotatorFactory.create(settings.annotators(), settings.options()));
  }

  /**
   * Whether {@code workspace} holds {@code document} already: its id, or, for a document with an
   * outlet and no URL, the id that such a document had until ids took in the outlet (the hash of
   * its text alone) with the same outlet, so that a workspace made before that is not filled twice.
   */
  public static boolean alreadyIn(Workspace workspace, Document document) {
    if (workspace.contains(document.id())) {
      return true;
    }
    String outlet = document.metadata().outlet();
    String url = document.source().url();
    if (outlet == null || outlet.isBlank() || (url != null && !url.isBlank())) {
      return false;
    }
    String earlier = Document.contentId(document.text(), null);
    return workspace.contains(earlier)
        && workspace
            .get(earlier)
            .map(stored -> outlet.equals(stored.metadata().outlet()))
            .orElse(false);
  }

  /** Analyses every input under {@code paths} into {@code workspace} with {@code pipeline}. */
  public static Result run(
      Workspace workspace,
      List<String> paths,
      Pipeline pipeline,
      Settings settings,
      Progress progress) {
    List<Outcome.Failed> failures = new ArrayList<>();
    LocalExecutor.Summary summary;
    List<SourceSummary> sources;
    try (SourceBatch batch = Sources.open(paths, settings.ingest())) {
      summary =
          new LocalExecutor(settings.threads(), progress, settings.documentTimeout())
              .run(
                  batch.inputs(),
                  batch.total(),
                  pipeline,
                  document -> !settings.force() && alreadyIn(workspace, document),
                  outcome -> {
                    if (outcome instanceof Outcome.Ok ok) {
                      workspace.put(ok.document());
                    } else if (outcome instanceof Outcome.Failed failed) {
                      workspace.recordFailure(failed);
                      failures.add(failed);
                    }
                  });
      // complete now: the executor has read the batch to its end
      sources = batch.summaries();
    }
    workspace.commit();
    Map<String, Duration> stageTimes = new LinkedHashMap<>();
    stageTimes.put("read", summary.reading());
    stageTimes.putAll(pipeline.timings());
    int renamed = corpus(workspace, settings.corpus(), stageTimes);
    return new Result(summary, List.copyOf(failures), renamed, stageTimes, sources);
  }

  /**
   * The corpus half of a run, over everything the workspace holds: names resolved across documents
   * (and looked up in scripts no model reads), then the corpus stages. Adds each stage's time to
   * {@code stageTimes}; returns how many documents the names stage rewrote.
   */
  public static int corpus(
      Workspace workspace, CorpusStages.Settings settings, Map<String, Duration> stageTimes) {
    long corpusStart = System.nanoTime();
    int renamed = CorpusNames.apply(workspace);
    workspace.commit();
    stageTimes.put("names", Duration.ofNanos(System.nanoTime() - corpusStart));
    stageTimes.putAll(CorpusStages.run(workspace, settings));
    return renamed;
  }
}
