package dev.accesslink4j.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers recently seen webhook events in this process's memory so a repeated delivery is processed once: the
 * {@link DeliveryDeduplicator} for one receiver process. AccessLink sends no event id and
 * promises no duplicate suppression (the same SLEEP event has been delivered twice), so events are keyed by
 * {@link WebhookEvent#deduplicationKey()}: event type, user and exercise id, date or from/to range.
 *
 * <p>Memory is bounded: at most {@code maxEntries} keys, each forgotten {@code window} after it was first seen
 * (oldest evicted first when full). Thread-safe. It lives in one process's memory: several receiver instances, or a
 * restart, need a shared {@link DeliveryDeduplicator} keyed the same way (a unique constraint on the key is enough).
 *
 * <p>Choose the window with care: an event arriving again within it is dropped even if Polar re-sent it because the
 * data changed again (a re-scored night, updated physical information). Since {@link DataEvent#fetch} always reads
 * the current data, a short window (the default is 10 minutes) catches the repeated deliveries without hiding later
 * changes for long. If processing an event fails after {@link #firstDelivery} let it through, call
 * {@link #forget(WebhookEvent)} so AccessLink's next attempt is processed.
 *
 * <pre>{@code
 * WebhookDeduplicator seen = WebhookDeduplicator.create();
 * if (event instanceof DataEvent<?> data && seen.firstDelivery(data)) {
 *   queue.submit(data);
 * }
 * }</pre>
 */
public final class WebhookDeduplicator implements DeliveryDeduplicator {
  /** The default number of keys remembered. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  /** The default time a key is remembered. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

  private final int maxEntries;
  private final Duration window;
  private final Clock clock;
  private final LinkedHashMap<String, Instant> firstSeen = new LinkedHashMap<>();

  private WebhookDeduplicator(Builder b) {
    this.maxEntries = b.maxEntries;
    this.window = b.window;
    this.clock = b.clock;
  }

  /**
   * A de-duplicator with the defaults: {@value #DEFAULT_MAX_ENTRIES} keys, a 10-minute window, the UTC system
   * clock.
   *
   * @return the de-duplicator
   */
  public static WebhookDeduplicator create() {
    return builder().build();
  }

  /**
   * Starts building a de-duplicator with other limits.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records an event and says whether it is new. Pings are never remembered and always count as new.
   *
   * @param event a verified event
   * @return true the first time the event's key is seen within the window; false for a repeated delivery
   */
  @Override
  public boolean firstDelivery(WebhookEvent event) {
    Objects.requireNonNull(event, "event");
    if (event instanceof PingEvent) {
      return true;
    }
    String key = event.deduplicationKey();
    Instant now = clock.instant();
    synchronized (firstSeen) {
      evictExpired(now);
      Instant seen = firstSeen.get(key);
      if (seen != null && !expired(seen, now)) {
        return false;
      }
      firstSeen.remove(key);
      firstSeen.put(key, now);
      Iterator<String> oldest = firstSeen.keySet().iterator();
      while (firstSeen.size() > maxEntries) {
        oldest.next();
        oldest.remove();
      }
      return true;
    }
  }

  /**
   * Forgets an event, so its next delivery counts as new again. Call it when processing an event failed after
   * {@link #firstDelivery} returned true.
   *
   * @param event the event to forget
   */
  @Override
  public void forget(WebhookEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (firstSeen) {
      firstSeen.remove(event.deduplicationKey());
    }
  }

  /**
   * How many keys are remembered right now (expired ones may still count until the next call to
   * {@link #firstDelivery}).
   *
   * @return at most {@code maxEntries}
   */
  public int size() {
    synchronized (firstSeen) {
      return firstSeen.size();
    }
  }

  private void evictExpired(Instant now) {
    Iterator<Map.Entry<String, Instant>> it = firstSeen.entrySet().iterator();
    while (it.hasNext()) {
      if (!expired(it.next().getValue(), now)) {
        return;
      }
      it.remove();
    }
  }

  private boolean expired(Instant seen, Instant now) {
    return !now.isBefore(seen.plus(window));
  }

  @Override
  public String toString() {
    return "WebhookDeduplicator[maxEntries=" + maxEntries + ", window=" + window + ", size="
        + size() + "]";
  }

  /** Builds a {@link WebhookDeduplicator}. */
  public static final class Builder {
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private Duration window = DEFAULT_WINDOW;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets how many keys are remembered at most (default 10,000); the oldest is
     * forgotten first.
     *
     * @param maxEntries a positive number
     * @return this builder
     */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries must be positive");
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * Sets how long a key is remembered after it was first seen (default 10 minutes).
     *
     * @param window a positive duration
     * @return this builder
     */
    public Builder window(Duration window) {
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window must be positive");
      }
      this.window = window;
      return this;
    }

    /**
     * Sets the clock the window is measured with (default UTC system clock); tests pass a controllable one.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the de-duplicator.
     *
     * @return a thread-safe, empty de-duplicator
     */
    public WebhookDeduplicator build() {
      return new WebhookDeduplicator(this);
    }
  }
}
