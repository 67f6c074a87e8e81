package dev.accesslink4j.internal;

import dev.accesslink4j.errors.BadRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The date limits AccessLink puts on its non-transactional reads, checked before a request is sent so that a call
 * AccessLink would refuse with {@code 400} fails at once with an {@link IllegalArgumentException} that names the
 * limit.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Ranges are inclusive at both ends, as Polar documents them.
 *   <li>"The range may span at most 28 days" is read as <b>at most 28 calendar dates, {@code from} and {@code to}
 *       included</b> (for example 2025-08-01 to 2025-08-28). Polar does not say whether 29 dates would pass; the
 *       stricter reading never produces a request that AccessLink may refuse.
 *   <li>"Today" is the current date in UTC. Polar does not say which time zone its 365-day limit uses; a date right
 *       at the limit may still be refused with a {@link BadRequestException} when Polar's day has already turned.
 * </ul>
 */
public final class DateWindows {
  /** The most calendar dates one range request may cover, both ends included. */
  public static final int MAX_RANGE_DATES = 28;
  /** How many days back the daily-activity endpoints reach. */
  public static final int MAX_ACTIVITY_AGE_DAYS = 365;

  private final Clock clock;

  /** Limits measured against the system clock, in UTC. */
  public DateWindows() {
    this(Clock.systemUTC());
  }

  /**
   * Limits measured against a given clock, for tests.
   *
   * @param clock the clock whose date in UTC is today
   */
  public DateWindows(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Today's date in UTC. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * Checks that {@code from} is not after {@code to}.
   *
   * @throws IllegalArgumentException when it is
   */
  public static void requireOrdered(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from (" + from + ") is after to (" + to
          + "): a range runs from its first to its last day, both included");
    }
  }

  /**
   * Checks that the range is ordered and covers at most {@link #MAX_RANGE_DATES} dates.
   *
   * @throws IllegalArgumentException when it is not
   */
  public static void requireAtMost28Dates(LocalDate from, LocalDate to) {
    requireOrdered(from, to);
    long dates = ChronoUnit.DAYS.between(from, to) + 1;
    if (dates > MAX_RANGE_DATES) {
      throw new IllegalArgumentException("the range " + from + " to " + to + " covers " + dates
          + " dates, but AccessLink serves at most "
          + MAX_RANGE_DATES + " days per request (from and to included, so to may be at most "
          + from.plusDays(MAX_RANGE_DATES - 1) + "): split it into shorter ranges");
    }
  }

  /**
   * Checks that a daily-activity date is at most {@link #MAX_ACTIVITY_AGE_DAYS} days before today (UTC).
   *
   * @param name the parameter name, for the message
   * @throws IllegalArgumentException when it is older
   */
  public void requireWithinActivityHistory(String name, LocalDate date) {
    Objects.requireNonNull(date, name);
    LocalDate oldest = today().minusDays(MAX_ACTIVITY_AGE_DAYS);
    if (date.isBefore(oldest)) {
      throw new IllegalArgumentException(name + " (" + date + ") is more than "
          + MAX_ACTIVITY_AGE_DAYS + " days before today (" + today()
          + ", UTC): AccessLink serves daily activity for the last " + MAX_ACTIVITY_AGE_DAYS
          + " days only, so the oldest date is " + oldest);
    }
  }

  /**
   * Checks that a count of days or months is at least one.
   *
   * @param name the parameter name, for the message
   * @return the count
   * @throws IllegalArgumentException when it is zero or negative
   */
  public static int requirePositive(String name, int count) {
    if (count <= 0) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + count);
    }
    return count;
  }
}
