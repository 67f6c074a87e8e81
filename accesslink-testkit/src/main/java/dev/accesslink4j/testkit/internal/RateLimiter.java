package dev.accesslink4j.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Polar's two rate-limit windows: 15 minutes and 24 hours, each starting at its first request and resetting once
 * its length has passed since then. A request rejected by the short window still counts on the long one.
 */
public final class RateLimiter {
  static final Duration SHORT = Duration.ofMinutes(15);
  static final Duration LONG = Duration.ofHours(24);

  /** The outcome for one request, with the values for the three headers. */
  public record Decision(
      boolean allowed,
      int shortUsage,
      int longUsage,
      int shortLimit,
      int longLimit,
      long shortReset,
      long longReset) {}

  private @Nullable Integer fixedShort;
  private @Nullable Integer fixedLong;
  private @Nullable Instant shortStart;
  private @Nullable Instant longStart;
  private int shortUsage;
  private int longUsage;

  /** Fixes the budget; null values fall back to Polar's formula. */
  public synchronized void limits(@Nullable Integer shortLimit, @Nullable Integer longLimit) {
    this.fixedShort = shortLimit;
    this.fixedLong = longLimit;
  }

  /** Empties both windows. */
  public synchronized void reset() {
    shortStart = null;
    longStart = null;
    shortUsage = 0;
    longUsage = 0;
  }

  /** Counts one request made at {@code now} by a client with {@code users} registered users. */
  public synchronized Decision count(Instant now, int users) {
    int shortLimit = fixedShort != null ? fixedShort : 500 + 20 * users;
    int longLimit = fixedLong != null ? fixedLong : 5000 + 100 * users;
    if (shortStart == null || !now.isBefore(shortStart.plus(SHORT))) {
      shortStart = now;
      shortUsage = 0;
    }
    if (longStart == null || !now.isBefore(longStart.plus(LONG))) {
      longStart = now;
      longUsage = 0;
    }
    longUsage++;
    boolean allowed = longUsage <= longLimit;
    if (shortUsage < shortLimit) {
      shortUsage++;
    } else {
      allowed = false;
    }
    long shortReset = Math.max(0, Duration.between(now, shortStart.plus(SHORT)).getSeconds());
    long longReset = Math.max(0, Duration.between(now, longStart.plus(LONG)).getSeconds());
    return new Decision(
        allowed, shortUsage, longUsage, shortLimit, longLimit, shortReset, longReset);
  }
}
