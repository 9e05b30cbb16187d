package org.parallax.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;
import org.parallax.app.analyze.CorpusStages;

/**
 * The stored corpus results the report shows beside the articles; any of them may be {@code null}
 * (a workspace analysed by an older version), and the report then leaves that part out.
 *
 * @param duplicates the {@code duplicates} result: {@code {groups: [...], pairs: [...]}}
 * @param stories the {@code stories} result: {@code {stories: [...]}}
 * @param outlets the {@code outlets} result: {@code {profiles: [...]}}
 * @param talkingPoints the {@code talkingPoints} result: {@code {talkingPoints: [...],
 *     recurringQuotes: [...]}}
 */
public record CorpusResults(
    JsonNode duplicates, JsonNode stories, JsonNode outlets, JsonNode talkingPoints) {

  /** No corpus results: the report has only the overview and the article pages. */
  public static final CorpusResults NONE = new CorpusResults(null, null, null, null);

  /**
   * Reads the results by their stored names, e.g. {@code
   * CorpusResults.of(workspace::corpusResult)}.
   */
  public static CorpusResults of(Function<String, Optional<JsonNode>> stored) {
    return new CorpusResults(
        stored.apply(CorpusStages.DUPLICATES).orElse(null),
        stored.apply(CorpusStages.STORIES).orElse(null),
        stored.apply(CorpusStages.OUTLETS).orElse(null),
        stored.apply(CorpusStages.TALKING_POINTS).orElse(null));
  }
}
