package dev.accesslink4j.examples.receiver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * A small HTTP/1.1 server for receivers on Jetty (see the {@linkplain dev.accesslink4j.examples.receiver package}):
 * a non-blocking connector, a cap on open connections, one deadline per request, a small bounded thread pool for
 * complete requests, and {@code Connection: close} on every answer.
 *
 * <p>Settings: at most {@link ReceiverLimits#maxConnections()} connections are open at once (more wait in the
 * listen backlog, unanswered, until one closes, which the deadline makes at most a few seconds); a connection has
 * {@link ReceiverLimits#requestDeadline()} from its accept to send its whole request; the idle timeout is twice the
 * deadline, so it only bounds writing an answer to a client that stopped reading; {@value #MAX_THREADS} daemon
 * threads in all, which is plenty because no thread waits for a client's bytes.
 *
 * <p>Answers it gives itself, each the status's reason phrase as plain text, never anything from the request:
 * {@code 408} when the deadline passed after the headers were in (before that there is no request to answer, and the
 * connection is closed), {@code 413} for a body over the cap (before {@code 100 Continue} when it is declared),
 * {@code 431} for headers over the cap, {@code 414} for a request line over it, {@code 400} for a malformed or
 * ambiguous request (both {@code Content-Length} and {@code Transfer-Encoding}, two lengths, a folded header, no
 * {@code Host}), {@code 417} for an {@code Expect} other than {@code 100-continue} (which it honours), Jetty's status
 * for anything else it does not speak (such as {@code 426} for an HTTP/2 request line), and {@code 500} when the
 * handler throws.
 */
public final class ReceiverServer implements AutoCloseable {
  /** The most threads a server runs: one accepts, one selects, the rest run handlers of complete requests. */
  public static final int MAX_THREADS = 16;

  private final Server server;
  private final ServerConnector connector;
  private final ReceiverLimits limits;
  private final RequestDeadlines deadlines;

  private ReceiverServer(
      Server server, ServerConnector connector, ReceiverLimits limits, RequestDeadlines deadlines) {
    this.server = server;
    this.connector = connector;
    this.limits = limits;
    this.deadlines = deadlines;
  }

  /**
   * Starts listening.
   *
   * @param address where to listen; port 0 picks a free port
   * @param limits the connection cap, deadline and size caps
   * @param handler answers each complete request
   * @param name names the server's threads, such as {@code webhook}
   * @return the running server
   * @throws IOException when the address cannot be bound
   */
  public static ReceiverServer start(
      InetSocketAddress address, ReceiverLimits limits, RequestHandler handler, String name)
      throws IOException {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(name, "name");

    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
    threads.setName(name);
    threads.setDaemon(true);
    ScheduledExecutorScheduler scheduler =
        new ScheduledExecutorScheduler(name + "-scheduler", true);
    Server server = new Server(threads, scheduler, null);

    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(limits.maxHeaderBytes());
    http.setPersistentConnectionsEnabled(false); // Connection: close, one request per connection
    http.setSendServerVersion(false);

    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(
        address.getAddress() == null
            ? address.getHostString()
            : address.getAddress().getHostAddress());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(limits.requestDeadline().toMillis() * 2);
    connector.setAcceptQueueSize(Math.max(50, limits.maxConnections()));
    RequestDeadlines deadlines = new RequestDeadlines(scheduler, limits.requestDeadline());
    connector.addEventListener(deadlines);
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));

    SizeLimitHandler bodyCap =
        new SizeLimitHandler(limits.maxBodyBytes(), -1); // 413 before reading, or on the way
    bodyCap.setHandler(new ReceiverHandler(handler, deadlines, limits.maxBodyBytes()));
    server.setHandler(bodyCap);
    server.setErrorHandler(new ReceiverHandler.FixedTextErrors());
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw e instanceof IOException io
          ? io
          : new IOException("cannot start the server on " + address, e);
    }
    return new ReceiverServer(server, connector, limits, deadlines);
  }

  /**
   * The port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return connector.getLocalPort();
  }

  /**
   * How many connections were cut at the deadline: closed while still sending their headers, or answered
   * {@code 408} while still sending their body.
   *
   * @return the count since start
   */
  public long timedOut() {
    return deadlines.expired();
  }

  /** Stops accepting, closes every open connection, and waits a few seconds at most for handlers still running. */
  @Override
  public void close() {
    stopQuietly(server);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      // closing anyway
    }
  }

  @Override
  public String toString() {
    return "ReceiverServer[port " + port() + ", " + limits + "]";
  }
}
