package dev.accesslink4j.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import retrofit2.Call;

/**
 * The end of one operation's time budget, shared by all its attempts and the waits between them. Each attempt's
 * OkHttp call gets what is left as its own call timeout, which covers connecting, sending, waiting and reading the
 * whole body. Internal: services only pass it from {@link Transport#download} to {@link Transport#open}.
 */
public final class Deadline {
  private final String name;
  private final Duration limit;
  private long endNanos;
  private final LongSupplier nanoTime;

  private Deadline(String name, Duration limit, LongSupplier nanoTime) {
    this.name = name;
    this.limit = limit;
    this.nanoTime = nanoTime;
    this.endNanos = limit.isZero() ? Long.MAX_VALUE : nanoTime.getAsLong() + limit.toNanos();
  }

  /**
   * Starts a budget now.
   *
   * @param name what the limit is called in messages, such as {@code call timeout}
   * @param limit the budget; zero for none
   * @param nanoTime the clock
   * @return the deadline
   */
  static Deadline start(String name, Duration limit, LongSupplier nanoTime) {
    return new Deadline(name, limit, nanoTime);
  }

  /** Whether there is a limit at all. */
  boolean isSet() {
    return !limit.isZero();
  }

  /**
   * Moves the end later by a wait that is not part of the call (waiting for the rate budget: the request had not
   * been sent, so the time is queueing, not the call taking long).
   */
  void extend(Duration wait) {
    if (isSet() && !wait.isZero()) {
      endNanos += wait.toNanos();
    }
  }

  /** Whether the budget is spent. */
  boolean expired() {
    return isSet() && nanoTime.getAsLong() - endNanos >= 0;
  }

  /** Whether a wait of this length would end after the deadline. */
  boolean wouldPass(Duration wait) {
    return isSet() && nanoTime.getAsLong() + wait.toNanos() - endNanos >= 0;
  }

  /** Gives a call what is left of the budget as its OkHttp call timeout (0, no timeout, when there is no limit). */
  void applyTo(Call<?> call) {
    long left = isSet() ? Math.max(1, endNanos - nanoTime.getAsLong()) : 0;
    call.timeout().timeout(left, TimeUnit.NANOSECONDS);
  }

  /** For messages: {@code call timeout of 2 min}. */
  String describe() {
    return name + " of " + human(limit);
  }

  private static String human(Duration d) {
    if (d.toMillis() % 60_000 == 0) {
      return d.toMinutes() + " min";
    }
    if (d.toMillis() % 1000 == 0) {
      return d.toSeconds() + " s";
    }
    return d.toMillis() + " ms";
  }
}
