package dev.accesslink4j.examples.receiver;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 server for receivers (see the {@linkplain dev.accesslink4j.examples.receiver package}): one
 * acceptor thread, one pooled thread per open connection up to {@link ReceiverLimits#maxConnections()}, one
 * deadline per request, and {@code Connection: close} on every answer.
 *
 * <p>Answers it gives itself, each with a short fixed text that never quotes the request: {@code 400} for a
 * malformed request, {@code 408} when the deadline passed before the request was complete, {@code 413} for a body
 * over the cap, {@code 414}/{@code 431} for a request line or headers over the cap, {@code 417} for an
 * {@code Expect} other than {@code 100-continue} (which it honours), {@code 501} for a transfer coding other than
 * chunked, {@code 505} for HTTP other than 1.0 and 1.1, {@code 503} (with {@code Retry-After: 1}) for a connection
 * over the cap, and {@code 500} when the handler throws.
 */
public final class ReceiverServer implements AutoCloseable {
  /** How long to read and discard what a client still sends after its answer, before closing (lingering close). */
  private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  private static final int LINGER_MAX_BYTES = 64 * 1024;

  private final ServerSocket listener;
  private final ReceiverLimits limits;
  private final RequestHandler handler;
  private final ThreadPoolExecutor connections;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong timedOut = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private volatile boolean closed;

  private ReceiverServer(ServerSocket listener, ReceiverLimits limits, RequestHandler handler, String name) {
    this.listener = listener;
    this.limits = limits;
    this.handler = handler;
    AtomicInteger number = new AtomicInteger();
    this.connections =
        new ThreadPoolExecutor(
            0,
            limits.maxConnections(),
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> daemon(r, name + "-connection-" + number.incrementAndGet()));
    this.acceptor = daemon(this::accept, name + "-acceptor");
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
      InetSocketAddress address, ReceiverLimits limits, RequestHandler handler, String name) throws IOException {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(handler, "handler");
    ServerSocket listener = new ServerSocket();
    try {
      listener.bind(address, Math.max(50, limits.maxConnections()));
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    ReceiverServer server = new ReceiverServer(listener, limits, handler, Objects.requireNonNull(name, "name"));
    server.acceptor.start();
    return server;
  }

  /**
   * The port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * How many connections were dropped because their request was not complete by the deadline.
   *
   * @return the count since start
   */
  public long timedOut() {
    return timedOut.get();
  }

  /**
   * How many connections were refused with {@code 503} because {@link ReceiverLimits#maxConnections()} were open.
   *
   * @return the count since start
   */
  public long refused() {
    return refused.get();
  }

  private void accept() {
    while (!closed) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        pause(); // out of file descriptors, say: do not spin
        continue;
      }
      long deadline = System.nanoTime() + limits.requestDeadline().toNanos();
      open.add(socket);
      try {
        connections.execute(() -> serve(socket, deadline));
      } catch (RejectedExecutionException e) {
        refused.incrementAndGet();
        refuse(socket);
      }
    }
  }

  /** Answers a connection over the cap on the acceptor thread: a few bytes into an empty send buffer never block. */
  private void refuse(Socket socket) {
    try (socket) {
      Http.write(socket.getOutputStream(), Reply.text(503, "busy").header("Retry-After", "1"));
    } catch (IOException e) {
      // the client is gone already
    } finally {
      open.remove(socket);
    }
  }

  private void serve(Socket socket, long deadline) {
    Reply reply = null;
    try (socket) {
      socket.setTcpNoDelay(true);
      DeadlineInput in = new DeadlineInput(socket, deadline);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 4096);
      try {
        ReceivedRequest request =
            new RequestReader(in, out, limits).read((InetSocketAddress) socket.getRemoteSocketAddress());
        reply = handle(request);
      } catch (Http.Failure f) {
        reply = f.reply();
      } catch (SocketTimeoutException e) {
        timedOut.incrementAndGet();
        reply = Reply.text(408, "request not complete in time");
      }
      Http.write(out, reply);
      socket.shutdownOutput();
      Runnable afterSent = reply.afterSent();
      reply = null;
      runQuietly(afterSent); // the answer is out: the client has it even if the server is closed now
      linger(in);
    } catch (IOException e) {
      // the client closed or reset the connection: there is no one to answer
    } finally {
      open.remove(socket);
      if (reply != null) {
        runQuietly(reply.afterSent());
      }
    }
  }

  private Reply handle(ReceivedRequest request) {
    try {
      return Objects.requireNonNull(handler.handle(request), "reply");
    } catch (RuntimeException e) {
      return Reply.text(500, "internal error");
    }
  }

  /** Reads what the client still sends, so that closing does not reset the connection before it read the answer. */
  private static void linger(DeadlineInput in) {
    in.deadline(System.nanoTime() + LINGER_NANOS);
    try {
      byte[] discard = new byte[4096];
      int total = 0;
      int n;
      while (total < LINGER_MAX_BYTES && (n = in.read(discard, 0, discard.length)) >= 0) {
        total += n;
      }
    } catch (IOException e) {
      // timed out or reset: close now
    }
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // an action after the answer has no one to report to; the handler owns its errors
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Stops accepting, closes every open connection and waits briefly for their threads. */
  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket socket : open) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    connections.shutdown();
    try {
      acceptor.join(1000);
      connections.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "ReceiverServer[port " + port() + ", " + limits + "]";
  }
}
