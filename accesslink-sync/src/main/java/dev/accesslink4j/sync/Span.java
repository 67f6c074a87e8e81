package dev.accesslink4j.sync;

import java.time.LocalDate;

/**
 * The dates a targeted sync reads, both included.
 *
 * @param from the first date
 * @param to the last date, not before {@code from}
 */
record Span(LocalDate from, LocalDate to) {
  /** The span between two dates, in whichever order they come. */
  static Span of(LocalDate from, LocalDate to) {
    return from.isAfter(to) ? new Span(to, from) : new Span(from, to);
  }
}
