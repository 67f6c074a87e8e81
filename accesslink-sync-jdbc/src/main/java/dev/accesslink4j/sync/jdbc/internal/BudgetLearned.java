package dev.accesslink4j.sync.jdbc.internal;

import dev.accesslink4j.RateLimit;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one process heard about one window from Polar's {@code RateLimit-*} headers since its last lease, kept
 * locally and written with the next lease (so that learning costs no write of its own). Immutable.
 *
 * @param generation the window's generation the process was spending when it heard it
 * @param reset the earliest reported reset (plus the margin), or null when nothing was heard
 * @param used the highest reported usage plus what the process could still send then (in flight, in its slice)
 * @param limit the last reported limit, or null
 * @param newWindow whether Polar reported a window that started after the one the table holds
 */
public record BudgetLearned(
    long generation,
    @Nullable Instant reset,
    long used,
    @Nullable Long limit,
    boolean newWindow) {

  /**
   * Nothing heard yet.
   *
   * @param generation the generation being spent
   * @return the empty value
   */
  public static BudgetLearned nothing(long generation) {
    return new BudgetLearned(generation, null, 0, null, false);
  }

  /**
   * Adds one answer's report of this window.
   *
   * @param seen the window as the process last saw it in the table
   * @param reported the reported window
   * @param reportedReset when it resets, on the budget's clock, margin included
   * @param pending what the process may still have Polar count: its requests in flight and its slice's rest
   * @param length the window's length
   * @return what is known now
   */
  public BudgetLearned hear(
      BudgetWindow seen,
      RateLimit.Window reported,
      Instant reportedReset,
      long pending,
      Duration length) {
    BudgetLearned base = generation == seen.generation() ? this : nothing(seen.generation());
    long usage = reported.used() + pending;
    Instant start = seen.resetAt();
    if (!base.newWindow
        && start != null
        && reportedReset.isAfter(start.plus(length.dividedBy(2)))) {
      return new BudgetLearned(seen.generation(), reportedReset, usage, reported.limit(), true);
    }
    Instant earliest =
        base.reset == null || reportedReset.isBefore(base.reset) ? reportedReset : base.reset;
    return new BudgetLearned(
        seen.generation(), earliest, Math.max(base.used, usage), reported.limit(), base.newWindow);
  }

  /**
   * Marks the window spent: a 429 whose headers did not say which window refused it.
   *
   * @param seen the window as the process last saw it in the table
   * @return what is known now
   */
  public BudgetLearned spent(BudgetWindow seen) {
    BudgetLearned base = generation == seen.generation() ? this : nothing(seen.generation());
    Instant reset = base.reset != null ? base.reset : seen.resetAt();
    return new BudgetLearned(
        seen.generation(), reset, Math.max(base.used, seen.limit()), base.limit, base.newWindow);
  }
}
