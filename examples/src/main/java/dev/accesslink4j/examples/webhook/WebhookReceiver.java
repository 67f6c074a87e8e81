package dev.accesslink4j.examples.webhook;

import dev.accesslink4j.errors.WebhookPayloadException;
import dev.accesslink4j.errors.WebhookSignatureException;
import dev.accesslink4j.examples.receiver.ReceivedRequest;
import dev.accesslink4j.examples.receiver.ReceiverLimits;
import dev.accesslink4j.examples.receiver.ReceiverServer;
import dev.accesslink4j.examples.receiver.Reply;
import dev.accesslink4j.webhooks.DeliveryDeduplicator;
import dev.accesslink4j.webhooks.WebhookDeduplicator;
import dev.accesslink4j.webhooks.WebhookEvent;
import dev.accesslink4j.webhooks.WebhookVerifier;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Receives AccessLink webhook deliveries: verifies each signature over the raw body, answers {@code 200} at once
 * (AccessLink deactivates a webhook whose deliveries keep failing), and hands each event to a listener on a single
 * background thread, in arrival order, flagged when it repeats an earlier delivery.
 *
 * <p>Runs on a {@link ReceiverServer} (Jetty), so a stalled or slow client (half its headers, a chunked body that
 * never ends, a slowloris of hundreds of connections) holds no thread, is dropped at the request deadline, and never
 * delays a well-behaved delivery.
 *
 * <p>Answers: {@code 200} for a verified event or any PING (a PING during webhook creation is signed with a key the
 * receiver cannot know yet); {@code 401} for a missing or wrong signature; {@code 400} for a signed body that is not
 * an AccessLink payload; {@code 413} for a body over 1 MiB; {@code 405} for anything but POST; and the server's own
 * answers to broken or slow requests (see {@link ReceiverServer}). Response bodies never echo the request or the key.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** Receives verified events, one at a time, and hears of refused deliveries. */
  @FunctionalInterface
  public interface Listener {
    /**
     * Handles an event after its delivery was answered.
     *
     * @param event the verified event
     * @param duplicate true when an earlier delivery had the same deduplication key
     */
    void onEvent(WebhookEvent event, boolean duplicate);

    /**
     * Hears of a delivery the receiver answered with an error ({@code 401}, {@code 400}, {@code 405}), on the
     * delivery's own thread; does nothing unless overridden.
     *
     * @param refused what was refused and why; never the body, a header or the key
     */
    default void onRefused(RefusedDelivery refused) {}
  }

  /**
   * A delivery the receiver refused.
   *
   * @param status the HTTP status it answered
   * @param reason why, in a few fixed words (never from the request)
   * @param from the client's address and port
   */
  public record RefusedDelivery(int status, String reason, InetSocketAddress from) {
    /**
     * One log line, such as {@code refused delivery from 127.0.0.1:52814: 401 wrong signature}.
     *
     * @return the line
     */
    public String line() {
      String host =
          from.getAddress() == null ? from.getHostString() : from.getAddress().getHostAddress();
      String shown = from.getAddress() instanceof Inet6Address ? "[" + host + "]" : host;
      return "refused delivery from " + shown + ":" + from.getPort() + ": " + status + " " + reason;
    }
  }

  private final WebhookVerifier verifier;
  private final Listener listener;
  private final DeliveryDeduplicator deduplicator;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "webhook-events");
    t.setDaemon(true);
    return t;
  });
  private volatile ReceiverServer server;

  private WebhookReceiver(
      WebhookVerifier verifier, Listener listener, DeliveryDeduplicator deduplicator) {
    this.verifier = verifier;
    this.listener = listener;
    this.deduplicator = deduplicator;
  }

  /**
   * Starts listening on every path with the default {@link ReceiverLimits} (the body cap raised or lowered to
   * {@link WebhookVerifier#MAX_BODY_BYTES}).
   *
   * @param address where to listen; port 0 picks a free port
   * @param verifier checks signatures with the webhook's secret key
   * @param listener receives the events
   * @return the running receiver
   * @throws IOException when the address cannot be bound
   */
  public static WebhookReceiver start(
      InetSocketAddress address, WebhookVerifier verifier, Listener listener) throws IOException {
    return start(address, verifier, listener, ReceiverLimits.defaults());
  }

  /**
   * Starts listening on every path.
   *
   * @param address where to listen; port 0 picks a free port
   * @param verifier checks signatures with the webhook's secret key
   * @param listener receives the events
   * @param limits connections, deadline and header cap; the body cap is {@link WebhookVerifier#MAX_BODY_BYTES}
   * @return the running receiver
   * @throws IOException when the address cannot be bound
   */
  public static WebhookReceiver start(
      InetSocketAddress address, WebhookVerifier verifier, Listener listener, ReceiverLimits limits)
      throws IOException {
    return start(address, verifier, listener, limits, WebhookDeduplicator.create());
  }

  /**
   * Starts listening on every path, telling repeated deliveries apart with the given de-duplicator: one shared by
   * every replica (a database's) makes a delivery one replica received a duplicate for the others.
   *
   * @param address where to listen; port 0 picks a free port
   * @param verifier checks signatures with the webhook's secret key
   * @param listener receives the events
   * @param limits connections, deadline and header cap; the body cap is {@link WebhookVerifier#MAX_BODY_BYTES}
   * @param deduplicator remembers the deliveries seen
   * @return the running receiver
   * @throws IOException when the address cannot be bound
   */
  public static WebhookReceiver start(
      InetSocketAddress address,
      WebhookVerifier verifier,
      Listener listener,
      ReceiverLimits limits,
      DeliveryDeduplicator deduplicator)
      throws IOException {
    WebhookReceiver receiver = new WebhookReceiver(
        Objects.requireNonNull(verifier, "verifier"),
        Objects.requireNonNull(listener, "listener"),
        Objects.requireNonNull(deduplicator, "deduplicator"));
    ReceiverLimits bodyCapped = ReceiverLimits.builder()
        .maxConnections(limits.maxConnections())
        .requestDeadline(limits.requestDeadline())
        .maxHeaderBytes(limits.maxHeaderBytes())
        .maxBodyBytes(WebhookVerifier.MAX_BODY_BYTES)
        .build();
    receiver.server = ReceiverServer.start(address, bodyCapped, receiver::serve, "webhook");
    return receiver;
  }

  /**
   * The port the receiver listens on.
   *
   * @return the port
   */
  public int port() {
    return server.port();
  }

  /**
   * How many connections were dropped because their request was not complete by the deadline (stalled or slow
   * clients).
   *
   * @return the count since start
   */
  public long timedOut() {
    return server.timedOut();
  }

  private Reply serve(ReceivedRequest request) {
    if (!"POST".equals(request.method())) {
      return refuse(request, 405, "only POST", "method " + request.method() + " (only POST)")
          .header("Allow", "POST");
    }
    WebhookEvent event;
    try {
      event = verifier.verifyAndParse(request.body(), request::header);
    } catch (WebhookSignatureException e) {
      String why = request.header(WebhookVerifier.SIGNATURE_HEADER) == null
          ? "no signature"
          : "wrong signature";
      return refuse(request, 401, "invalid signature", why);
    } catch (WebhookPayloadException e) {
      return refuse(request, 400, "invalid payload", "signed body is not an AccessLink payload");
    }
    boolean duplicate = !deduplicator.firstDelivery(event);
    return Reply.text(200, "ok")
        .then(() -> worker.execute(() -> listener.onEvent(event, duplicate)));
  }

  private Reply refuse(ReceivedRequest request, int status, String answer, String reason) {
    try {
      listener.onRefused(new RefusedDelivery(status, reason, request.remoteAddress()));
    } catch (RuntimeException e) {
      // a logging failure must not change the answer
    }
    return Reply.text(status, answer);
  }

  /** Stops listening, then lets the events already received finish (up to ten seconds). */
  @Override
  public void close() {
    server.close();
    worker.shutdown();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
