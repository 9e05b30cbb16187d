package org.parallax.ingest.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one container file (a WARC archive, an RSS or Atom feed) held: how many documents it gave,
 * which records it skipped and why, and whether it broke before its end. A WARC of a site crawl is
 * mostly requests, images and scripts; without these counts a user who sees twelve documents from a
 * 2 GB archive cannot tell a crawl of twelve pages from a reading error.
 *
 * @param origin the file as the user named it, or {@code stdin}
 * @param format what the file is: {@code warc}, {@code rss}, {@code atom}
 * @param unit what its documents are called in words, e.g. {@code HTML responses}, {@code items}
 * @param documents records that became inputs with a document to read
 * @param failed records that became failing inputs (over the size limit, an unreadable HTTP header,
 *     a feed item without text)
 * @param skipped records that are not documents, by reason, e.g. {@code request}, {@code non-HTML
 *     response}, {@code revisit}; in the order first met
 * @param problem why reading stopped before the end of the file (a truncated or corrupt archive),
 *     or null when the whole file was read
 */
public record SourceSummary(
    String origin,
    String format,
    String unit,
    long documents,
    long failed,
    Map<String, Long> skipped,
    String problem) {

  public SourceSummary {
    skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
  }

  /** How many records were skipped for any reason. */
  public long skippedTotal() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * One line for a person, e.g. {@code "crawl.warc.gz (warc): 12 HTML responses, 30 other records
   * skipped (18 request, 8 non-HTML response, 4 revisit)"}.
   */
  public String describe() {
    StringBuilder line = new StringBuilder();
    line.append(origin).append(" (").append(format).append("): ");
    line.append(documents)
        .append(' ')
        .append(documents == 1 && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
    if (failed > 0) {
      line.append(", ").append(failed).append(" unreadable");
    }
    long total = skippedTotal();
    if (total > 0) {
      List<String> reasons = new ArrayList<>();
      skipped.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .forEach(e -> reasons.add(e.getValue() + " " + e.getKey()));
      line.append(", ")
          .append(total)
          .append(" other record")
          .append(total == 1 ? "" : "s")
          .append(" skipped (")
          .append(String.join(", ", reasons))
          .append(')');
    }
    if (problem != null) {
      line.append("; stopped early: ").append(problem);
    }
    return line.toString();
  }

  /** The counts of one container while it is read; a snapshot at any time is a summary. */
  static final class Tally {
    private final String origin;
    private final String unit;
    private String format;
    private long documents;
    private long failed;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private String problem;

    Tally(String origin, String format, String unit) {
      this.origin = origin;
      this.format = format;
      this.unit = unit;
    }

    synchronized void format(String value) {
      format = value;
    }

    synchronized void document() {
      documents++;
    }

    synchronized void failed() {
      failed++;
    }

    synchronized void skip(String reason) {
      skipped.merge(reason, 1L, Long::sum);
    }

    synchronized void stopped(String why) {
      problem = why;
    }

    synchronized SourceSummary snapshot() {
      return new SourceSummary(origin, format, unit, documents, failed, skipped, problem);
    }
  }
}
