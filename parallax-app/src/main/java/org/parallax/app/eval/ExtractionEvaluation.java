package org.parallax.app.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dankito.readability4j.Readability4J;
import org.parallax.ingest.extract.HtmlExtractor;

/** Runs extractors over the same benchmark pages and scores each with {@link ShingleMetric}. */
final class ExtractionEvaluation {

  /**
   * One system's figures.
   *
   * @param pagesPerSecond pages divided by extraction time in the timed pass
   * @param failures pages it threw on, scored as empty
   * @param bodies what it extracted, by page id
   */
  record SystemResult(
      ShingleMetric.Scores scores,
      double pagesPerSecond,
      int failures,
      Map<String, String> bodies) {
    SystemResult {
      bodies = Map.copyOf(bodies);
    }
  }

  /**
   * The figures of every system on the same pages, in the order the systems were given.
   *
   * @param pages how many pages were scored
   */
  record Report(int pages, Map<String, SystemResult> systems) {
    Report {
      systems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(systems));
    }
  }

  private ExtractionEvaluation() {}

  static ExtractionSystem parallax() {
    return new InProcessSystem("parallax", (html, url) -> HtmlExtractor.extract(html, url).text());
  }

  static ExtractionSystem readability4j() {
    return new InProcessSystem(
        "readability4j",
        (html, url) -> {
          String text = new Readability4J(url == null ? "" : url, html).parse().getTextContent();
          return text == null ? "" : text;
        });
  }

  static Report run(List<BenchmarkPages.Page> pages, List<ExtractionSystem> systems)
      throws IOException {
    Map<String, SystemResult> results = new LinkedHashMap<>();
    for (ExtractionSystem system : systems) {
      ExtractionSystem.Run run = system.extractAll(pages);
      results.put(system.name(), score(pages, run));
    }
    return new Report(pages.size(), results);
  }

  static SystemResult score(List<BenchmarkPages.Page> pages, ExtractionSystem.Run run) {
    List<ShingleMetric.PageCounts> counts = new ArrayList<>();
    for (BenchmarkPages.Page page : pages) {
      counts.add(ShingleMetric.compare(page.truth(), run.bodies().getOrDefault(page.id(), "")));
    }
    double perSecond = run.seconds() > 0 ? pages.size() / run.seconds() : 0;
    return new SystemResult(
        ShingleMetric.aggregate(counts), perSecond, run.failures(), run.bodies());
  }
}
