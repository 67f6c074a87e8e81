package dev.accesslink4j.testkit.internal;

import dev.accesslink4j.testkit.FakeAccessLink.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Queued fault injections. Each matches a route or a path regex and fires a number of times; a request takes the
 * first queued fault that matches it (at most one per request) and that fault's count goes down by one.
 */
public final class Faults {
  /** What a fault does. */
  public enum Kind {
    /** Answer a status with Polar's error JSON; the request is not processed. */
    FAIL,
    /** Answer a status with an HTML error page, like a proxy in front of the API; not processed. */
    HTML,
    /** Process normally, but hold the response headers back. */
    DELAY,
    /** Close the connection without answering; not processed. */
    DROP_BEFORE_RESPONSE,
    /** Process normally, send the headers and half the body, then close the connection. */
    DROP_MID_BODY,
    /** Process normally, but send only the first half of the body (a complete, shorter HTTP message). */
    TRUNCATE,
    /** Process normally, but send a body that is not valid JSON. */
    MALFORMED_JSON
  }

  /** One queued fault. */
  public static final class Fault {
    /** What the fault does. */
    public final Kind kind;
    final @Nullable Route route;
    final @Nullable Pattern path;
    /** The status of FAIL and HTML faults. */
    public final int status;
    /** The delay of DELAY faults. */
    public final Duration delay;
    int remaining;

    Fault(Kind kind, @Nullable Route route, @Nullable Pattern path, int status, Duration delay, int times) {
      this.kind = kind;
      this.route = route;
      this.path = path;
      this.status = status;
      this.delay = delay;
      this.remaining = times;
    }

    boolean matches(@Nullable Route r, String encodedPath) {
      if (route != null) {
        return route == r;
      }
      return path != null && path.matcher(encodedPath).matches();
    }
  }

  private final List<Fault> queue = new ArrayList<>();

  /** Queues a fault on a route. */
  public synchronized void add(Kind kind, Route route, int status, Duration delay, int times) {
    queue.add(new Fault(kind, route, null, status, delay, checkTimes(times)));
  }

  /** Queues a fault on a path regex (matched against the whole encoded path, without the query). */
  public synchronized void add(Kind kind, String pathRegex, int status, Duration delay, int times) {
    queue.add(new Fault(kind, null, Pattern.compile(pathRegex), status, delay, checkTimes(times)));
  }

  private static int checkTimes(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    return times;
  }

  /** Takes the first matching fault, or null. */
  public synchronized @Nullable Fault take(@Nullable Route route, String encodedPath) {
    for (Iterator<Fault> it = queue.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (f.matches(route, encodedPath)) {
        if (--f.remaining == 0) {
          it.remove();
        }
        return f;
      }
    }
    return null;
  }

  /** Drops every queued fault. */
  public synchronized void clear() {
    queue.clear();
  }
}
