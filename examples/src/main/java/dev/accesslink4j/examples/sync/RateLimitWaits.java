package dev.accesslink4j.examples.sync;

import dev.accesslink4j.RateBudget;
import dev.accesslink4j.sync.SyncListener;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Counts how often the client's rate budget held a request back (the report has no such count); thread-safe. */
public final class RateLimitWaits implements SyncListener {
  private final AtomicLong waits = new AtomicLong();

  /** Creates a counter at zero. */
  public RateLimitWaits() {}

  @Override
  public void budgetWaiting(RateBudget.Window window, Duration wait, Instant resumeAt) {
    waits.incrementAndGet();
  }

  /**
   * The waits so far.
   *
   * @return the count
   */
  public long count() {
    return waits.get();
  }
}
