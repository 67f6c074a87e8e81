package dev.accesslink4j;

import java.time.Duration;
import java.time.Instant;

/**
 * Hears what a {@link RateBudget} decides, for progress output, metrics and logs: when a request is held back
 * until a window resets, and how much of both windows is left after each answer. Subscribe with
 * {@link RateBudget#subscribe(RateBudgetListener)}.
 *
 * <p>Why: the budget is the only place that knows that a client is about to sit idle for minutes (a spent 15-minute
 * window) and how close it is to the 24-hour limit; a long sync that goes quiet without saying so looks hung. The
 * methods have empty defaults; they are called on the threads that send requests, after the budget released its
 * lock, possibly from several threads at once: an implementation must be thread-safe and quick, and an exception
 * it throws is ignored.
 */
public interface RateBudgetListener {
  /**
   * A request is held back until a window resets (a decision of {@link RateBudget#tryAcquire()} to wait). Heard
   * once per wait of each request; a spent {@link RateBudget.Window#LONG long} window is heard too, although the
   * client then throws instead of waiting.
   *
   * @param window the spent window
   * @param wait how long from now
   * @param resumeAt when the window resets, on the budget's clock
   */
  default void waiting(RateBudget.Window window, Duration wait, Instant resumeAt) {}

  /**
   * What the budget has left after an answer, as far as it knows (its own count, corrected by the answer's
   * {@code RateLimit-*} headers).
   *
   * @param shortLeft requests left in the 15-minute window
   * @param longLeft requests left in the 24-hour window
   */
  default void left(int shortLeft, int longLeft) {}
}
