package dev.accesslink4j.examples.link;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small HTTP server on this machine that receives the browser's redirect back from Polar's authorization page
 * ({@code GET /oauth2_callback?code=…&state=…}) and answers it with a short HTML page. Built on the JDK's
 * {@code com.sun.net.httpserver}; only the callback path is served.
 */
public final class CallbackServer implements AutoCloseable {
  /** The default callback path, as in Polar's own examples. */
  public static final String DEFAULT_PATH = "/oauth2_callback";

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

    String html() {
      return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head>"
          + "<body><h1>" + escape(title) + "</h1><p>" + escape(text) + "</p></body></html>\n";
    }

    private static String escape(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
  }

  private final HttpServer server;
  private final String path;
  private final AtomicReference<Handler> handler = new AtomicReference<>();

  private CallbackServer(HttpServer server, String path) {
    this.server = server;
    this.path = path;
  }

  /**
   * Starts listening.
   *
   * @param address the address to bind, normally the loopback address
   * @param port the port, 0 for any free port
   * @param path the callback path, such as {@link #DEFAULT_PATH}
   * @return the running server
   * @throws IOException when the port cannot be bound (for example because it is in use)
   */
  public static CallbackServer start(InetAddress address, int port, String path) throws IOException {
    Objects.requireNonNull(address, "address");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("the callback path must start with /: " + path);
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
    CallbackServer callback = new CallbackServer(server, path);
    server.createContext("/", callback::serve);
    server.start();
    return callback;
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
    return server.getAddress().getPort();
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

  private void serve(HttpExchange exchange) throws IOException {
    Page page = null;
    try (exchange) {
      URI uri = exchange.getRequestURI();
      if (!path.equals(uri.getPath())) {
        page = new Page(404, "Not found", "This server only answers the AccessLink authorization callback.");
      } else if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        page = new Page(405, "Method not allowed", "The callback is a GET request.");
      } else {
        Handler current = handler.get();
        page =
            current == null
                ? new Page(503, "Not ready", "The link command is not waiting for a callback yet.")
                : current.handle(uri);
      }
      byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(page.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } finally {
      if (page != null) {
        page.afterResponse().run();
      }
    }
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
  }
}
