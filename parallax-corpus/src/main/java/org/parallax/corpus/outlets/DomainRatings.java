package org.parallax.corpus.outlets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Looks up the shipped domain ratings: Lin et al. (2023) pc1 and CRED-1 (category, score), read
 * once from this package's resources.
 */
final class DomainRatings {

  private record Cred1(String category, double score) {}

  // Loaded on first use only: profiles of a corpus without URLs never pay for the 11k rows.
  private static final class Lists {
    static final Map<String, Double> LIN = readLin();
    static final Map<String, Cred1> CRED1 = readCred1();
  }

  private DomainRatings() {}

  /**
   * The host of {@code urlOrDomain} without "www.", lower-cased, or null when it has none. A bare
   * domain ("example.com") is accepted too, so an outlet named by its domain can be looked up.
   */
  static String host(String urlOrDomain) {
    if (urlOrDomain == null || urlOrDomain.isBlank()) {
      return null;
    }
    String candidate = urlOrDomain.trim();
    String host;
    try {
      host = new URI(candidate.contains("://") ? candidate : "http://" + candidate).getHost();
    } catch (URISyntaxException e) {
      return null;
    }
    if (host == null || !host.contains(".")) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  /** The ratings of {@code host} (as returned by {@link #host}); path is the URL's, or null. */
  static DomainRating rate(String host, String firstPathSegment) {
    String linDomain = null;
    Double pc1 = null;
    // Lin et al. rate a few sections apart from their site (rfi.fr/en): try those first.
    if (firstPathSegment != null && !firstPathSegment.isEmpty()) {
      String section = host + "/" + firstPathSegment.toLowerCase(Locale.ROOT);
      if (Lists.LIN.containsKey(section)) {
        linDomain = section;
        pc1 = Lists.LIN.get(section);
      }
    }
    if (linDomain == null) {
      linDomain = longestSuffix(host, Lists.LIN);
      pc1 = linDomain == null ? null : Lists.LIN.get(linDomain);
    }
    String cred1Domain = longestSuffix(host, Lists.CRED1);
    Cred1 cred1 = cred1Domain == null ? null : Lists.CRED1.get(cred1Domain);
    boolean rated = linDomain != null || cred1Domain != null;
    return new DomainRating(
        host,
        rated ? DomainRating.RATED : DomainRating.UNRATED,
        linDomain,
        pc1,
        cred1Domain,
        cred1 == null ? null : cred1.category(),
        cred1 == null ? null : cred1.score());
  }

  /** The ratings for the host of {@code url}, or null when it has no host. */
  static DomainRating rate(String url) {
    String host = host(url);
    return host == null ? null : rate(host, firstPathSegment(url));
  }

  // The longest suffix at a label boundary that the list has, down to two labels: a public
  // suffix ("co.uk") is never a rated domain on its own, so no suffix list is needed.
  private static String longestSuffix(String host, Map<String, ?> list) {
    String candidate = host;
    while (candidate.indexOf('.') > 0) {
      if (list.containsKey(candidate)) {
        return candidate;
      }
      candidate = candidate.substring(candidate.indexOf('.') + 1);
    }
    return null;
  }

  private static String firstPathSegment(String url) {
    try {
      String path = new URI(url.trim()).getPath();
      if (path == null || path.length() < 2) {
        return null;
      }
      int slash = path.indexOf('/', 1);
      return slash < 0 ? path.substring(1) : path.substring(1, slash);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Map<String, Double> readLin() {
    Map<String, Double> ratings = new HashMap<>();
    readCsv(
        "lin2023-domain-pc1.csv.gz",
        fields -> ratings.put(fields[0].toLowerCase(Locale.ROOT), Double.valueOf(fields[1])));
    return Map.copyOf(ratings);
  }

  private static Map<String, Cred1> readCred1() {
    Map<String, Cred1> ratings = new HashMap<>();
    readCsv(
        "cred1-domains.csv.gz",
        fields ->
            ratings.put(
                fields[0].toLowerCase(Locale.ROOT),
                new Cred1(fields[1], Double.parseDouble(fields[2]))));
    return Map.copyOf(ratings);
  }

  private interface Row {
    void accept(String[] fields);
  }

  // The shipped files are plain "domain,..." rows with a header and no quoted fields.
  private static void readCsv(String resource, Row row) {
    try (InputStream raw = DomainRatings.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] fields = line.split(",", -1);
        if (fields.length >= 2 && !fields[0].isBlank()) {
          row.accept(fields);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
