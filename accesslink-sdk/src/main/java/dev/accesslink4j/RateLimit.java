package dev.accesslink4j;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rate-limit state of one response, from Polar's {@code RateLimit-Usage}, {@code RateLimit-Limit} and
 * {@code RateLimit-Reset} headers. AccessLink keeps two windows per client, both started by their first request:
 * 15 minutes ({@code 500 + 20 × users}) and 24 hours ({@code 5000 + 100 × users}).
 *
 * @param shortWindow the 15-minute window
 * @param longWindow the 24-hour window
 */
public record RateLimit(Window shortWindow, Window longWindow) {

  /**
   * One rate-limit window.
   *
   * @param used requests counted in the window so far
   * @param limit requests allowed in the window
   * @param resetsIn time until the window resets
   */
  public record Window(long used, long limit, Duration resetsIn) {
    /**
     * Requests left in this window.
     *
     * @return {@code limit - used}, never negative
     */
    public long remaining() {
      return Math.max(0, limit - used);
    }

    /**
     * Tells whether the window is spent.
     *
     * @return true when no request is left
     */
    public boolean isExhausted() {
      return used >= limit;
    }
  }

  /**
   * How long to wait before the next request can succeed: the reset of the 24-hour window when it is spent, else the
   * reset of the 15-minute window.
   *
   * @return the wait
   */
  public Duration retryAfter() {
    return longWindow.isExhausted() ? longWindow.resetsIn() : shortWindow.resetsIn();
  }

  /**
   * Parses the three header values; each holds two comma-separated integers, the short window first.
   *
   * @param usage the {@code RateLimit-Usage} value
   * @param limit the {@code RateLimit-Limit} value
   * @param reset the {@code RateLimit-Reset} value
   * @return the state, or empty when a header is missing or malformed (not two non-negative integers)
   */
  public static Optional<RateLimit> parse(
      @Nullable String usage, @Nullable String limit, @Nullable String reset) {
    long[] u = pair(usage);
    long[] l = pair(limit);
    long[] r = pair(reset);
    if (u == null || l == null || r == null) {
      return Optional.empty();
    }
    return Optional.of(new RateLimit(
        new Window(u[0], l[0], Duration.ofSeconds(r[0])),
        new Window(u[1], l[1], Duration.ofSeconds(r[1]))));
  }

  private static long @Nullable [] pair(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String[] parts = value.split(",");
    if (parts.length != 2) {
      return null;
    }
    try {
      long first = Long.parseLong(parts[0].trim());
      long second = Long.parseLong(parts[1].trim());
      return first < 0 || second < 0 ? null : new long[] {first, second};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
