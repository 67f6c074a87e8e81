package dev.accesslink4j.internal;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import okio.Buffer;
import okio.BufferedSource;
import okio.Sink;
import org.jspecify.annotations.Nullable;

/**
 * Streams a TCX or GPX body through the JDK's StAX parser and checks that it is one well-formed XML document with the
 * expected root element. The parser reads through a tee that writes every byte on to the destination as it is
 * pulled, so the document is checked while it streams, in constant memory, and a document cut short (the parser
 * reaches the end of the body inside the root element) is a defect.
 *
 * <p>Hardened for hostile bodies: DTDs are not processed and external entities never resolved (no XXE, no request
 * to anywhere, no entity expansion: an entity other than the five predefined ones is an error); element nesting is
 * limited to {@value #MAX_DEPTH} levels; and since the parser holds a whole tag, comment, CDATA section or DTD in
 * memory while it reads it (only text arrives in chunks), a single construct may span at most
 * {@value #MAX_CONSTRUCT} bytes of input. A TCX or GPX file's constructs are tiny (a number, a timestamp), so
 * neither limit can refuse a real file.
 */
final class XmlVerifier implements FileVerifier {
  /** The most input bytes the parser may read without producing an event. */
  static final int MAX_CONSTRUCT = 1 << 20;
  /** The deepest element nesting accepted (TCX nests about 8 levels). */
  static final int MAX_DEPTH = 256;

  private static final String MAX_DEPTH_PROPERTY =
      "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
  private static final int MAX_MESSAGE = 300;

  private final String kind;
  private final String root;

  /**
   * Creates a verifier.
   *
   * @param kind the file kind for messages, {@code TCX} or {@code GPX}
   * @param root the local name the root element must have
   */
  XmlVerifier(String kind, String root) {
    this.kind = kind;
    this.root = root;
  }

  @Override
  public long copy(BufferedSource in, Sink out) throws IOException {
    Tee tee = new Tee(in, out);
    XMLStreamReader reader = null;
    try {
      reader = factory().createXMLStreamReader(tee);
      tee.eventSeen();
      boolean rootSeen = false;
      while (reader.hasNext()) {
        int event = reader.next();
        tee.eventSeen();
        if (event == XMLStreamConstants.START_ELEMENT && !rootSeen) {
          rootSeen = true;
          if (!root.equals(reader.getLocalName())) {
            throw new FileDefect(kind + " root element is <" + clean(reader.getLocalName())
                + ">, not <" + root + ">");
          }
        }
      }
      tee.drain();
      return tee.written();
    } catch (XMLStreamException | RuntimeException e) {
      IOException failure = tee.failure();
      if (failure != null) {
        throw failure; // the network, the destination or the construct limit, seen by the tee under
        // the parser
      }
      throw new FileDefect(kind + " is not well-formed XML" + where(e) + ": " + clean(reason(e)));
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // closing a reader releases only its own state; the body is closed by the caller
        }
      }
    }
  }

  /** A new factory of the JDK's own StAX implementation (the limits below are its properties), locked down. */
  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(MAX_DEPTH_PROPERTY, MAX_DEPTH);
    factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
      throw new XMLStreamException("external resources are never resolved");
    });
    return factory;
  }

  private static String where(Exception e) {
    Location location = e instanceof XMLStreamException x ? x.getLocation() : null;
    return location == null || location.getLineNumber() < 0
        ? ""
        : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }

  /** The parser's own words, without the "ParseError at [row,col]" preamble that {@link #where} replaces. */
  private static String reason(Exception e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf("Message: ");
    return e instanceof RuntimeException
        ? e.getClass().getSimpleName() + " " + message
        : at >= 0 ? message.substring(at + "Message: ".length()) : message;
  }

  /** Text from the body made safe for a message: no control characters, not too long. */
  private static String clean(@Nullable String text) {
    String safe = String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
    return safe.length() <= MAX_MESSAGE ? safe : safe.substring(0, MAX_MESSAGE) + "…";
  }

  /**
   * The stream the parser reads: it pulls from the body, writes what it read to the destination, counts the bytes
   * read since the parser's last event, and remembers the first failure (a parser wraps it, and may swallow it).
   */
  private final class Tee extends InputStream {
    private final BufferedSource in;
    private final Sink out;
    private final Buffer pending = new Buffer();
    private long written;
    private long sinceEvent;
    private @Nullable IOException failure;

    Tee(BufferedSource in, Sink out) {
      this.in = in;
      this.out = out;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (failure != null) {
        throw failure;
      }
      try {
        int n = in.read(b, off, len);
        if (n > 0) {
          sinceEvent += n;
          if (sinceEvent > MAX_CONSTRUCT) {
            throw new FileDefect(kind
                + " holds a single XML construct (tag, comment, CDATA section or DTD) longer than "
                + (MAX_CONSTRUCT >> 20) + " MiB");
          }
          pending.write(b, off, n);
          out.write(pending, n);
          written += n;
        }
        return n;
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    void eventSeen() {
      sinceEvent = 0;
    }

    /** Copies whatever follows the end of the document (the parser has read to the end already). */
    void drain() throws IOException {
      byte[] rest = new byte[8192];
      while (read(rest, 0, rest.length) != -1) {
        sinceEvent = 0;
      }
    }

    long written() {
      return written;
    }

    @Nullable
    IOException failure() {
      return failure;
    }
  }
}
