package dev.accesslink4j.testkit.internal;

import dev.accesslink4j.testkit.ReceivedRequest;
import dev.accesslink4j.testkit.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every request the fake received, in arrival order, recorded before any fault or rule applied. Thread-safe. */
public final class RequestLog {
  private final List<ReceivedRequest> requests = new ArrayList<>();

  synchronized void add(ReceivedRequest request) {
    requests.add(request);
  }

  /** A snapshot of every request, oldest first. */
  public synchronized List<ReceivedRequest> all() {
    return List.copyOf(requests);
  }

  /** A snapshot of the requests of one route, oldest first. */
  public synchronized List<ReceivedRequest> of(Route route) {
    List<ReceivedRequest> list = new ArrayList<>();
    for (ReceivedRequest r : requests) {
      if (r.route().orElse(null) == route) {
        list.add(r);
      }
    }
    return List.copyOf(list);
  }

  /** The most recent request, if any. */
  public synchronized Optional<ReceivedRequest> last() {
    return requests.isEmpty() ? Optional.empty() : Optional.of(requests.get(requests.size() - 1));
  }

  /** Forgets every request. */
  public synchronized void clear() {
    requests.clear();
  }
}
