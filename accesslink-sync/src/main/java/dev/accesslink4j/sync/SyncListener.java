package dev.accesslink4j.sync;

import dev.accesslink4j.RateBudget;
import java.time.Duration;
import java.time.Instant;

/**
 * Hears a run's progress, for a progress bar, metrics or logs. Every method has an empty default; they are called
 * from the engine's worker threads, possibly at once, so an implementation must be thread-safe and quick.
 */
public interface SyncListener {
  /** A listener that hears nothing. */
  SyncListener NONE = new SyncListener() {};

  /**
   * A user's sync started.
   *
   * @param userId the Polar user id
   */
  default void userStarted(long userId) {}

  /**
   * A user's sync ended, with or without failures.
   *
   * @param userId the Polar user id
   * @param failures how many of its kinds failed
   */
  default void userFinished(long userId, int failures) {}

  /**
   * A kind of a user started. It ends with {@link #kindFinished} or {@link #kindFailed}, except when the rate budget
   * stopped the run in the middle of it ({@link SyncReport#stoppedUntil()}): that is no failure, and the kind is
   * taken up again by the next run.
   *
   * @param userId the Polar user id
   * @param kind the kind
   */
  default void kindStarted(long userId, SyncKind kind) {}

  /**
   * A kind of a user ended without failure.
   *
   * @param userId the Polar user id
   * @param kind the kind
   * @param items how many items (and files) were delivered
   */
  default void kindFinished(long userId, SyncKind kind, int items) {}

  /**
   * A kind of a user failed; the others go on.
   *
   * @param failure what failed and why
   */
  default void kindFailed(SyncFailure failure) {}

  /**
   * An item was delivered to the sink.
   *
   * @param item the item
   */
  default void itemDelivered(SyncItem item) {}

  /**
   * A file was delivered to the sink.
   *
   * @param file the file
   * @param bytes its size
   */
  default void fileDelivered(SyncFile file, long bytes) {}

  /**
   * The engine sent a request to AccessLink (retries by the client's policy are not counted separately).
   *
   * @param userId the Polar user id
   * @param kind the kind it was for
   */
  default void requestSent(long userId, SyncKind kind) {}

  /**
   * The client's rate budget holds a request back until a window resets (the engine's own traffic is paced so that
   * it never earns a 429). Heard once per wait of each request, for the run's length, from the budget of the client
   * ({@link dev.accesslink4j.AccessLink#rateBudget()}) when it publishes its decisions (as
   * {@link dev.accesslink4j.InProcessRateBudget} does): why a run sits idle. A spent 24-hour window is heard with
   * {@link RateBudget.Window#LONG} just before the run stops.
   *
   * @param window the spent window
   * @param wait how long the request waits
   * @param resumeAt when the window resets
   */
  default void budgetWaiting(RateBudget.Window window, Duration wait, Instant resumeAt) {}

  /**
   * What the client's rate budget has left after an answer, as far as it knows (its own count corrected by the
   * answer's {@code RateLimit-*} headers), for the run's length: how close the run is to the daily limit.
   *
   * @param shortWindowLeft requests left in the 15-minute window
   * @param longWindowLeft requests left in the 24-hour window
   */
  default void budgetLeft(int shortWindowLeft, int longWindowLeft) {}
}
