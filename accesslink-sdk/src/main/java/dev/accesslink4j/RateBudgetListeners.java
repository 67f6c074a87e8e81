package dev.accesslink4j;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of one {@link RateBudget}, for implementations of {@link RateBudget#subscribe}: thread-safe, and
 * telling them never throws, since a listener must never break the transport. Call its methods after releasing the
 * budget's own lock, so that a slow listener holds no request back.
 */
public final class RateBudgetListeners {
  private final List<RateBudgetListener> listeners = new CopyOnWriteArrayList<>();

  /** Creates an empty set. */
  public RateBudgetListeners() {}

  /**
   * Adds a listener until the returned subscription is closed.
   *
   * @param listener the listener
   * @return the subscription
   */
  public RateBudget.Subscription add(RateBudgetListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Tells every listener of a wait, when the decision is one; a granted decision tells nobody.
   *
   * @param decision what {@link RateBudget#tryAcquire()} decided
   */
  public void decided(RateBudget.Decision decision) {
    if (decision.isGranted() || listeners.isEmpty()) {
      return;
    }
    decision.resumeAt().ifPresent(resumeAt -> {
      for (RateBudgetListener l : listeners) {
        try {
          l.waiting(decision.window(), decision.waitTime(), resumeAt);
        } catch (RuntimeException e) {
          // a listener never breaks the transport
        }
      }
    });
  }

  /**
   * Tells every listener what both windows have left.
   *
   * @param shortLeft requests left in the 15-minute window
   * @param longLeft requests left in the 24-hour window
   */
  public void left(long shortLeft, long longLeft) {
    for (RateBudgetListener l : listeners) {
      try {
        l.left((int) Math.min(Integer.MAX_VALUE, shortLeft), (int)
            Math.min(Integer.MAX_VALUE, longLeft));
      } catch (RuntimeException e) {
        // a listener never breaks the transport
      }
    }
  }
}
