package org.parallax.app.eval;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** An article extractor under evaluation: the body text it finds in each page, and how fast. */
interface ExtractionSystem {

  /** The key it is reported under, e.g. {@code parallax}. */
  String name();

  /**
   * Extracts the body of every page, timed after an untimed warm-up.
   *
   * @throws IOException when the system as a whole cannot run (a failing page is counted instead)
   */
  Run extractAll(List<BenchmarkPages.Page> pages) throws IOException;

  /**
   * What one system produced.
   *
   * @param bodies the extracted body by page id; empty for a page it failed on
   * @param seconds time spent extracting in one timed pass over all pages (the fastest, where there
   *     are several), reading and scoring excluded
   * @param failures pages on which it threw or gave up
   */
  record Run(Map<String, String> bodies, double seconds, int failures) {
    public Run {
      bodies = Map.copyOf(bodies);
    }
  }
}
