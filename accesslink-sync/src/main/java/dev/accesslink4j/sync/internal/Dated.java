package dev.accesslink4j.sync.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * One item of a daily kind: its date (null when AccessLink sent none) and its name, stable from one read to the next
 * so that a later run recognises it: the date for the kinds with one item per day, the start time
 * ({@code 2026-11-30T23-10-00}) for the kinds that may have several items on one day (SleepWise periods, biosensing
 * periods and tests). Every name starts with the date, or with {@code undated}.
 *
 * @param date the item's date
 * @param name the item's name
 * @param value the parsed item
 */
public record Dated(@Nullable LocalDate date, String name, Object value) {
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss");

  /**
   * An item of a kind with one item per day, named by its date.
   *
   * @param date the date, or null
   * @param value the item
   * @return the dated item
   */
  public static Dated byDate(@Nullable LocalDate date, Object value) {
    return new Dated(date, date == null ? "undated" : date.toString(), value);
  }

  /**
   * An item that starts at a time, named by that time (local to the user, as AccessLink reports it).
   *
   * @param start the start, or null
   * @param value the item
   * @return the dated item
   */
  public static Dated byStart(@Nullable LocalDateTime start, Object value) {
    return start == null
        ? byDate(null, value)
        : new Dated(start.toLocalDate(), NAME.format(start), value);
  }
}
