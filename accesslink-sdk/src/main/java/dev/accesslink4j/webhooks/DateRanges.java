package dev.accesslink4j.webhooks;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The checks every {@link DateRangeEvent} makes of its components: none missing, and the range not reversed. */
final class DateRanges {
  private DateRanges() {}

  static void check(LocalDate from, LocalDate to, Instant timestamp, URI url) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(url, "url");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to is before from");
    }
  }
}
