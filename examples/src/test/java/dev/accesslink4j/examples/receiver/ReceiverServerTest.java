package dev.accesslink4j.examples.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
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

/**
 * What a client sees of the server: a body arrives whole (declared or chunked, after {@code 100 Continue} when
 * asked), oversize and malformed requests are refused with a fixed text, a slow request is cut at the deadline
 * however steadily it trickles, and every answer closes the connection. Raw sockets on loopback, so each request is
 * exactly the bytes written here.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceiverServerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(2);

  private final List<String> afterSent = new CopyOnWriteArrayList<>();
  private ReceiverServer server;

  @BeforeEach
  void start() throws IOException {
    server = ReceiverServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        ReceiverLimits.builder()
            .maxConnections(8)
            .requestDeadline(DEADLINE)
            .maxHeaderBytes(1024)
            .maxBodyBytes(64)
            .build(),
        request -> {
          if (request.uri().getPath().equals("/fail")) {
            throw new IllegalStateException("handler bug");
          }
          if (request.uri().getPath().equals("/slow")) {
            sleep(DEADLINE.multipliedBy(2).plusMillis(500)); // longer than the idle timeout
          }
          String text = request.method() + " " + request.uri() + " " + request.header("x-name")
              + " [" + new String(request.body(), StandardCharsets.UTF_8) + "]";
          return Reply.text(200, text).header("X-Seen", "yes").then(() -> afterSent.add(text));
        },
        "test");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aPostBodyArrivesWholeAndTheAnswerClosesTheConnection() throws IOException {
    String answer = exchange(
        "POST /hooks?a=1 HTTP/1.1\r\nHost: x\r\nX-Name: Ada\r\nContent-Length: 5\r\n\r\nhello");

    assertThat(answer)
        .startsWith("HTTP/1.1 200 OK\r\n")
        .contains("\r\nContent-Type: text/plain; charset=utf-8\r\n")
        .contains("\r\nContent-Length: 28\r\n")
        .contains("\r\nConnection: close\r\n")
        .contains("\r\nX-Seen: yes\r\n")
        .doesNotContainIgnoringCase("\r\nServer:")
        .endsWith("\r\n\r\nPOST /hooks?a=1 Ada [hello]\n");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (afterSent.isEmpty() && System.nanoTime() < deadline) {
      Thread.yield(); // the action runs on the server's thread once the answer is out
    }
    assertThat(afterSent).containsExactly("POST /hooks?a=1 Ada [hello]");
  }

  @Test
  void aChunkedBodyArrivesDecodedWithoutItsExtensionsAndTrailers() throws IOException {
    String answer = exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "3;name=value\r\nabc\r\n2\r\nde\r\n0\r\nTrailer-Field: x\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200 ").endsWith("POST / null [abcde]\n");
  }

  @Test
  void expect100ContinueIsHonouredAsCurlSendsIt() throws IOException {
    try (Socket s = connect()) {
      s.getOutputStream()
          .write("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      byte[] interim = s.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
      assertThat(new String(interim, StandardCharsets.US_ASCII))
          .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      s.getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
      assertThat(readAll(s.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("[ok]\n");
    }
  }

  @Test
  void aDeclaredBodyOverTheCapIs413BeforeTheClientSendsIt() throws IOException {
    String answer = exchange(
        "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 65\r\n\r\n");

    assertThat(answer)
        .startsWith("HTTP/1.1 413 ")
        .doesNotContain("100 Continue")
        .endsWith("\r\n\r\npayload too large\n");
    assertThat(afterSent).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheCapIs413() throws IOException {
    String answer = exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "40\r\n" + "a".repeat(64) + "\r\n1\r\nb\r\n0\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 413 ").endsWith("\r\n\r\npayload too large\n");
    assertThat(afterSent).isEmpty();
  }

  @Test
  void headersOverTheCapAre431() throws IOException {
    String answer =
        exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(2000) + "\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 431 ").doesNotContain("aaaa");
  }

  @Test
  void aRequestLineOverTheCapIs414() throws IOException {
    String answer = exchange("GET /" + "a".repeat(2000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 414 ").doesNotContain("aaaa");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 2\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n"
            + "| 400 |both framings",
        "POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 2\\r\\nContent-Length: 3\\r\\n\\r\\nab| 400 |two lengths",
        "POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: -1\\r\\n\\r\\n| 400 |negative length",
        "POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n| 400 |malformed chunk size",
        "GET / HTTP/1.1\\r\\n\\r\\n| 400 |no Host",
        "GET / HTTP/1.1\\r\\nHost: x\\r\\nX-Folded: evil\\r\\n evil\\r\\n\\r\\n| 400 |folded header",
        "GET / HTTP/1.1\\r\\nHost: x\\r\\nBad Name: evil\\r\\n\\r\\n| 400 |space in a header name",
        "GET / HTTP/1.1\\r\\nHost: x\\r\\nX: evil\\revil\\r\\n\\r\\n| 400 |stray carriage return",
        "GET / HTTP/1.1\\r\\nHost: x\\r\\nExpect: evil\\r\\n\\r\\n| 417 |unknown expectation",
        "GET /fail HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n| 500 |handler throws",
      })
  void whatCannotBeReadSafelyIsRefusedWithAFixedTextThatNeverQuotesTheRequest(
      String request, int status, String what) throws IOException {
    String answer = exchange(request.replace("\\r", "\r").replace("\\n", "\n"));

    assertThat(answer).startsWith("HTTP/1.1 " + status + " ").contains("\r\nConnection: close\r\n");
    assertThat(answer.substring(answer.indexOf("\r\n\r\n")))
        .doesNotContain("evil", "handler bug", "Exception");
    assertThat(afterSent).isEmpty();
  }

  @Test
  void aBodyTricklingUnderTheIdleTimeoutIsCutWith408AtTheDeadline() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream()
          .write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 60\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      // one byte every 300 ms: the idle timeout (twice the deadline) never passes, the deadline
      // does
      trickle(s, 300);
      assertThat(readAll(s.getInputStream()))
          .startsWith("HTTP/1.1 408 ")
          .endsWith("\r\n\r\nrequest timeout\n");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.multipliedBy(2));
    }
    assertThat(server.timedOut()).isEqualTo(1);
    assertThat(afterSent).isEmpty();
  }

  @Test
  void aClientSilentAfterItsHeadersIsAnswered408AtTheDeadline() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream()
          .write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));

      assertThat(readAll(s.getInputStream())).startsWith("HTTP/1.1 408 ");
    }
    assertThat(server.timedOut()).isEqualTo(1);
  }

  @Test
  void headersTricklingUnderTheIdleTimeoutAreDroppedAtTheDeadline() throws Exception {
    try (Socket s = connect()) {
      s.getOutputStream()
          .write("POST / HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      trickle(s, 100);
      // no request to answer yet: the connection is closed
      assertThat(readAll(s.getInputStream())).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.multipliedBy(2));
    }
    assertThat(server.timedOut()).isEqualTo(1);
  }

  @Test
  void aHandlerSlowerThanTheIdleTimeoutStillAnswers() throws IOException {
    // the link command's handler exchanges the code with Polar before it answers the browser
    assertThat(exchange("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"))
        .startsWith("HTTP/1.1 200 ")
        .endsWith("[]\n");
    assertThat(server.timedOut()).isZero();
  }

  @Test
  void closeStopsListening() throws IOException {
    int port = server.port();
    assertThat(exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 200 ");

    server.close();

    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(ConnectException.class);
  }

  /** Sends one more byte every {@code millis} until the server closes the connection or starts answering. */
  private static void trickle(Socket s, long millis) throws InterruptedException, IOException {
    for (int i = 0; i < 100; i++) {
      try {
        s.getOutputStream().write('a');
        s.getOutputStream().flush();
      } catch (SocketException e) {
        return; // dropped
      }
      if (s.getInputStream().available() > 0) {
        return;
      }
      Thread.sleep(millis);
    }
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
    s.setSoTimeout(10_000);
    return s;
  }

  private String exchange(String request) throws IOException {
    try (Socket s = connect()) {
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      return readAll(s.getInputStream());
    }
  }

  /** Everything until the server closes the connection (a read timeout fails the test: it did not close). */
  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        got.write(buffer, 0, n);
      }
    } catch (SocketException e) {
      // a reset after the answer (or instead of one): what arrived counts
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
