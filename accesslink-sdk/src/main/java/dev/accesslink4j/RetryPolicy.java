package dev.accesslink4j;

import dev.accesslink4j.errors.RateLimitException;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how long the client retries a failed request. Immutable; the default is {@link #defaults()}.
 *
 * <p>Only requests that are safe to repeat are retried on network failures, timeouts, 408 and 5xx: reads. Requests
 * that change state (register, commit, webhook changes) are retried only after a 429, which means AccessLink refused
 * them unprocessed; an OAuth code exchange is never retried, because a replayed code revokes every token issued for
 * it. A 429 is waited out only when the exhausted window resets within {@link #maxRateLimitWait()}; otherwise the
 * {@link RateLimitException} is thrown at once, because refused requests still count against the daily window.
 */
public final class RetryPolicy {
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double jitter;
  private final Duration maxRateLimitWait;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.jitter = b.jitter;
    this.maxRateLimitWait = b.maxRateLimitWait;
  }

  /**
   * Three attempts, exponential backoff from 500 ms up to 8 s with ±25 % jitter, and 429s waited out when the window
   * resets within 60 s.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /**
   * No retries at all: every failure is thrown at once.
   *
   * @return a policy with a single attempt
   */
  public static RetryPolicy disabled() {
    return builder().maxAttempts(1).maxRateLimitWait(Duration.ZERO).build();
  }

  /**
   * Starts from the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Total attempts per request, including the first.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The wait before the first retry; each further retry doubles it up to {@link #maxBackoff()}.
   *
   * @return the initial backoff
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The longest wait between two attempts after a failure (429 waits are bounded by {@link #maxRateLimitWait()}).
   *
   * @return the cap
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The random spread applied to each backoff, as a fraction (0.25 means ±25 %).
   *
   * @return between 0 and 1
   */
  public double jitter() {
    return jitter;
  }

  /**
   * The longest rate-limit reset the client waits for by itself after a 429.
   *
   * @return the bound; zero means a 429 is always thrown at once
   */
  public Duration maxRateLimitWait() {
    return maxRateLimitWait;
  }

  /**
   * The backoff before retry number {@code retry} (1 for the first retry), before jitter.
   *
   * @param retry the retry number, starting at 1
   * @return the wait
   */
  public Duration backoffBefore(int retry) {
    long millis = initialBackoff.toMillis();
    for (int i = 1; i < retry && millis < maxBackoff.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + ", maxRateLimitWait="
        + maxRateLimitWait + "]";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private double jitter = 0.25;
    private Duration maxRateLimitWait = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Sets the total attempts per request.
     *
     * @param maxAttempts at least 1; 1 disables retries
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the wait before the first retry.
     *
     * @param initialBackoff a non-negative duration
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * Sets the longest wait between two attempts.
     *
     * @param maxBackoff a non-negative duration
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets the random spread of each backoff.
     *
     * @param jitter a fraction between 0 and 1
     * @return this builder
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1");
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * Sets the longest rate-limit reset waited for after a 429.
     *
     * @param maxRateLimitWait a non-negative duration; zero throws every 429 at once
     * @return this builder
     */
    public Builder maxRateLimitWait(Duration maxRateLimitWait) {
      this.maxRateLimitWait = nonNegative(maxRateLimitWait, "maxRateLimitWait");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return an immutable policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
