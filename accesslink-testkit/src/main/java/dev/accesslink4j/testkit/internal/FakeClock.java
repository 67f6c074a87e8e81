package dev.accesslink4j.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that follows a base clock plus an offset the tests can advance (for code expiry and rate limits). */
public final class FakeClock extends Clock {
  private final Clock base;
  private volatile Duration offset = Duration.ZERO;

  /** A clock that starts at {@code base}. */
  public FakeClock(Clock base) {
    this.base = base;
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    FakeClock c = new FakeClock(base.withZone(zone));
    c.offset = offset;
    return c;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset);
  }

  /** Moves the clock forward. */
  public synchronized void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("cannot go back in time: " + d);
    }
    offset = offset.plus(d);
  }
}
