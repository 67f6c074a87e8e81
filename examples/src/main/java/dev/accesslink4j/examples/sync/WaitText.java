package dev.accesslink4j.examples.sync;

import dev.accesslink4j.RateBudget;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The line shown while the rate budget holds requests back. */
final class WaitText {
  private WaitText() {}

  static String line(RateBudget.Window window, Duration wait, Instant resumeAt) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return "waiting " + seconds + " s for AccessLink's "
        + (window == RateBudget.Window.SHORT ? "15-minute" : "24-hour")
        + " rate-limit window (until "
        + resumeAt.truncatedTo(ChronoUnit.SECONDS) + ")";
  }
}
