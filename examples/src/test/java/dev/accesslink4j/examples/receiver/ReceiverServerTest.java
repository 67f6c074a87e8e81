package dev.accesslink4j.examples.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server reads requests strictly, answers what it cannot read with a fixed text, and closes every connection. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceiverServerTest {
  private final List<String> afterSent = new CopyOnWriteArrayList<>();
  private ReceiverServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        ReceiverServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            ReceiverLimits.builder()
                .maxConnections(8)
                .requestDeadline(Duration.ofSeconds(2))
                .maxHeaderBytes(1024)
                .maxBodyBytes(64)
                .build(),
            request -> {
              if (request.uri().getPath().equals("/fail")) {
                throw new IllegalStateException("handler bug");
              }
              String text = request.method() + " " + request.uri() + " " + request.header("x-name") + " ["
                  + new String(request.body(), StandardCharsets.UTF_8) + "]";
              return Reply.text(200, text).header("X-Seen", "yes").then(() -> afterSent.add(text));
            },
            "test");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String exchange(String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      return readAll(s.getInputStream());
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        got.write(buffer, 0, n);
      }
    } catch (SocketException e) {
      // a reset after the answer
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void aRequestWithAContentLengthBodyIsAnsweredAndTheConnectionClosed() throws IOException {
    String answer =
        exchange("POST /hooks?a=1 HTTP/1.1\r\nHost: x\r\nX-Name: Ada\r\nContent-Length: 5\r\n\r\nhello");

    assertThat(answer)
        .startsWith("HTTP/1.1 200 OK\r\n")
        .contains("\r\nContent-Type: text/plain; charset=utf-8\r\n")
        .contains("\r\nContent-Length: 28\r\n")
        .contains("\r\nConnection: close\r\n")
        .contains("\r\nX-Seen: yes\r\n")
        .endsWith("\r\n\r\nPOST /hooks?a=1 Ada [hello]\n");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (afterSent.isEmpty() && System.nanoTime() < deadline) {
      Thread.yield(); // the action runs on the server's thread once the answer is out
    }
    assertThat(afterSent).containsExactly("POST /hooks?a=1 Ada [hello]");
  }

  @Test
  void aChunkedBodyIsDecodedWithExtensionsAndTrailers() throws IOException {
    String answer =
        exchange("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3;name=value\r\nabc\r\n2\r\nde\r\n0\r\nTrailer-Field: x\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("POST / null [abcde]\n");
  }

  @Test
  void expect100ContinueIsHonouredAsCurlSendsIt() throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      s.getOutputStream()
          .write("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      byte[] interim = s.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
      assertThat(new String(interim, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      s.getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
      assertThat(readAll(s.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("[ok]\n");
    }
  }

  @Test
  void bareLineFeedsAndHttp10AreRead() throws IOException {
    assertThat(exchange("GET /x HTTP/1.0\nX-Name: b\n\n")).startsWith("HTTP/1.1 200 ").endsWith("GET /x b []\n");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "POST / HTTP/1.1\\r\\nContent-Length: 2\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n| 400 |both framings",
        "POST / HTTP/1.1\\r\\nContent-Length: 2\\r\\nContent-Length: 3\\r\\n\\r\\nab| 400 |two lengths",
        "POST / HTTP/1.1\\r\\nContent-Length: -1\\r\\n\\r\\n| 400 |negative length",
        "POST / HTTP/1.1\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n| 501 |another coding",
        "POST / HTTP/1.1\\r\\nContent-Length: 65\\r\\n\\r\\n| 413 |declared body over the cap",
        "POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n41\\r\\n| 413 |chunked body over the cap",
        "POST / HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n| 400 |malformed chunk size",
        "GET / HTTP/2.0\\r\\n\\r\\n| 505 |another version",
        "GET http://evil/ HTTP/1.1\\r\\n\\r\\n| 400 |absolute target",
        "GET /  HTTP/1.1\\r\\n\\r\\n| 400 |two spaces",
        "GET / HTTP/1.1\\r\\nX-Folded: a\\r\\n b\\r\\n\\r\\n| 400 |folded header",
        "GET / HTTP/1.1\\r\\nBad Name: a\\r\\n\\r\\n| 400 |space in a header name",
        "GET / HTTP/1.1\\r\\nX: a\\rb\\r\\n\\r\\n| 400 |stray carriage return",
        "GET / HTTP/1.1\\r\\nExpect: magic\\r\\n\\r\\n| 417 |unknown expectation",
        "GET /fail HTTP/1.1\\r\\n\\r\\n| 500 |handler throws",
      })
  void whatCannotBeReadSafelyIsAnsweredWithAFixedText(String request, int status, String what) throws IOException {
    String answer = exchange(request.replace("\\r", "\r").replace("\\n", "\n"));

    assertThat(answer).startsWith("HTTP/1.1 " + status + " ").contains("\r\nConnection: close\r\n");
    assertThat(answer.substring(answer.indexOf("\r\n\r\n"))).doesNotContain("evil", "magic", "handler bug");
    assertThat(afterSent).isEmpty();
  }

  @Test
  void headersOverTheCapAre431() throws IOException {
    String answer = exchange("GET / HTTP/1.1\r\nX-Big: " + "a".repeat(2000) + "\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 431 ");
  }

  @Test
  void aRequestLineOverTheCapIs414() throws IOException {
    assertThat(exchange("GET /" + "a".repeat(2000) + " HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 414 ");
  }

  @Test
  void aRequestNotCompleteByTheDeadlineIs408EvenWhenItKeepsTrickling() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.getOutputStream().write("POST / HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      // one byte every 100 ms: each read is quick, the deadline still counts from the accept
      for (int i = 0; i < 40 && !s.isInputShutdown(); i++) {
        try {
          s.getOutputStream().write('a');
        } catch (SocketException e) {
          break; // dropped
        }
        if (s.getInputStream().available() > 0) {
          break;
        }
        Thread.sleep(100);
      }
      s.setSoTimeout(10_000);
      assertThat(readAll(s.getInputStream())).startsWith("HTTP/1.1 408 ");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
    assertThat(server.timedOut()).isEqualTo(1);
  }
}
