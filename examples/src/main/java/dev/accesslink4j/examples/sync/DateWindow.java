package dev.accesslink4j.examples.sync;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The days a sync covers: the last {@code days} days up to and including {@code today}, and the ways to cut them
 * into the ranges AccessLink accepts.
 *
 * @param from the first day
 * @param to the last day (today)
 */
public record DateWindow(LocalDate from, LocalDate to) {
  /** The most dates AccessLink's range endpoints (activity, SleepWise, biosensing) accept in one request. */
  public static final int MAX_RANGE_DATES = 28;
  /** How far back AccessLink serves daily activity and the largest {@code --days} accepted. */
  public static final int MAX_DAYS = 365;

  /**
   * Checks the window.
   *
   * @param from the first day
   * @param to the last day
   * @throws IllegalArgumentException when {@code from} is after {@code to}
   */
  public DateWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
  }

  /**
   * The last {@code days} days, today included.
   *
   * @param today the last day
   * @param days how many days, 1 to {@link #MAX_DAYS}
   * @return the window
   * @throws IllegalArgumentException when {@code days} is out of range
   */
  public static DateWindow lastDays(LocalDate today, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ": " + days);
    }
    return new DateWindow(today.minusDays(days - 1L), today);
  }

  /**
   * Whether a date lies in the window.
   *
   * @param date the date, may be null (then false)
   * @return true when {@code from <= date <= to}
   */
  public boolean contains(LocalDate date) {
    return date != null && !date.isBefore(from) && !date.isAfter(to);
  }

  /**
   * Cuts the window into consecutive ranges of at most {@code maxDates} dates, oldest first.
   *
   * @param maxDates the most dates per range, at least 1
   * @return the ranges
   */
  public List<DateWindow> chunks(int maxDates) {
    if (maxDates < 1) {
      throw new IllegalArgumentException("maxDates must be positive: " + maxDates);
    }
    List<DateWindow> chunks = new ArrayList<>();
    for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(maxDates)) {
      LocalDate end = start.plusDays(maxDates - 1L);
      chunks.add(new DateWindow(start, end.isAfter(to) ? to : end));
    }
    return List.copyOf(chunks);
  }

  /**
   * Every date of the window, oldest first.
   *
   * @return the dates
   */
  public List<LocalDate> dates() {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      dates.add(d);
    }
    return List.copyOf(dates);
  }

  /**
   * How many dates the window covers.
   *
   * @return at least 1
   */
  public long length() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }
}
