package dev.accesslink4j.webhooks;

import java.time.LocalDate;

/**
 * A webhook event announcing new data for a range of days rather than one day or one session: the SleepWise
 * {@link AlertnessEvent} and {@link CircadianBedtimeEvent}. {@link #fetch} reads the whole range.
 *
 * @param <T> what {@link #fetch} returns: a list of the periods computed for the range
 */
public sealed interface DateRangeEvent<T> extends DataEvent<T>
    permits AlertnessEvent, CircadianBedtimeEvent {

  /**
   * The first day of the period with new data ({@code from}).
   *
   * @return the first day
   */
  LocalDate from();

  /**
   * The last day of the period with new data ({@code to}), never before {@link #from()}.
   *
   * @return the last day
   */
  LocalDate to();

  /**
   * The type, the user and the range.
   *
   * @return for example {@code SLEEP_WISE_ALERTNESS:475:2019-12-30..2019-12-31}
   */
  @Override
  default String deduplicationKey() {
    return type() + ":" + userId() + ":" + from() + ".." + to();
  }
}
