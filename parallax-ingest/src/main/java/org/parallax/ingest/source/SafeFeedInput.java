package org.parallax.ingest.source;

import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.jdom2.JDOMException;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.EntityResolver;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * ROME's feed input on an XML parser that never reads anything but the feed itself.
 *
 * <p>Feeds come from anywhere, and an XML parser left to its defaults fetches external DTDs and
 * entities: a feed could make Parallax open network connections or read local files into a document
 * (XXE). ROME's own guard refuses every doctype, which loses harmless old RSS 0.91 feeds; this one
 * accepts doctypes but never loads what they point to:
 *
 * <ul>
 *   <li>the JDK's built-in parser ({@link SAXParserFactory#newDefaultInstance()}), whatever other
 *       parser (an old Xerces) is on the class path, with secure processing on, which caps entity
 *       expansion ("billion laughs") and forbids external access ({@code accessExternalDTD} and
 *       {@code accessExternalSchema} empty);
 *   <li>external general and parameter entities and external DTD loading switched off;
 *   <li>an entity resolver that answers every request with nothing, should any get through;
 *   <li>a cap on element nesting ({@code jdk.xml.maxElementDepth}).
 * </ul>
 */
final class SafeFeedInput extends WireFeedInput {

  /** The JDK parser's own limit on element nesting, so deep XML fails early and clearly. */
  private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";

  private final int maxDepth;

  /**
   * @param maxDepth the deepest element nesting a feed may have; deeper XML fails to parse (ROME
   *     serialises XHTML content recursively, so unbounded depth could exhaust the stack)
   */
  SafeFeedInput(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  /** Resolves every external entity and DTD to an empty document. */
  static final EntityResolver NOTHING =
      (publicId, systemId) -> new InputSource(new StringReader(""));

  @Override
  protected SAXBuilder createSAXBuilder() {
    SAXBuilder builder = new SAXBuilder(new HardenedReaders(maxDepth));
    builder.setEntityResolver(NOTHING);
    builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
    builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return builder;
  }

  /** Makes the hardened, non-validating, namespace-aware SAX readers JDOM builds with. */
  static final class HardenedReaders implements XMLReaderJDOMFactory {

    private final int maxDepth;

    HardenedReaders(int maxDepth) {
      this.maxDepth = maxDepth;
    }

    @Override
    public XMLReader createXMLReader() throws JDOMException {
      try {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        reader.setProperty(MAX_ELEMENT_DEPTH, Integer.toString(maxDepth));
        reader.setEntityResolver(NOTHING);
        return reader;
      } catch (ParserConfigurationException | SAXException e) {
        throw new JDOMException("the JDK's XML parser cannot be configured safely", e);
      }
    }

    @Override
    public boolean isValidating() {
      return false;
    }
  }
}
