package dev.accesslink4j.examples.receiver;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * One deadline per connection, from its opening to the moment its request is complete: what Jetty lacks, since its
 * idle timeout starts over with every byte. Registered on the connector, it hears of every connection Jetty opens
 * and closes; when a deadline passes, a connection still sending its headers is closed (there is no request yet for
 * Jetty to answer) and one still sending its body gets its {@linkplain Deadline#readingBody expiry action} (a
 * {@code 408}).
 */
final class RequestDeadlines implements Connection.Listener {
  private final Scheduler scheduler;
  private final long deadlineNanos;
  private final Map<Connection, Deadline> open = new ConcurrentHashMap<>();
  private final AtomicLong expired = new AtomicLong();

  RequestDeadlines(Scheduler scheduler, Duration deadline) {
    this.scheduler = scheduler;
    this.deadlineNanos = deadline.toNanos();
  }

  @Override
  public void onOpened(Connection connection) {
    Deadline deadline = new Deadline(connection);
    open.put(connection, deadline);
    deadline.schedule();
  }

  @Override
  public void onClosed(Connection connection) {
    Deadline deadline = open.remove(connection);
    if (deadline != null) {
      deadline.closed();
    }
  }

  /**
   * The deadline of a connection.
   *
   * @return the deadline; for a connection not open (any more), one that has passed
   */
  Deadline of(Connection connection) {
    Deadline deadline = open.get(connection);
    if (deadline == null) {
      deadline = new Deadline(connection);
      deadline.closed();
    }
    return deadline;
  }

  /** How many deadlines passed before their request was complete. */
  long expired() {
    return expired.get();
  }

  private enum Phase {
    HEADERS,
    BODY,
    HANDLING,
    EXPIRED
  }

  /** A connection's deadline: the first of "request complete" and "time is up" wins. */
  final class Deadline {
    private final Connection connection;
    private Phase phase = Phase.HEADERS;
    private boolean closed;
    private @Nullable Runnable onExpiry;
    private Scheduler.@Nullable Task task;

    private Deadline(Connection connection) {
      this.connection = connection;
    }

    private synchronized void schedule() {
      if (!closed) {
        task = scheduler.schedule(this::expire, deadlineNanos, TimeUnit.NANOSECONDS);
      }
    }

    /**
     * The headers are in and the body is being read.
     *
     * @param onExpiry what to do if the deadline passes before {@link #handling()}: answer {@code 408}
     * @return false when the deadline passed already (the connection is being closed)
     */
    synchronized boolean readingBody(Runnable onExpiry) {
      if (phase != Phase.HEADERS || closed) {
        return false;
      }
      this.onExpiry = onExpiry;
      phase = Phase.BODY;
      return true;
    }

    /**
     * The request is complete (or failed) and is being answered: the deadline no longer applies.
     *
     * @return false when the deadline passed first and its action answered the request
     */
    synchronized boolean handling() {
      if (phase == Phase.EXPIRED) {
        return false;
      }
      phase = Phase.HANDLING;
      return true;
    }

    private void expire() {
      Runnable action;
      synchronized (this) {
        if (closed || phase == Phase.HANDLING || phase == Phase.EXPIRED) {
          return;
        }
        action = phase == Phase.BODY && onExpiry != null
            ? onExpiry
            : () -> connection.getEndPoint().close();
        phase = Phase.EXPIRED;
        onExpiry = null;
      }
      expired.incrementAndGet();
      action.run();
    }

    private synchronized void closed() {
      closed = true;
      onExpiry = null;
      if (task != null) {
        task.cancel();
      }
    }
  }
}
