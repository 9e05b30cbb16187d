package org.parallax.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallax.core.model.Document;
import org.parallax.core.pipeline.Input;
import org.parallax.core.pipeline.InputException;

class FeedSourcesTest {

  @TempDir Path dir;

  /** What reading one input gave: a document or the reason it failed. */
  record Result(Input input, Document document, String failure) {}

  private static final String RSS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
           xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Harbour Gazette</title>
          <link>https://gazette.test/</link>
          <description>News from the harbour</description>
          <language>en-GB</language>
          <item>
            <title>Dredging Starts in the Outer Basin</title>
            <link>https://gazette.test/dredging</link>
            <guid isPermaLink="false">gazette-101</guid>
            <dc:creator>Mara Lind</dc:creator>
            <pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate>
            <description>Short teaser about the dredging.</description>
            <content:encoded><![CDATA[<p>Dredging of the outer basin started on Tuesday, \
      after the harbour board approved the work in the winter, its chair said.</p>\
      <p>The work is expected to take six weeks, weather permitting.</p>]]></content:encoded>
          </item>
          <item>
            <title>Ferry Timetable Changes</title>
            <link>https://gazette.test/timetable</link>
            <author>desk@gazette.test (Jon Aster)</author>
            <pubDate>Wed, 06 Mar 2024 18:00:00 GMT</pubDate>
            <description>The spring timetable adds a late ferry on Fridays and Saturdays, \
      the operator announced on Wednesday.</description>
          </item>
          <item>
            <title>Title Only</title>
            <link>https://gazette.test/title-only</link>
          </item>
        </channel>
      </rss>
      """;

  private static final String ATOM =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
        <title>Hafenblatt</title>
        <id>urn:uuid:hafenblatt</id>
        <updated>2024-03-07T12:00:00Z</updated>
        <entry>
          <title type="html">Neue &lt;em&gt;Fähre&lt;/em&gt; getauft</title>
          <id>urn:uuid:eintrag-1</id>
          <link rel="alternate" href="https://hafenblatt.test/faehre"/>
          <published>2024-03-07T10:00:00+01:00</published>
          <updated>2024-03-07T11:00:00+01:00</updated>
          <author><name>Ines Brandt</name></author>
          <author><name>Ole Wendt</name></author>
          <summary type="text">Kurzfassung.</summary>
          <content type="html">&lt;p&gt;Die neue Fähre wurde am Donnerstag im Hafen \
      getauft, sagte die Reederei, und fährt ab April.&lt;/p&gt;</content>
        </entry>
        <entry>
          <title>Wasserstand sinkt</title>
          <id>https://hafenblatt.test/pegel</id>
          <updated>2024-03-08T08:00:00Z</updated>
          <summary type="text">Der Pegel im Hafenbecken ist seit Montag um zwanzig Zentimeter \
      gesunken, meldet das Wasseramt.</summary>
        </entry>
      </feed>
      """;

  @Test
  void readsRssItemsWithTheirMetadata() throws IOException {
    Path file = write("gazette.txt", RSS); // the content decides, not the name

    List<Result> results = new ArrayList<>();
    List<SourceSummary> summaries;
    try (SourceBatch batch = Sources.open(List.of(file.toString()), IngestConfig.DEFAULTS)) {
      batch.inputs().forEachRemaining(input -> results.add(read(input)));
      summaries = batch.summaries();
    }

    assertThat(results).hasSize(3);
    Document dredging = results.get(0).document();
    assertThat(dredging.source().inputId()).isEqualTo("gazette-101");
    assertThat(dredging.source().origin()).isEqualTo(file + "#1");
    assertThat(dredging.source().url()).isEqualTo("https://gazette.test/dredging");
    assertThat(dredging.source().format()).isEqualTo("html");
    assertThat(dredging.source().fields()).containsEntry("feed", "rss_2.0");
    assertThat(dredging.metadata().title()).isEqualTo("Dredging Starts in the Outer Basin");
    assertThat(dredging.metadata().authors()).containsExactly("Mara Lind");
    assertThat(dredging.metadata().published()).isEqualTo("2024-03-05T08:30:00Z");
    assertThat(dredging.metadata().outlet()).isEqualTo("Harbour Gazette");
    assertThat(dredging.metadata().languageHint()).isEqualTo("en");
    assertThat(dredging.text())
        .isEqualTo(
            "Dredging of the outer basin started on Tuesday, after the harbour board approved the"
                + " work in the winter, its chair said.\n\n"
                + "The work is expected to take six weeks, weather permitting.");

    Document timetable = results.get(1).document();
    assertThat(timetable.source().inputId()).isEqualTo("https://gazette.test/timetable");
    assertThat(timetable.source().format()).isEqualTo("txt");
    assertThat(timetable.metadata().authors()).containsExactly("Jon Aster");
    assertThat(timetable.metadata().published()).isEqualTo("2024-03-06T18:00:00Z");
    assertThat(timetable.text()).startsWith("The spring timetable adds a late ferry");

    assertThat(results.get(2).failure())
        .isEqualTo("the feed item has no content, summary or description to read");

    assertThat(summaries)
        .extracting(SourceSummary::describe)
        .containsExactly(file + " (rss): 2 items, 1 unreadable");
  }

  @Test
  void readsAtomEntriesPreferringTheFullContent() throws IOException {
    Path file = write("hafen.atom", ATOM);

    List<Result> results = readAll(file);

    assertThat(results).hasSize(2);
    Document ferry = results.get(0).document();
    assertThat(ferry.source().inputId()).isEqualTo("urn:uuid:eintrag-1");
    assertThat(ferry.source().url()).isEqualTo("https://hafenblatt.test/faehre");
    assertThat(ferry.source().format()).isEqualTo("html");
    assertThat(ferry.source().fields())
        .isEqualTo(Map.of("feed", "atom_1.0", "updated", "2024-03-07T10:00:00Z"));
    assertThat(ferry.metadata().title()).isEqualTo("Neue Fähre getauft");
    assertThat(ferry.metadata().authors()).containsExactly("Ines Brandt", "Ole Wendt");
    assertThat(ferry.metadata().published()).isEqualTo("2024-03-07T09:00:00Z");
    assertThat(ferry.metadata().outlet()).isEqualTo("Hafenblatt");
    assertThat(ferry.metadata().languageHint()).isEqualTo("de");
    assertThat(ferry.text())
        .isEqualTo(
            "Die neue Fähre wurde am Donnerstag im Hafen getauft, sagte die Reederei, und fährt"
                + " ab April.");

    Document level = results.get(1).document();
    assertThat(level.source().url()).isEqualTo("https://hafenblatt.test/pegel");
    assertThat(level.source().format()).isEqualTo("txt");
    assertThat(level.metadata().published()).isEqualTo("2024-03-08T08:00:00Z");
    assertThat(level.text()).startsWith("Der Pegel im Hafenbecken");
  }

  @Test
  void readsRss1AndALatin1DeclaredFeed() throws IOException {
    String rdf =
        """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://journal.test/">
            <title>Journal du Port</title>
            <link>https://journal.test/</link>
            <description>Nouvelles</description>
            <dc:language>fr</dc:language>
          </channel>
          <item rdf:about="https://journal.test/quai">
            <title>Le quai rénové</title>
            <link>https://journal.test/quai</link>
            <description>Le quai nord a été rénové cet hiver et rouvre lundi, a annoncé la \
        mairie.</description>
            <dc:date>2024-03-04T07:00:00Z</dc:date>
          </item>
        </rdf:RDF>
        """;
    Path file = writeBytes("port.rdf", rdf.getBytes(StandardCharsets.ISO_8859_1));

    List<Result> results = readAll(file);

    Document quai = results.get(0).document();
    assertThat(quai.metadata().title()).isEqualTo("Le quai rénové");
    assertThat(quai.metadata().languageHint()).isEqualTo("fr");
    assertThat(quai.metadata().published()).isEqualTo("2024-03-04T07:00:00Z");
    assertThat(quai.text()).startsWith("Le quai nord a été rénové");
  }

  @Test
  void neverFetchesDoctypesOrExternalEntities() throws IOException {
    Path secret = write("secret.txt", "TOP-SECRET-VALUE");
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger connections = new AtomicInteger();
      Thread acceptor =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    socket.close();
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      String base = "http://127.0.0.1:" + server.getLocalPort();
      String feed =
          "<?xml version=\"1.0\"?>\n"
              + "<!DOCTYPE rss SYSTEM \""
              + base
              + "/rss.dtd\" [\n"
              + "  <!ENTITY web SYSTEM \""
              + base
              + "/entity\">\n"
              + "  <!ENTITY file SYSTEM \""
              + secret.toUri()
              + "\">\n"
              + "  <!ENTITY % remote SYSTEM \""
              + base
              + "/parameter.dtd\">\n"
              + "  %remote;\n"
              + "  <!ENTITY harbour \"the harbour\">\n"
              + "]>\n"
              + "<rss version=\"2.0\"><channel><title>Hostile</title>"
              + "<item><title>Entities</title><guid>hostile-1</guid><description>Boats left"
              + " &harbour; at dawn [&web;] [&file;] and came back before the evening"
              + " tide.</description></item></channel></rss>\n";
      Path file = write("hostile.xml", feed);
      Path after = write("zz-after.txt", "A plain text file read after the feed, as usual.");

      List<Result> results = new ArrayList<>();
      try (SourceBatch batch =
          Sources.open(List.of(file.toString(), after.toString()), IngestConfig.DEFAULTS)) {
        batch.inputs().forEachRemaining(input -> results.add(read(input)));
      }

      // a connection of our own, accepted after any the parser made: then the count is final
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
          InputStream in = probe.getInputStream()) {
        assertThat(in.read()).isEqualTo(-1);
      }
      assertThat(connections.get()).isEqualTo(1);

      assertThat(results).hasSize(2);
      assertThat(results.get(0).failure()).isNull();
      String text = results.get(0).document().text();
      assertThat(text).startsWith("Boats left the harbour at dawn").doesNotContain("TOP-SECRET");
      assertThat(results.get(1).document().text()).startsWith("A plain text file");
    }
  }

  @Test
  void failsAnEntityBombOrABrokenFeedAndGoesOn() throws IOException {
    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n");
    bomb.append("  <!ENTITY a0 \"boom boom boom boom boom boom boom boom boom boom\">\n");
    for (int i = 1; i <= 9; i++) {
      bomb.append("  <!ENTITY a").append(i).append(" \"");
      bomb.append(("&a" + (i - 1) + ";").repeat(10)).append("\">\n");
    }
    bomb.append("]>\n<rss version=\"2.0\"><channel><title>Bomb</title><item><title>B</title>");
    bomb.append("<description>&a9;</description></item></channel></rss>\n");
    Path bombFile = write("a-bomb.rss", bomb.toString());
    Path broken =
        write("b-broken.rss", "<rss version=\"2.0\"><channel><title>Cut</title><item><title>Half");
    Path deep =
        write(
            "c-deep.atom",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Deep</title><entry><title>D</title>"
                + "<content type=\"xhtml\">"
                + "<div xmlns=\"http://www.w3.org/1999/xhtml\">".repeat(100_000)
                + "deep"
                + "</div>".repeat(100_000)
                + "</content></entry></feed>");
    Path fine = write("d-fine.rss", RSS);

    List<Result> results = new ArrayList<>();
    List<SourceSummary> summaries;
    try (SourceBatch batch = Sources.open(List.of(dir.toString()), IngestConfig.DEFAULTS)) {
      batch.inputs().forEachRemaining(input -> results.add(read(input)));
      summaries = batch.summaries();
    }

    assertThat(results.get(0).input().origin()).isEqualTo(bombFile.toString());
    assertThat(results.get(0).failure()).startsWith("the feed could not be parsed: ");
    assertThat(results.get(1).input().origin()).isEqualTo(broken.toString());
    assertThat(results.get(1).failure()).startsWith("the feed could not be parsed: ");
    assertThat(results.get(2).input().origin()).isEqualTo(deep.toString());
    assertThat(results.get(2).failure())
        .startsWith("the feed could not be parsed: ")
        .contains("exceeds the limit \"512\"");
    assertThat(results.subList(3, results.size()))
        .extracting(r -> r.input().origin())
        .containsExactly(fine + "#1", fine + "#2", fine + "#3");
    assertThat(summaries).hasSize(4);
    assertThat(summaries.get(0).problem()).startsWith("the feed could not be parsed: ");
  }

  @Test
  void anHtmlPageIsNotTakenForAFeed() throws IOException {
    Path page =
        write(
            "page.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html><head><title>Not a feed</title></head>"
                + "<body><p>This page starts like XML but is an ordinary web page about the"
                + " harbour, read as HTML.</p></body></html>");

    List<Result> results = readAll(page);

    assertThat(results).singleElement().satisfies(r -> assertThat(r.failure()).isNull());
    assertThat(results.get(0).document().source().format()).isEqualTo("html");
  }

  @Test
  void sniffsFeedsFromTheirRootElement() {
    assertThat(Sniffer.feedKind(bytes("<rss version=\"2.0\"><channel/></rss>"))).hasValue("rss");
    assertThat(
            Sniffer.feedKind(
                bytes(
                    "\uFEFF<?xml version=\"1.0\"?>\n<!-- generated -->\n"
                        + "<?xml-stylesheet href=\"s.xsl\"?>\n<!DOCTYPE rss [<!ENTITY x \"y\">]>\n"
                        + "<rss>")))
        .hasValue("rss");
    assertThat(Sniffer.feedKind(bytes("<feed xmlns=\"http://www.w3.org/2005/Atom\">")))
        .hasValue("atom");
    assertThat(Sniffer.feedKind(bytes("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">")))
        .hasValue("atom");
    assertThat(
            Sniffer.feedKind(
                bytes(
                    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                        + " xmlns=\"http://purl.org/rss/1.0/\">")))
        .hasValue("rdf");
    assertThat(Sniffer.feedKind("<rss version=\"2.0\">".getBytes(Charset.forName("UTF-16LE"))))
        .isEmpty(); // UTF-16 without a byte-order mark is not a feed we know
    assertThat(Sniffer.feedKind(bytes("<feed><entry/></feed>"))).isEmpty();
    assertThat(Sniffer.feedKind(bytes("<html><body>rss</body></html>"))).isEmpty();
    assertThat(Sniffer.feedKind(bytes("Plain text that mentions <rss> later."))).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private List<Result> readAll(Path file) {
    List<Result> results = new ArrayList<>();
    try (SourceBatch batch = Sources.open(List.of(file.toString()), IngestConfig.DEFAULTS)) {
      batch.inputs().forEachRemaining(input -> results.add(read(input)));
    }
    return results;
  }

  private static Result read(Input input) {
    try {
      return new Result(input, input.read(), null);
    } catch (InputException e) {
      return new Result(input, null, e.getMessage());
    }
  }

  private Path write(String name, String content) throws IOException {
    return writeBytes(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private Path writeBytes(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }
}
