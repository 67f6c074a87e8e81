package dev.accesslink4j.sync.jdbc.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One of Polar's two windows as the shared budget's table holds it: permits leased so far against the limit, until
 * the reset. Immutable; every change is a new value, written back in the lease's transaction.
 *
 * @param generation how many times the window has reset since the row was created: a slice is handed back only to
 *     the generation it came from
 * @param limit permits allowed in the window
 * @param used permits leased in the window (spent or still held in some process's slice), raised to Polar's
 *     reported usage when that is higher
 * @param resetAt when the window resets, or null when it has not started (it starts at its first lease)
 * @param fromHeaders whether the reset comes from Polar's headers rather than the first lease's guess
 */
public record BudgetWindow(
    long generation, long limit, long used, @Nullable Instant resetAt, boolean fromHeaders) {

  /**
   * Tells whether the window has reset by now.
   *
   * @param now the budget's clock
   * @return true when its reset is not after now
   */
  public boolean expired(Instant now) {
    return resetAt != null && !now.isBefore(resetAt);
  }

  /**
   * The window as it stands now: the next generation, unused and not started, once the reset has passed.
   *
   * @param now the budget's clock
   * @return this window, or its successor
   */
  public BudgetWindow renewedAt(Instant now) {
    return expired(now) ? new BudgetWindow(generation + 1, limit, 0, null, false) : this;
  }

  /**
   * Permits not yet leased.
   *
   * @return {@code limit - used}, never negative
   */
  public long remaining() {
    return Math.max(0, limit - used);
  }

  /**
   * Leases permits, starting the window when it has not started.
   *
   * @param permits how many
   * @param now the budget's clock
   * @param length the window's length, for the guessed reset of a window that starts now
   * @param margin how much later than the length the guess is
   * @return the window with the permits leased
   */
  public BudgetWindow take(long permits, Instant now, Duration length, Duration margin) {
    Instant reset = resetAt != null ? resetAt : now.plus(length).plus(margin);
    return new BudgetWindow(generation, limit, used + permits, reset, fromHeaders);
  }

  /**
   * Hands back permits leased in this generation and not spent.
   *
   * @param permits how many
   * @return the window with fewer permits used
   */
  public BudgetWindow giveBack(long permits) {
    return new BudgetWindow(generation, limit, Math.max(0, used - permits), resetAt, fromHeaders);
  }

  /**
   * Applies what a process learned from Polar's headers: the limit always; the usage and reset only to the
   * generation they were heard in. A reported usage higher than the table's raises it; the first reported reset
   * replaces the guess and later ones can only bring it closer; a report of a window Polar started anew starts the
   * next generation.
   *
   * @param learned what the process heard
   * @return the window corrected
   */
  public BudgetWindow learn(BudgetLearned learned) {
    long newLimit = learned.limit() != null ? learned.limit() : limit;
    Instant heard = learned.reset();
    if (learned.generation() != generation || heard == null) {
      return new BudgetWindow(generation, newLimit, used, resetAt, fromHeaders);
    }
    if (learned.newWindow()) {
      return new BudgetWindow(generation + 1, newLimit, learned.used(), heard, true);
    }
    Instant reset = !fromHeaders || resetAt == null || heard.isBefore(resetAt) ? heard : resetAt;
    return new BudgetWindow(generation, newLimit, Math.max(used, learned.used()), reset, true);
  }
}
