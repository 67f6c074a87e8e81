package dev.accesslink4j;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Paces a client's requests against Polar's two rate-limit windows, so that the client's own traffic never earns a
 * 429 (a refused request still counts against the daily window). Set one with
 * {@link AccessLinkBuilder#rateBudget(RateBudget)}; without one the client sends every request at once, as before.
 *
 * <p>The client's transport asks the budget before it sends each request to the AccessLink API (retries and
 * downloads included; user and partner credentials alike, since both windows belong to the partner client):
 * {@link #tryAcquire()} either grants one permit or says how long to wait. A short-window wait is waited out (with
 * the client's {@link Sleeper}, not counted against the call timeout: the call has not started), then the budget is
 * asked again; a spent long window throws {@link dev.accesslink4j.errors.RateBudgetExhaustedException} with the
 * moment the client can resume, so a sync can stop cleanly instead of burning its day. After each answer the
 * transport reports it with {@link #answered(int, RateLimit)} (status and the {@code RateLimit-*} headers, 429
 * included), and a request that got no answer with {@link #unanswered()}.
 *
 * <p>The contract is two steps, take a permit, then report what Polar said, with nothing about how permits are
 * counted, so that an implementation may keep its state elsewhere, for example in a database shared by several
 * processes that lease slices of a window. Implementations must be thread-safe and must not block in
 * {@link #tryAcquire()} for longer than a quick look-up: the transport does the waiting, holding no lock.
 * {@link #inProcess(int)} is the implementation for one process.
 */
public interface RateBudget {

  /**
   * Takes one request permit, or tells how long until one may be taken.
   *
   * @return {@link Decision#granted()} when the request may be sent now (the permit is then spent), else the wait
   */
  Decision tryAcquire();

  /**
   * Reports the answer to a request sent under a permit.
   *
   * @param status the HTTP status (429 when a window was spent anyway, for example by another client's traffic)
   * @param reported the rate-limit state the answer's headers reported, or null when it carried none
   */
  void answered(int status, @Nullable RateLimit reported);

  /** Reports that a request sent under a permit got no answer (a network failure or timeout). */
  void unanswered();

  /**
   * Subscribes a listener to this budget's decisions: its waits and what it has left after each answer, so that a
   * long sync can say why it is idle and how much of the day is left. The default publishes nothing (a budget that
   * keeps its state elsewhere may have nothing to tell) and returns a subscription that does nothing;
   * {@link InProcessRateBudget} publishes both.
   *
   * @param listener the listener
   * @return the subscription; close it to stop hearing
   */
  default Subscription subscribe(RateBudgetListener listener) {
    Objects.requireNonNull(listener, "listener");
    return () -> {};
  }

  /** A listener's subscription to a budget: closing it (idempotent, never throws) stops the calls. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    /** Stops the listener's calls; calls already under way may still finish. */
    @Override
    void close();
  }

  /**
   * A budget for one process that starts from Polar's formula for the number of registered users ({@code 500 +
   * 20 × users} per 15 minutes, {@code 5000 + 100 × users} per 24 hours) and learns the real windows (limit, usage,
   * reset) from every answer's headers. Share one between all clients of the same partner credentials in the
   * process.
   *
   * @param registeredUsers how many users are registered with the partner client; not negative
   * @return the budget
   * @see InProcessRateBudget#builder()
   */
  static RateBudget inProcess(int registeredUsers) {
    return InProcessRateBudget.builder().registeredUsers(registeredUsers).build();
  }

  /** Which of Polar's two windows a wait is for. */
  enum Window {
    /** The 15-minute window: worth waiting for. */
    SHORT,
    /** The 24-hour window: a spent one stops the client until it resets. */
    LONG
  }

  /**
   * What {@link #tryAcquire()} decided: go now, or wait for a window's reset. Immutable.
   */
  final class Decision {
    private static final Decision GRANTED = new Decision(null, Duration.ZERO, null);

    private final @Nullable Window window;
    private final Duration wait;
    private final @Nullable Instant resumeAt;

    private Decision(@Nullable Window window, Duration wait, @Nullable Instant resumeAt) {
      this.window = window;
      this.wait = wait;
      this.resumeAt = resumeAt;
    }

    /**
     * The decision to send now: a permit was taken.
     *
     * @return the decision
     */
    public static Decision granted() {
      return GRANTED;
    }

    /**
     * The decision to wait until a window resets.
     *
     * @param window the spent window
     * @param wait how long from now; not negative
     * @param resumeAt when, on the budget's clock
     * @return the decision
     */
    public static Decision waitFor(Window window, Duration wait, Instant resumeAt) {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(resumeAt, "resumeAt");
      if (Objects.requireNonNull(wait, "wait").isNegative()) {
        throw new IllegalArgumentException("wait must not be negative: " + wait);
      }
      return new Decision(window, wait, resumeAt);
    }

    /**
     * Tells whether a permit was taken.
     *
     * @return true when the request may be sent now
     */
    public boolean isGranted() {
      return window == null;
    }

    /**
     * The spent window.
     *
     * @return the window; {@link Window#SHORT} for a granted decision, which waits for none
     */
    public Window window() {
      return window == null ? Window.SHORT : window;
    }

    /**
     * How long to wait before asking again.
     *
     * @return the wait; zero for a granted decision
     */
    public Duration waitTime() {
      return wait;
    }

    /**
     * When the spent window resets.
     *
     * @return the instant, or empty for a granted decision
     */
    public Optional<Instant> resumeAt() {
      return Optional.ofNullable(resumeAt);
    }

    @Override
    public String toString() {
      return isGranted() ? "Decision[granted]" : "Decision[wait " + wait + " for " + window + "]";
    }
  }
}
