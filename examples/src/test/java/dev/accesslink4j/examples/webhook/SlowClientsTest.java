package dev.accesslink4j.examples.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accesslink4j.examples.receiver.ReceiverLimits;
import dev.accesslink4j.examples.receiver.ReceiverServer;
import dev.accesslink4j.webhooks.SleepEvent;
import dev.accesslink4j.webhooks.WebhookEvent;
import dev.accesslink4j.webhooks.WebhookSigner;
import dev.accesslink4j.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The receiver under attack, on loopback only: one stalled connection, an idle one, a chunked body that never ends
 * and a slowloris of 200 connections trickling their headers byte by byte, all open while 20 signed deliveries
 * arrive. The 203 attackers hold no thread (the server has {@value ReceiverServer#MAX_THREADS} in all); each delivery
 * is answered 200 within 2 s; every slow connection is dropped at the deadline, however steadily it trickles. Every
 * socket is closed at the end and the whole test has a hard timeout.
 */
class SlowClientsTest {
  private static final String SECRET = "test-signature-secret-key";
  private static final int SLOWLORIS = 200;
  private static final int DELIVERIES = 20;
  private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(2);
  private static final String LOOPBACK = InetAddress.getLoopbackAddress().getHostAddress();

  private final List<Socket> attackers = new CopyOnWriteArrayList<>();
  private final List<WebhookEvent> received = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
  private WebhookReceiver receiver;

  @BeforeEach
  void start() throws IOException {
    receiver = WebhookReceiver.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        WebhookVerifier.of(SECRET),
        (event, duplicate) -> received.add(event));
  }

  @AfterEach
  void stop() {
    trickle.shutdownNow();
    for (Socket s : attackers) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    receiver.close();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void stalledAndSlowClientsNeverDelayASignedDelivery() throws Exception {
    // one connection that sent half its headers and stopped, one that never sent anything
    Socket stalled = attacker("POST / HTTP/1.1\r\nHost: " + LOOPBACK + "\r\nPolar-Webhook-Sig");
    Socket idle = attacker("");
    // a signed delivery whose chunked body never ends: a chunk every 100 ms, forever
    Socket endless =
        attacker("POST / HTTP/1.1\r\nHost: " + LOOPBACK + "\r\nTransfer-Encoding: chunked\r\n"
            + "Polar-Webhook-Event: SLEEP\r\nPolar-Webhook-Signature: "
            + WebhookSigner.of(SECRET).sign(new byte[1])
            + "\r\n\r\n4\r\n{\"ev\r\n");
    trickle.scheduleAtFixedRate(() -> send(endless, "1\r\nx\r\n"), 100, 100, TimeUnit.MILLISECONDS);
    // the slowloris: 200 connections, each sends a request line, then one header byte every 200 ms
    List<Socket> slowloris = new ArrayList<>();
    for (int i = 0; i < SLOWLORIS; i++) {
      slowloris.add(attacker("POST / HTTP/1.1\r\nHost: " + LOOPBACK + "\r\nX-Slow-" + i + ": "));
    }
    trickle.scheduleAtFixedRate(
        () -> slowloris.forEach(s -> send(s, "a")), 200, 200, TimeUnit.MILLISECONDS);
    Thread.sleep(500); // every attacker is in the middle of its request now
    // none of them holds a thread: the receiver's pool has its fixed few, far fewer than 203
    assertThat(poolThreads()).isBetween(1L, (long) ReceiverServer.MAX_THREADS);

    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    ExecutorService senders = Executors.newFixedThreadPool(DELIVERIES);
    List<Future<Delivery>> deliveries = new ArrayList<>();
    try {
      for (int i = 0; i < DELIVERIES; i++) {
        String date = "2025-01-" + String.format("%02d", i + 1);
        deliveries.add(senders.submit(() -> deliver(client, date)));
      }
      for (Future<Delivery> f : deliveries) {
        Delivery d = f.get(30, TimeUnit.SECONDS);
        assertThat(d.status()).as("delivery of %s", d.date()).isEqualTo(200);
        assertThat(d.took()).as("answer time of %s", d.date()).isLessThan(DELIVERY_LIMIT);
      }
    } finally {
      senders.shutdownNow();
    }

    // every delivery reached the listener, none of the attackers' requests did
    waitFor(() -> received.size() == DELIVERIES, Duration.ofSeconds(10));
    assertThat(received)
        .allSatisfy(e -> assertThat(e).isInstanceOf(SleepEvent.class))
        .hasSize(DELIVERIES);

    // and the attackers are dropped at the deadline (5 s from their accept), though the slowloris
    // and the endless
    // body never go idle: the endless body, whose request is there, is answered 408; the others are
    // closed unanswered
    assertThat(answer(endless, Duration.ofSeconds(15))).startsWith("HTTP/1.1 408 ");
    for (Socket s : List.of(stalled, idle, slowloris.get(0), slowloris.get(SLOWLORIS - 1))) {
      assertThat(answer(s, Duration.ofSeconds(15))).isEmpty();
    }
    waitFor(() -> receiver.timedOut() >= SLOWLORIS + 3, Duration.ofSeconds(15));
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aDeliveryOverTheConnectionCapWaitsUntilTheDeadlineFreesASlot() throws Exception {
    receiver.close();
    receiver = WebhookReceiver.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        WebhookVerifier.of(SECRET),
        (event, duplicate) -> received.add(event),
        ReceiverLimits.builder()
            .maxConnections(4)
            .requestDeadline(Duration.ofSeconds(1))
            .build());
    for (int i = 0; i < 4; i++) {
      attacker("POST / HTTP/1.1\r\n");
    }
    Thread.sleep(200); // the four are accepted and fill the cap

    // the server stops accepting at the cap: the delivery waits in the listen backlog, is not
    // refused, and is
    // answered once the deadline (1 s) has dropped a stalled connection
    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    assertThat(deliver(client, "2025-02-01").status()).isEqualTo(200);
    assertThat(receiver.timedOut()).isPositive();
    waitFor(() -> received.size() == 1, Duration.ofSeconds(5));
  }

  private record Delivery(String date, int status, Duration took) {}

  private Delivery deliver(HttpClient client, String date) throws Exception {
    byte[] body = ("{\"event\":\"SLEEP\",\"user_id\":475,\"date\":\"" + date + "\",\"timestamp\":\""
            + date + "T07:00:00Z\"," + "\"url\":\"https://www.polaraccesslink.com/v3/users/sleep/"
            + date + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://" + LOOPBACK + ":" + receiver.port() + "/"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Polar-Webhook-Event", "SLEEP")
        .header("Polar-Webhook-Signature", WebhookSigner.of(SECRET).sign(body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    long start = System.nanoTime();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    return new Delivery(date, response.statusCode(), Duration.ofNanos(System.nanoTime() - start));
  }

  private Socket attacker(String firstBytes) throws IOException {
    Socket s = new Socket();
    attackers.add(s);
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.port()), 5_000);
    if (!firstBytes.isEmpty()) {
      OutputStream out = s.getOutputStream();
      out.write(firstBytes.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    return s;
  }

  private static void send(Socket s, String bytes) {
    if (s.isClosed()) {
      return;
    }
    try {
      s.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
    } catch (IOException e) {
      try {
        s.close(); // the server dropped it
      } catch (IOException ignored) {
        // closed
      }
    }
  }

  /** What the server sent before closing the connection, read until end of stream or the timeout. */
  private static String answer(Socket s, Duration timeout) throws IOException {
    s.setSoTimeout((int) timeout.toMillis());
    InputStream in = s.getInputStream();
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        got.write(buffer, 0, n);
      }
    } catch (java.net.SocketException e) {
      // reset after the answer, because this client kept sending: what arrived before counts
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  /** The receiver's pool threads, named {@code webhook-<id>} by Jetty. */
  private static long poolThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().matches("webhook-\\d+"))
        .count();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(20);
    }
  }
}
