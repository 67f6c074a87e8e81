package dev.accesslink4j.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Polar's two rate-limit windows: 15 minutes and 24 hours by default (the lengths are settable so that tests can
 * compress them), each starting at its first request and resetting once its length has passed since then. A
 * request rejected by the short window still counts on the long one. Resets are reported in whole seconds rounded
 * up, so a client that waits the reported time finds the window reset.
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

  private Duration shortLength = SHORT;
  private Duration longLength = LONG;
  private long refusals;
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

  /** Sets the windows' lengths (Polar's: 15 minutes and 24 hours). */
  public synchronized void lengths(Duration shortLength, Duration longLength) {
    this.shortLength = shortLength;
    this.longLength = longLength;
  }

  /** How many requests were refused (answered 429) since the fake started. */
  public synchronized long refusals() {
    return refusals;
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
    if (shortStart == null || !now.isBefore(shortStart.plus(shortLength))) {
      shortStart = now;
      shortUsage = 0;
    }
    if (longStart == null || !now.isBefore(longStart.plus(longLength))) {
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
    if (!allowed) {
      refusals++;
    }
    long shortReset = secondsUp(Duration.between(now, shortStart.plus(shortLength)));
    long longReset = secondsUp(Duration.between(now, longStart.plus(longLength)));
    return new Decision(
        allowed, shortUsage, longUsage, shortLimit, longLimit, shortReset, longReset);
  }

  private static long secondsUp(Duration d) {
    if (d.isNegative()) {
      return 0;
    }
    return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
  }
}
