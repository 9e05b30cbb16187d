package org.parallax.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.parallax.core.model.Document;
import org.parallax.core.pipeline.Input;
import org.parallax.core.pipeline.InputException;
import org.parallax.ingest.extract.Boilerplate;

/**
 * Coverage-guided fuzzing of the three readers that take bytes from the web: HTML pages, WARC
 * archives and RSS/Atom feeds, each through the same path {@code analyze} uses (sniffing, gzip,
 * decoding, extraction, cleaning).
 *
 * <p>The property: whatever the bytes, listing the inputs never throws, and reading each input
 * either gives a well-formed document or fails with an {@link InputException} that says why. Any
 * other exception, a stack overflow or a hang is a finding.
 *
 * <p>A plain {@code mvn verify} replays the seeds and every input that once failed (kept in {@code
 * src/test/resources/org/parallax/ingest/source/ReaderFuzzTestInputs/<method>/}). To fuzz one
 * reader, e.g. for ten minutes (the duration is set on each method):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -pl parallax-ingest test -Dtest='ReaderFuzzTest#html' \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Jazzer writes a failing input into the inputs directory above; it then stays as a regression
 * fixture. See docs/FUZZING.md for the runs made and what they found.
 */
class ReaderFuzzTest {

  /** Small limits so that the fuzzer spends its time on structure, not on size. */
  private static final IngestConfig CONFIG = new IngestConfig(256 * 1024, 256, 100_000);

  private static final byte[] HTML_PREFIX = "<!DOCTYPE html>\n".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] WARC_PREFIX = "WARC/1.".getBytes(StandardCharsets.US_ASCII);

  @FuzzTest(maxDuration = "10m")
  @DictionaryEntries({
    "<html",
    "<head>",
    "<meta charset=\"",
    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=",
    "<script type=\"application/ld+json\">",
    "\"@type\":\"NewsArticle\"",
    "\"articleBody\":\"",
    "\"datePublished\":\"",
    "<meta property=\"og:title\" content=\"",
    "<article>",
    "<main>",
    "<div class=\"",
    "<p>",
    "</p>",
    "<nav>",
    "<footer>",
    "<figcaption>",
    "<time datetime=\"",
    "itemprop=\"articleBody\"",
    "<br>",
    "<!--",
    "&nbsp;",
    "&#x",
    "<![CDATA[",
    "\u00ef\u00bb\u00bf",
  })
  void html(byte[] data) {
    readAll(concat(HTML_PREFIX, data));
  }

  // libFuzzer dictionaries spell control bytes as \xNN
  @FuzzTest(maxDuration = "10m")
  @DictionaryEntries({
    "WARC/1.0\\x0D\\x0A",
    "WARC/1.1\\x0D\\x0A",
    "WARC-Type: response\\x0D\\x0A",
    "WARC-Type: resource\\x0D\\x0A",
    "WARC-Type: request\\x0D\\x0A",
    "WARC-Type: warcinfo\\x0D\\x0A",
    "WARC-Target-URI: http://example.org/a\\x0D\\x0A",
    "WARC-Date: 2020-01-03T20:32:10Z\\x0D\\x0A",
    "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\\x0D\\x0A",
    "Content-Type: application/http; msgtype=response\\x0D\\x0A",
    "Content-Length: ",
    "HTTP/1.1 200 OK\\x0D\\x0A",
    "HTTP/1.1 404 Not Found\\x0D\\x0A",
    "Content-Type: text/html; charset=",
    "Content-Encoding: gzip\\x0D\\x0A",
    "Content-Encoding: deflate\\x0D\\x0A",
    "Transfer-Encoding: chunked\\x0D\\x0A",
    "\\x0D\\x0A\\x0D\\x0A",
  })
  void warc(byte[] data) {
    readAll(concat(WARC_PREFIX, data));
  }

  @FuzzTest(maxDuration = "10m")
  @DictionaryEntries({
    "<?xml version=\"1.0\" encoding=\"",
    "<rss version=\"2.0\"",
    " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"",
    "<channel>",
    "<item>",
    "<title>",
    "<link>",
    "<description>",
    "<content:encoded>",
    "<pubDate>",
    "<dc:creator>",
    "<language>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "<entry>",
    "<content type=\"html\">",
    "<content type=\"xhtml\">",
    "<summary>",
    "<updated>",
    "<author><name>",
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">",
    "<![CDATA[",
    "&lt;p&gt;",
    "<!DOCTYPE rss [<!ENTITY e \"",
    "&e;",
  })
  void feed(byte[] data) {
    readAll(data);
  }

  /** Lists and reads every input in {@code bytes}, checking what each one gives. */
  private static void readAll(byte[] bytes) {
    try (SourceBatch batch =
        Sources.open(List.of(Entries.STDIN), CONFIG, () -> new ByteArrayInputStream(bytes))) {
      Iterator<Input> inputs = batch.inputs();
      while (inputs.hasNext()) {
        Input input = inputs.next();
        assertThat(input.inputId()).isNotNull();
        assertThat(input.origin()).isNotNull();
        try {
          check(input.read());
        } catch (InputException e) {
          assertThat(e.getMessage()).as("a failure says why").isNotBlank();
        }
      }
      batch.summaries().forEach(summary -> assertThat(summary.describe()).isNotBlank());
    }
  }

  private static void check(Document doc) {
    String text = doc.text();
    assertThat(text).isNotNull();
    assertThat(text.length()).isLessThanOrEqualTo(CONFIG.maxTextChars());
    assertThat(doc.metadata()).isNotNull();
    for (Boilerplate region : doc.find(Boilerplate.LAYER).orElse(List.of())) {
      assertThat(region.at().end())
          .as("boilerplate offset inside the text")
          .isLessThanOrEqualTo(text.length());
      assertThat(region.kind()).isNotBlank();
      assertThat(region.confidence()).isBetween(0.0, 1.0);
    }
  }

  private static byte[] concat(byte[] prefix, byte[] data) {
    byte[] all = new byte[prefix.length + data.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(data, 0, all, prefix.length, data.length);
    return all;
  }
}
