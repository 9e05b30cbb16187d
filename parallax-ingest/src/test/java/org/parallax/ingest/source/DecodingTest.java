package org.parallax.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parallax.core.model.Diagnostic;

class DecodingTest {

  private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;
  private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

  private static final String FRENCH =
      "<p>Le conseil municipal a approuvé mardi le budget des écoles et de la crèche du quartier,"
          + " après trois heures de débat.</p>";
  private static final String RUSSIAN =
      "<p>Городской совет во вторник утвердил бюджет на следующий год. Депутаты спорили три часа"
          + " о расходах на школы, детские сады и ремонт набережной.</p>";
  private static final String JAPANESE = "<p>市議会は火曜日、来年度の予算を承認した。議員たちは学校への支出について三時間議論した。</p>";

  @Test
  void readsALatin1PageAsItsMetaTagDeclares() {
    String page = "<html><head><meta charset=\"iso-8859-1\"></head><body>" + FRENCH + "</body>";

    Decoding.Decoded decoded = Decoding.decode(page.getBytes(LATIN_1));

    assertThat(decoded.text()).isEqualTo(page);
    assertThat(decoded.charset()).isEqualTo("windows-1252"); // what browsers read latin-1 as
    assertThat(decoded.diagnostics()).isEmpty();
  }

  @Test
  void readsTheHttpEquivDeclarationAndTheXmlDeclaration() {
    String equiv =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
            + "</head><body>"
            + RUSSIAN
            + "</body></html>";
    assertThat(Decoding.decode(equiv.getBytes(WINDOWS_1251)).text()).isEqualTo(equiv);

    String xml =
        "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><html><body>" + JAPANESE + "</body>";
    Decoding.Decoded decoded = Decoding.decode(xml.getBytes(SHIFT_JIS));
    assertThat(decoded.text()).isEqualTo(xml);
    assertThat(decoded.diagnostics()).isEmpty();
  }

  @Test
  void aUtf8ByteOrderMarkDecidesAndIsDropped() {
    byte[] text =
        ("\uFEFF<p>Caf\u00e9 au lait, na\u00efve r\u00e9sum\u00e9.</p>")
            .getBytes(StandardCharsets.UTF_8);

    Decoding.Decoded decoded = Decoding.decode(text);

    assertThat(decoded.text()).isEqualTo("<p>Café au lait, naïve résumé.</p>");
    assertThat(decoded.diagnostics()).isEmpty();
  }

  @Test
  void theHttpHeaderComesBeforeTheMetaTag() {
    String page =
        "<html><head><meta charset=\"windows-1252\"></head><body>" + JAPANESE + "</body></html>";

    Decoding.Decoded decoded = Decoding.decode(page.getBytes(SHIFT_JIS), "Shift_JIS");

    assertThat(decoded.text()).isEqualTo(page);
    assertThat(decoded.charset()).isEqualTo("Shift_JIS");
    assertThat(decoded.diagnostics()).isEmpty();

    String russian = "<html><body>" + RUSSIAN + "</body></html>";
    assertThat(Decoding.decode(russian.getBytes(WINDOWS_1251), "windows-1251").text())
        .isEqualTo(russian);
  }

  @Test
  void aDeclarationTheBytesDoNotFitIsPassedOver() {
    // the server says UTF-8, the page says windows-1252, and the bytes are windows-1252
    String page = "<html><head><meta charset=\"windows-1252\"></head><body>" + FRENCH + "</body>";

    Decoding.Decoded decoded = Decoding.decode(page.getBytes(WINDOWS_1252), "utf-8");

    assertThat(decoded.text()).isEqualTo(page);
    assertThat(decoded.diagnostics()).isEmpty();
  }

  @Test
  void validUtf8WinsOverAWrongLegacyDeclaration() {
    String page = "<html><head><meta charset=\"iso-8859-1\"></head><body>" + FRENCH + "</body>";

    Decoding.Decoded decoded = Decoding.decode(page.getBytes(StandardCharsets.UTF_8), "iso-8859-1");

    assertThat(decoded.text()).isEqualTo(page);
    assertThat(decoded.charset()).isEqualTo("UTF-8");
  }

  @Test
  void undeclaredWindows1252IsReadAsSuchWithADiagnostic() {
    String text =
        "The council\u2019s budget \u2013 approved on Tuesday \u2013 pays for the caf\u00e9 and"
            + " the \u201cnew\u201d library.";

    Decoding.Decoded decoded = Decoding.decode(text.getBytes(WINDOWS_1252));

    assertThat(decoded.text()).isEqualTo(text);
    assertThat(decoded.charset()).isEqualTo("windows-1252");
    assertThat(decoded.diagnostics())
        .extracting(Diagnostic::message)
        .singleElement()
        .satisfies(m -> assertThat(m).contains("not valid UTF-8").contains("windows-1252"));
  }

  @Test
  void undeclaredCyrillicIsDetected() {
    String page = "<html><body>" + RUSSIAN + RUSSIAN + "</body></html>";

    Decoding.Decoded decoded = Decoding.decode(page.getBytes(WINDOWS_1251));

    assertThat(decoded.text()).isEqualTo(page);
    assertThat(decoded.charset()).isEqualTo("windows-1251");
    assertThat(decoded.diagnostics())
        .extracting(Diagnostic::message)
        .singleElement()
        .satisfies(m -> assertThat(m).contains("windows-1251 (detected from the bytes)"));
  }

  @Test
  void repairsUtf8ThatWasEncodedTwice() {
    String text = "<p>Caf\u00e9 cr\u00e8me \u2013 the council\u2019s \u201cfinal\u201d offer.</p>";
    String twice = asWindows1252(text.getBytes(StandardCharsets.UTF_8));
    assertThat(twice).contains("Ã©", "â€™");

    Decoding.Decoded decoded = Decoding.decode(twice.getBytes(StandardCharsets.UTF_8));

    assertThat(decoded.text()).isEqualTo(text);
    assertThat(decoded.diagnostics())
        .extracting(Diagnostic::message)
        .singleElement()
        .satisfies(m -> assertThat(m).startsWith("the text was encoded twice"));
  }

  /** Bytes read as browsers read windows-1252: its five unassigned bytes become C1 controls. */
  private static String asWindows1252(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      String c = new String(new byte[] {b}, WINDOWS_1252);
      text.append(c.equals("\uFFFD") ? (char) (b & 0xff) : c.charAt(0));
    }
    return text.toString();
  }

  @Test
  void mostlyValidUtf8StaysUtf8() {
    byte[] good = ("<p>" + FRENCH + FRENCH + "</p>").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 1];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = (byte) 0xe9; // one stray latin-1 byte at the end

    Decoding.Decoded decoded = Decoding.decode(bytes);

    assertThat(decoded.charset()).isEqualTo("UTF-8");
    assertThat(decoded.text()).startsWith("<p>" + FRENCH).endsWith("\uFFFD");
  }

  @Test
  void knowsBrowserAliases() {
    assertThat(Decoding.resolve("ISO-8859-1")).isEqualTo(WINDOWS_1252);
    assertThat(Decoding.resolve("us-ascii")).isEqualTo(WINDOWS_1252);
    assertThat(Decoding.resolve(" x-sjis ")).isEqualTo(SHIFT_JIS);
    assertThat(Decoding.resolve("no-such-charset")).isNull();
    assertThat(List.of(Decoding.resolve("utf8"))).containsExactly(StandardCharsets.UTF_8);
  }
}
