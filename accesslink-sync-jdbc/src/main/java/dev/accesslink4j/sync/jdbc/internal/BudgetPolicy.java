package dev.accesslink4j.sync.jdbc.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * How the shared budget leases: the windows' lengths and safety margin, and how large a slice is. A slice is at most
 * the configured size and at most a tenth of what is left in the tighter window, so that near a window's end the
 * last permits are spread over the processes instead of sitting in one. Immutable.
 *
 * @param shortLength the short window's length (Polar's: 15 minutes)
 * @param longLength the long window's length (Polar's: 24 hours)
 * @param margin how much later than reported (or guessed) a window is taken to reset
 * @param guard how long before a window's reset no more is leased or spent from it
 * @param sliceSize the largest slice
 */
public record BudgetPolicy(
    Duration shortLength, Duration longLength, Duration margin, Duration guard, int sliceSize) {
  /** A slice is at most this share (1 / n) of what is left in a window. */
  private static final long SHARE = 10;

  /**
   * The slice to lease from what is left.
   *
   * @param row the row, learned and renewed
   * @return the slice's size; zero when a window is spent
   */
  public long sliceFor(BudgetRow row) {
    long left = Math.min(row.shortWindow().remaining(), row.longWindow().remaining());
    return left == 0 ? 0 : Math.min(sliceSize, Math.max(1, left / SHARE));
  }

  /**
   * Plans one lease: applies what this process learned from the headers, starts the next generation of a window
   * whose reset has passed, hands back the unspent rest of the process's previous slice to each window it came from
   * that is still running, and leases the next slice from both windows.
   *
   * @param row the row as read, locked
   * @param now the budget's clock
   * @param old the process's previous slice
   * @param shortLearned what the process heard about the short window
   * @param longLearned what the process heard about the long window
   * @param permits where the planned slice's size is put (one element)
   * @return the row to write
   */
  public BudgetRow plan(
      BudgetRow row,
      Instant now,
      Slice old,
      BudgetLearned shortLearned,
      BudgetLearned longLearned,
      long[] permits) {
    BudgetWindow s = row.shortWindow().learn(shortLearned).renewedAt(now);
    BudgetWindow l = row.longWindow().learn(longLearned).renewedAt(now);
    if (old.permits() > 0) {
      s = s.generation() == old.shortGeneration() ? s.giveBack(old.permits()) : s;
      l = l.generation() == old.longGeneration() ? l.giveBack(old.permits()) : l;
    }
    BudgetRow prepared = new BudgetRow(s, l);
    long k = turning(s, now) || turning(l, now) ? 0 : sliceFor(prepared);
    permits[0] = k;
    if (k == 0) {
      return prepared;
    }
    return new BudgetRow(s.take(k, now, shortLength, margin), l.take(k, now, longLength, margin));
  }

  /**
   * Tells whether a window is within the guard of its reset: nothing more is leased from it.
   *
   * @param w the window
   * @param now the budget's clock
   * @return true when its reset is set and less than the guard away
   */
  public boolean turning(BudgetWindow w, Instant now) {
    Instant reset = w.resetAt();
    return reset != null && !now.isBefore(reset.minus(guard));
  }

  /**
   * A process's slice: permits leased from one generation of each window and not spent yet.
   *
   * @param shortGeneration the short window's generation
   * @param longGeneration the long window's generation
   * @param permits how many are left
   */
  public record Slice(long shortGeneration, long longGeneration, long permits) {
    /** No slice. */
    public static final Slice NONE = new Slice(-1, -1, 0);
  }
}
