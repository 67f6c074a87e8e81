package dev.accesslink4j;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RateBudget} of one process: counts its own permits in both windows, starting from Polar's formula for
 * the number of registered users, and corrects itself from every answer's {@code RateLimit-*} headers (the limit,
 * the usage, which includes other traffic of the same partner client, and the reset). Thread-safe: every method
 * holds one lock for a few arithmetic steps and never while anyone waits, so however many threads share it, it
 * grants no more permits in a window than the window allows.
 *
 * <p>How it counts: a window it has not seen start begins at the first permit, and is assumed to reset one window
 * length (plus the safety margin) later; the first answer replaces that guess with Polar's reset, and later answers
 * of the same window can only bring it closer (Polar rounds each report to whole seconds). Usage is its own count
 * of permits, raised to the reported usage plus the requests still in flight when Polar counted more than it
 * granted (other traffic of the same partner client), so answers that arrive out of order never lower it. A 429
 * marks the window spent until its reported reset.
 *
 * <p>{@link #subscribe(RateBudgetListener) Listeners} hear each wait it decides and, after each answer, what both
 * windows have left; they are called after the lock is released.
 */
public final class InProcessRateBudget implements RateBudget {
  private final Clock clock;
  private final Duration margin;
  private final Span shortSpan;
  private final Span longSpan;
  private int inFlight;
  private final RateBudgetListeners listeners = new RateBudgetListeners();

  private InProcessRateBudget(Builder b) {
    this.clock = b.clock;
    this.margin = b.margin;
    long shortLimit = b.shortLimit != null ? b.shortLimit : 500L + 20L * b.users;
    long longLimit = b.longLimit != null ? b.longLimit : 5000L + 100L * b.users;
    this.shortSpan = new Span(b.shortLength, shortLimit);
    this.longSpan = new Span(b.longLength, longLimit);
  }

  /**
   * Starts a builder: no registered users, Polar's window lengths (15 minutes, 24 hours), the system clock, a one
   * second safety margin.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Decision tryAcquire() {
    Decision decision = decide();
    listeners.decided(decision);
    return decision;
  }

  private synchronized Decision decide() {
    Instant now = clock.instant();
    longSpan.expire(now);
    shortSpan.expire(now);
    if (longSpan.spent()) {
      return longSpan.waitFrom(now, Window.LONG);
    }
    if (shortSpan.spent()) {
      return shortSpan.waitFrom(now, Window.SHORT);
    }
    longSpan.take(now);
    shortSpan.take(now);
    inFlight++;
    return Decision.granted();
  }

  @Override
  public void answered(int status, @Nullable RateLimit reported) {
    long[] left = learn(status, reported);
    listeners.left(left[0], left[1]);
  }

  /**
   * Subscribes a listener: it hears every wait {@link #tryAcquire()} decides, and after each answer what both
   * windows have left.
   *
   * @param listener the listener
   * @return the subscription; close it to stop hearing
   */
  @Override
  public Subscription subscribe(RateBudgetListener listener) {
    return listeners.add(listener);
  }

  /** Applies an answer; returns what both windows have left. */
  private synchronized long[] learn(int status, @Nullable RateLimit reported) {
    inFlight = Math.max(0, inFlight - 1);
    Instant now = clock.instant();
    if (reported != null) {
      shortSpan.learn(now, reported.shortWindow());
      longSpan.learn(now, reported.longWindow());
    }
    if (status == 429
        && (reported == null
            || !(reported.shortWindow().isExhausted() || reported.longWindow().isExhausted()))) {
      shortSpan.markSpent(now);
    }
    shortSpan.expire(now);
    longSpan.expire(now);
    return new long[] {shortSpan.left(), longSpan.left()};
  }

  @Override
  public synchronized void unanswered() {
    inFlight = Math.max(0, inFlight - 1);
  }

  /**
   * The budget's view of both windows now, in the shape of Polar's headers: for metrics and logs.
   *
   * @return the state; a window not started yet shows its full length as its reset
   */
  public synchronized RateLimit state() {
    Instant now = clock.instant();
    shortSpan.expire(now);
    longSpan.expire(now);
    return new RateLimit(shortSpan.view(now), longSpan.view(now));
  }

  @Override
  public synchronized String toString() {
    return "InProcessRateBudget[short " + shortSpan.used + "/" + shortSpan.limit + ", long "
        + longSpan.used + "/" + longSpan.limit + "]";
  }

  /** One window; guarded by the budget's lock. */
  private final class Span {
    private final Duration length;
    private long limit;
    private long used;
    private @Nullable Instant resetAt;
    /** Whether {@link #resetAt} comes from Polar's headers rather than this budget's guess. */
    private boolean fromHeaders;

    Span(Duration length, long limit) {
      this.length = length;
      this.limit = limit;
    }

    void expire(Instant now) {
      if (resetAt != null && !now.isBefore(resetAt)) {
        used = 0;
        resetAt = null;
        fromHeaders = false;
      }
    }

    boolean spent() {
      return used >= limit;
    }

    long left() {
      return Math.min(Integer.MAX_VALUE, Math.max(0, limit - used));
    }

    Decision waitFrom(Instant now, Window window) {
      Instant at = resetAt != null ? resetAt : now.plus(length).plus(margin);
      return Decision.waitFor(window, Duration.between(now, at), at);
    }

    void take(Instant now) {
      if (resetAt == null) {
        resetAt = now.plus(length).plus(margin);
      }
      used++;
    }

    void learn(Instant now, RateLimit.Window reported) {
      Instant reportedReset = now.plus(reported.resetsIn()).plus(margin);
      limit = reported.limit();
      if (resetAt == null || reportedReset.isAfter(resetAt.plus(length.dividedBy(2)))) {
        // A window this budget had not seen start: count what Polar counted and everything still in
        // flight, which Polar may not have counted yet.
        used = reported.used() + inFlight;
        resetAt = reportedReset;
        fromHeaders = true;
        return;
      }
      if (reported.used() > used) {
        // Polar counted more than this budget granted: other traffic. Assume none of ours in flight
        // was counted yet.
        used = reported.used() + inFlight;
      }
      // Polar's resets are whole seconds and every answer rounds them again: the earliest report of
      // a window is the closest; the first report replaces this budget's own guess.
      resetAt = fromHeaders && resetAt.isBefore(reportedReset) ? resetAt : reportedReset;
      fromHeaders = true;
    }

    void markSpent(Instant now) {
      used = Math.max(used, limit);
      if (resetAt == null) {
        resetAt = now.plus(length).plus(margin);
      }
    }

    RateLimit.Window view(Instant now) {
      Duration left = resetAt == null ? length : Duration.between(now, resetAt);
      return new RateLimit.Window(used, limit, left);
    }
  }

  /** Builds an {@link InProcessRateBudget}. Not thread-safe. */
  public static final class Builder {
    private int users;
    private @Nullable Long shortLimit;
    private @Nullable Long longLimit;
    private Duration shortLength = Duration.ofMinutes(15);
    private Duration longLength = Duration.ofHours(24);
    private Clock clock = Clock.systemUTC();
    private Duration margin = Duration.ofSeconds(1);

    private Builder() {}

    /**
     * Sets the number of users registered with the partner client, for Polar's formula (default 0: 500 and 5000).
     *
     * @param users the number; not negative
     * @return this builder
     */
    public Builder registeredUsers(int users) {
      if (users < 0) {
        throw new IllegalArgumentException("registeredUsers must not be negative: " + users);
      }
      this.users = users;
      return this;
    }

    /**
     * Fixes the starting limits instead of Polar's formula (the answers' headers still correct them).
     *
     * @param shortLimit requests per short window; not negative
     * @param longLimit requests per long window; not negative
     * @return this builder
     */
    public Builder limits(long shortLimit, long longLimit) {
      if (shortLimit < 0 || longLimit < 0) {
        throw new IllegalArgumentException("limits must not be negative");
      }
      this.shortLimit = shortLimit;
      this.longLimit = longLimit;
      return this;
    }

    /**
     * Sets the windows' lengths (default Polar's 15 minutes and 24 hours); only a window not yet reported by an
     * answer uses them. For a server that compresses time, such as the testkit.
     *
     * @param shortLength the short window; positive
     * @param longLength the long window; positive
     * @return this builder
     */
    public Builder windowLengths(Duration shortLength, Duration longLength) {
      this.shortLength = positive(shortLength, "shortLength");
      this.longLength = positive(longLength, "longLength");
      return this;
    }

    /**
     * Sets the clock that resets are timed on (default the system UTC clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how much later than reported a window is taken to reset (default 1 s): Polar reports resets in whole
     * seconds and the answer took time to arrive, so a budget that trusted the figure to the millisecond could
     * send the first request of the next window a little before Polar starts it.
     *
     * @param margin the margin; not negative
     * @return this builder
     */
    public Builder safetyMargin(Duration margin) {
      if (Objects.requireNonNull(margin, "margin").isNegative()) {
        throw new IllegalArgumentException("margin must not be negative: " + margin);
      }
      this.margin = margin;
      return this;
    }

    private static Duration positive(Duration d, String name) {
      if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }

    /**
     * Builds the budget.
     *
     * @return a new budget with both windows unused
     */
    public InProcessRateBudget build() {
      return new InProcessRateBudget(this);
    }
  }
}
