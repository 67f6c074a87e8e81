package dev.accesslink4j.examples.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.accesslink4j.webhooks.WebhookDeduplicator;
import dev.accesslink4j.webhooks.WebhookEvent;
import dev.accesslink4j.webhooks.WebhookPayloadException;
import dev.accesslink4j.webhooks.WebhookSignatureException;
import dev.accesslink4j.webhooks.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Receives AccessLink webhook deliveries on the JDK's HTTP server: verifies each signature over the raw body,
 * answers {@code 200} at once (AccessLink deactivates a webhook whose deliveries keep failing), and hands each
 * event to a listener on a single background thread, in arrival order, flagged when it repeats an earlier delivery.
 *
 * <p>Answers: {@code 200} for a verified event or any PING (a PING during webhook creation is signed with a key the
 * receiver cannot know yet); {@code 401} for a missing or wrong signature; {@code 400} for a signed body that is not
 * an AccessLink payload; {@code 413} for a body over 1 MiB; {@code 405} for anything but POST. Response bodies never
 * echo the request or the key.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** Receives verified events, one at a time. */
  @FunctionalInterface
  public interface Listener {
    /**
     * Handles an event after its delivery was answered.
     *
     * @param event the verified event
     * @param duplicate true when an earlier delivery had the same deduplication key
     */
    void onEvent(WebhookEvent event, boolean duplicate);
  }

  private final HttpServer server;
  private final WebhookVerifier verifier;
  private final Listener listener;
  private final WebhookDeduplicator deduplicator = WebhookDeduplicator.create();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "webhook-events");
            t.setDaemon(true);
            return t;
          });

  private WebhookReceiver(HttpServer server, WebhookVerifier verifier, Listener listener) {
    this.server = server;
    this.verifier = verifier;
    this.listener = listener;
  }

  /**
   * Starts listening on every path.
   *
   * @param address where to listen; port 0 picks a free port
   * @param verifier checks signatures with the webhook's secret key
   * @param listener receives the events
   * @return the running receiver
   * @throws IOException when the address cannot be bound
   */
  public static WebhookReceiver start(InetSocketAddress address, WebhookVerifier verifier, Listener listener)
      throws IOException {
    HttpServer server = HttpServer.create(Objects.requireNonNull(address, "address"), 0);
    WebhookReceiver receiver =
        new WebhookReceiver(server, Objects.requireNonNull(verifier, "verifier"), Objects.requireNonNull(listener));
    server.createContext("/", receiver::serve);
    server.start();
    return receiver;
  }

  /**
   * The port the receiver listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        answer(exchange, 405, "only POST");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(WebhookVerifier.MAX_BODY_BYTES + 1);
      }
      if (body.length > WebhookVerifier.MAX_BODY_BYTES) {
        answer(exchange, 413, "body too large");
        return;
      }
      WebhookEvent event;
      try {
        event = verifier.verifyAndParse(body, name -> exchange.getRequestHeaders().getFirst(name));
      } catch (WebhookSignatureException e) {
        answer(exchange, 401, "invalid signature");
        return;
      } catch (WebhookPayloadException e) {
        answer(exchange, 400, "invalid payload");
        return;
      }
      boolean duplicate = !deduplicator.firstDelivery(event);
      answer(exchange, 200, "ok");
      worker.execute(() -> listener.onEvent(event, duplicate));
    }
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops listening, then lets the events already received finish (up to ten seconds). */
  @Override
  public void close() {
    server.stop(0);
    worker.shutdown();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
