package dev.accesslink4j.testkit.internal;

import dev.accesslink4j.testkit.Fault;
import dev.accesslink4j.testkit.Route;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Queued fault injections. Each matches a route or a path regex and fires a number of times; a request takes the
 * first queued fault that matches it (at most one per request) and that entry's count goes down by one.
 */
public final class Faults {
  private static final class Entry {
    final Fault fault;
    final @Nullable Route route;
    final @Nullable Pattern path;
    int remaining;

    Entry(Fault fault, @Nullable Route route, @Nullable Pattern path, int times) {
      this.fault = Objects.requireNonNull(fault, "fault");
      this.route = route;
      this.path = path;
      this.remaining = times;
    }

    boolean matches(@Nullable Route r, String encodedPath) {
      if (route != null) {
        return route == r;
      }
      return path != null && path.matcher(encodedPath).matches();
    }
  }

  private final List<Entry> queue = new ArrayList<>();

  /** Queues a fault on a route for the next {@code times} matching requests. */
  public synchronized void add(Route route, Fault fault, int times) {
    queue.add(new Entry(fault, Objects.requireNonNull(route, "route"), null, checkTimes(times)));
  }

  /** Queues a fault on a path regex (matched against the whole encoded path, without the query). */
  public synchronized void add(String pathRegex, Fault fault, int times) {
    Pattern pattern = Pattern.compile(Objects.requireNonNull(pathRegex, "pathRegex"));
    queue.add(new Entry(fault, null, pattern, checkTimes(times)));
  }

  private static int checkTimes(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1: " + times);
    }
    return times;
  }

  /** Takes the first matching fault, or null. */
  synchronized @Nullable Fault take(@Nullable Route route, String encodedPath) {
    for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.matches(route, encodedPath)) {
        if (--e.remaining == 0) {
          it.remove();
        }
        return e.fault;
      }
    }
    return null;
  }

  /** Drops every queued fault. */
  public synchronized void clear() {
    queue.clear();
  }
}
