package dev.accesslink4j.examples.link;

import dev.accesslink4j.examples.receiver.ReceivedRequest;
import dev.accesslink4j.examples.receiver.ReceiverLimits;
import dev.accesslink4j.examples.receiver.ReceiverServer;
import dev.accesslink4j.examples.receiver.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small HTTP server on this machine that receives the browser's redirect back from Polar's authorization page
 * ({@code GET /oauth2_callback?code=…&state=…}) and answers it with a short HTML page; only the callback path is
 * served. Runs on a {@link ReceiverServer} (Jetty): a stalled or slow connection (another program on this machine, a
 * browser's idle preconnect) holds no thread, is dropped at the deadline and never holds up the real callback.
 */
public final class CallbackServer implements AutoCloseable {
  /** The default callback path, as in Polar's own examples. */
  public static final String DEFAULT_PATH = "/oauth2_callback";

  /**
   * The limits for a callback server: 32 connections (a browser opens a few), 5 s per request, 16 KiB of headers
   * (a callback URL with Polar's long error description fits), no body beyond 8 KiB.
   */
  public static final ReceiverLimits LIMITS = ReceiverLimits.builder()
      .maxConnections(32)
      .requestDeadline(Duration.ofSeconds(5))
      .maxHeaderBytes(16 * 1024)
      .maxBodyBytes(8 * 1024)
      .build();

  /** Handles one callback request. */
  @FunctionalInterface
  public interface Handler {
    /**
     * Handles the callback.
     *
     * @param requestUri the request's path and query, exactly as received
     * @return the page to answer with
     */
    Page handle(URI requestUri);
  }

  /**
   * An HTML page to answer the browser with, and what to do once it was sent.
   *
   * @param status the HTTP status
   * @param title the page title and heading
   * @param text one paragraph of text (escaped here; never a secret)
   * @param afterResponse runs once the page was sent (or sending it failed): a command that stops the server as
   *     soon as it has its result must learn of the result only then, or the browser would see a dropped connection
   */
  public record Page(int status, String title, String text, Runnable afterResponse) {
    /**
     * A page with nothing to do after it was sent.
     *
     * @param status the HTTP status
     * @param title the page title and heading
     * @param text one paragraph of text
     */
    public Page(int status, String title, String text) {
      this(status, title, text, () -> {});
    }

    Reply reply() {
      return Reply.html(status, html())
          .header("Cache-Control", "no-store")
          .header("Referrer-Policy", "no-referrer")
          .header("X-Content-Type-Options", "nosniff");
    }

    String html() {
      return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
          + "</title></head>" + "<body><h1>" + escape(title) + "</h1><p>" + escape(text)
          + "</p></body></html>\n";
    }

    private static String escape(String s) {
      return s.replace("&", "&amp;")
          .replace("<", "&lt;")
          .replace(">", "&gt;")
          .replace("\"", "&quot;");
    }
  }

  private final ReceiverServer server;
  private final String path;
  private final AtomicReference<Handler> handler;

  private CallbackServer(ReceiverServer server, String path, AtomicReference<Handler> handler) {
    this.server = server;
    this.path = path;
    this.handler = handler;
  }

  /**
   * Starts listening with the {@linkplain #LIMITS callback limits}.
   *
   * @param address the address to bind, normally the loopback address
   * @param port the port, 0 for any free port
   * @param path the callback path, such as {@link #DEFAULT_PATH}
   * @return the running server
   * @throws IOException when the port cannot be bound (for example because it is in use)
   */
  public static CallbackServer start(InetAddress address, int port, String path)
      throws IOException {
    return start(address, port, path, LIMITS);
  }

  /**
   * Starts listening.
   *
   * @param address the address to bind, normally the loopback address
   * @param port the port, 0 for any free port
   * @param path the callback path, such as {@link #DEFAULT_PATH}
   * @param limits connections, deadline and size caps
   * @return the running server
   * @throws IOException when the port cannot be bound (for example because it is in use)
   */
  public static CallbackServer start(
      InetAddress address, int port, String path, ReceiverLimits limits) throws IOException {
    Objects.requireNonNull(address, "address");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("the callback path must start with /: " + path);
    }
    AtomicReference<Handler> handler = new AtomicReference<>();
    ReceiverServer server = ReceiverServer.start(
        new InetSocketAddress(address, port),
        limits,
        request -> serve(path, handler, request),
        "oauth-callback");
    return new CallbackServer(server, path, handler);
  }

  /**
   * Sets what handles the callback; until then a callback is answered 503.
   *
   * @param handler the handler
   */
  public void handler(Handler handler) {
    this.handler.set(Objects.requireNonNull(handler, "handler"));
  }

  /**
   * The port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return server.port();
  }

  /**
   * The callback path.
   *
   * @return for example {@code /oauth2_callback}
   */
  public String path() {
    return path;
  }

  /**
   * The callback URL for a host name, to use as the redirect URI.
   *
   * @param host for example {@code localhost}
   * @return {@code http://host:port/path}
   */
  public URI uri(String host) {
    return URI.create("http://" + host + ":" + port() + path);
  }

  private static Reply serve(
      String path, AtomicReference<Handler> handler, ReceivedRequest request) {
    URI uri = request.uri();
    Page page;
    Reply reply;
    if (!path.equals(uri.getPath())) {
      page = new Page(
          404, "Not found", "This server only answers the AccessLink authorization callback.");
      reply = page.reply();
    } else if (!"GET".equals(request.method())) {
      page = new Page(405, "Method not allowed", "The callback is a GET request.");
      reply = page.reply().header("Allow", "GET");
    } else {
      Handler current = handler.get();
      page = current == null
          ? new Page(503, "Not ready", "The link command is not waiting for a callback yet.")
          : current.handle(uri);
      reply = page.reply();
    }
    return reply.then(page.afterResponse());
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.close();
  }
}
