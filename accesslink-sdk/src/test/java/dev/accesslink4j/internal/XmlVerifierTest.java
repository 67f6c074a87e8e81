package dev.accesslink4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accesslink4j.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TCX and GPX well-formedness, checked while the bytes stream through, and the parser's hardening. */
class XmlVerifierTest {
  private static final String TCX = TestFiles.tcx();
  private static final String GPX = TestFiles.gpx();

  @Test
  void wholeFilesPassAndArriveByteForByte() throws IOException {
    Buffer out = new Buffer();
    assertThat(tcx().copy(source(TCX), out)).isEqualTo(TCX.getBytes(StandardCharsets.UTF_8).length);
    assertThat(out.readUtf8()).isEqualTo(TCX);
    assertThat(gpx().copy(source(GPX), out)).isEqualTo(GPX.length());
    assertThat(out.readUtf8()).isEqualTo(GPX);
  }

  @Test
  void everyCutIsDetected() {
    byte[] whole = GPX.getBytes(StandardCharsets.UTF_8);
    int end = GPX.lastIndexOf("</gpx>") + "</gpx>".length();
    for (int length = 0; length < end; length += 7) {
      byte[] cut = TestFiles.cut(whole, length);
      assertThatThrownBy(() -> gpx().copy(new Buffer().write(cut), new Buffer()))
          .as("cut at %d", length)
          .isInstanceOf(FileDefect.class)
          .hasMessageStartingWith("GPX is not well-formed XML");
    }
  }

  @Test
  void aCutFileIsNamedWithWhereItEnded() {
    String half = TCX.substring(0, TCX.length() / 2);

    assertThatThrownBy(() -> tcx().copy(source(half), new Buffer()))
        .isInstanceOf(FileDefect.class)
        .hasMessageMatching(
            "TCX is not well-formed XML at line \\d+, column \\d+: XML document structures must start and end"
                + " within the same entity\\.");
  }

  @Test
  void theWrongRootElementIsADefect() {
    assertThatThrownBy(() -> tcx().copy(source(GPX), new Buffer()))
        .isInstanceOf(FileDefect.class)
        .hasMessage("TCX root element is <gpx>, not <TrainingCenterDatabase>");
    assertThatThrownBy(
            () -> gpx().copy(source("<html><body>Service unavailable</body></html>"), new Buffer()))
        .hasMessage("GPX root element is <html>, not <gpx>");
  }

  @Test
  void syntaxErrorsAndTrailingBytesAreDefects() {
    assertThatThrownBy(() -> gpx().copy(source(""), new Buffer()))
        .hasMessage("GPX is not well-formed XML at line 1, column 1: Premature end of file.");
    assertThatThrownBy(() -> gpx().copy(source("{\"error\":\"json\"}"), new Buffer()))
        .hasMessageStartingWith(
            "GPX is not well-formed XML at line 1, column 1: Content is not allowed in prolog");
    assertThatThrownBy(() -> gpx().copy(source(GPX + "<gpx/>"), new Buffer()))
        .hasMessageContaining(
            "The markup in the document following the root element must be well-formed");
    assertThatThrownBy(() -> gpx().copy(source("<gpx>\u0001</gpx>"), new Buffer()))
        .hasMessageContaining("An invalid XML character (Unicode: 0x1)");
  }

  @Test
  void anExternalEntityOrDtdIsNeverFetched(@TempDir Path dir) throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "s3cr3t");
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      String[] hostile = {
        "<!DOCTYPE gpx [<!ENTITY x SYSTEM \"" + server.url("/entity") + "\">]><gpx>&x;</gpx>",
        "<!DOCTYPE gpx [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><gpx>&x;</gpx>",
        "<!DOCTYPE gpx [<!ENTITY % p SYSTEM \"" + server.url("/parameter") + "\"> %p;]><gpx/>",
        "<!DOCTYPE gpx SYSTEM \"" + server.url("/dtd") + "\"><gpx/>",
      };
      for (String body : hostile) {
        Buffer out = new Buffer();
        try {
          gpx().copy(source(body), out);
        } catch (FileDefect e) {
          assertThat(e).hasMessageContaining("was referenced, but not declared");
        }
        assertThat(out.readUtf8()).isEqualTo(body).doesNotContain("s3cr3t");
      }
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void entitiesAreNotExpanded() {
    String laughs = "<?xml version=\"1.0\"?><!DOCTYPE gpx [<!ENTITY a \"aaaaaaaaaa\">"
        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
        + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
        + "<gpx>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</gpx>";

    assertThatThrownBy(() -> gpx().copy(source(laughs), new Buffer()))
        .isInstanceOf(FileDefect.class)
        .hasMessageContaining("The entity \"e\" was referenced, but not declared");
  }

  @Test
  void aHugeSingleConstructIsRefusedBeforeItFillsMemory() {
    for (String[] open : new String[][] {
      {"<gpx a=\"", "\"/>"}, {"<gpx><!--", "--></gpx>"}, {"<gpx><![CDATA[", "]]></gpx>"}
    }) {
      Source hostile = repeated(open[0], 'x', 64L << 20, open[1]);
      assertThatThrownBy(() -> gpx().copy(Okio.buffer(hostile), new Buffer()))
          .isInstanceOf(FileDefect.class)
          .hasMessage(
              "GPX holds a single XML construct (tag, comment, CDATA section or DTD) longer than 1 MiB");
    }
  }

  @Test
  void longTextArrivesInChunksAndPasses() throws IOException {
    // 64 MiB of character data in one element: the parser hands text out in pieces, so it is not
    // one construct.
    Source text = repeated("<gpx><desc>", 'x', 64L << 20, "</desc></gpx>");
    Buffer out = new Buffer();
    CountingSink counted = new CountingSink(out);

    assertThat(gpx().copy(Okio.buffer(text), counted)).isEqualTo((64L << 20) + 24);
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "<gpx>" + "<a>".repeat(XmlVerifier.MAX_DEPTH + 1);

    assertThatThrownBy(() -> gpx().copy(source(deep), new Buffer()))
        .isInstanceOf(FileDefect.class)
        .hasMessageContaining("maxElementDepth");
  }

  @Test
  void aFailureOfTheBodyUnderTheParserIsReportedAsSuch() {
    IOException reset = new IOException("connection reset");
    Source failing = new Source() {
      private boolean sent;

      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        if (sent) {
          throw reset;
        }
        sent = true;
        sink.writeUtf8("<gpx><trk>");
        return 10;
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    };

    assertThatThrownBy(() -> gpx().copy(Okio.buffer(failing), new Buffer())).isSameAs(reset);
  }

  private static XmlVerifier tcx() {
    return (XmlVerifier) FileKind.TCX.verifier();
  }

  private static XmlVerifier gpx() {
    return (XmlVerifier) FileKind.GPX.verifier();
  }

  private static BufferedSource source(String text) {
    return new Buffer().writeUtf8(text);
  }

  /** {@code head}, then {@code count} times {@code fill}, then {@code tail}, produced as it is read. */
  private static Source repeated(String head, char fill, long count, String tail) {
    return new Source() {
      private final Buffer start = new Buffer().writeUtf8(head);
      private final Buffer end = new Buffer().writeUtf8(tail);
      private final byte[] block =
          String.valueOf(fill).repeat(8192).getBytes(StandardCharsets.US_ASCII);
      private long left = count;

      @Override
      public long read(Buffer sink, long byteCount) {
        if (start.size() > 0) {
          return start.read(sink, byteCount);
        }
        if (left > 0) {
          int n = (int) Math.min(Math.min(left, block.length), byteCount);
          sink.write(block, 0, n);
          left -= n;
          return n;
        }
        return end.read(sink, byteCount);
      }

      @Override
      public Timeout timeout() {
        return Timeout.NONE;
      }

      @Override
      public void close() {}
    };
  }

  /** Counts and discards what is written, so a huge document needs no memory on the test's side either. */
  private static final class CountingSink implements okio.Sink {
    private final Buffer scratch;
    private long count;

    CountingSink(Buffer scratch) {
      this.scratch = scratch;
    }

    @Override
    public void write(Buffer source, long byteCount) throws IOException {
      source.read(scratch, byteCount);
      scratch.clear();
      count += byteCount;
    }

    @Override
    public void flush() {}

    @Override
    public Timeout timeout() {
      return Timeout.NONE;
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
      return "CountingSink[" + count + "]";
    }
  }
}
