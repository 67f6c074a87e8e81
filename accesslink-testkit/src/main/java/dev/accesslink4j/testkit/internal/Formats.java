package dev.accesslink4j.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The date, time and duration shapes Polar uses, each written exactly as Polar writes it. */
public final class Formats {
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter LOCAL_CENTIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SS");
  private static final DateTimeFormatter LOCAL_MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final DateTimeFormatter OFFSET_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter HH_MM_SS_MILLIS =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  private Formats() {}

  /** {@code 2008-10-13T10:40:02.000Z}: upload times, registration dates, {@code created}. */
  public static String utcMillis(Instant instant) {
    return UTC_MILLIS.format(instant);
  }

  /** {@code 2018-05-15T14:22:24Z}: webhook timestamps. */
  public static String utcSeconds(Instant instant) {
    return UTC_SECONDS.format(instant);
  }

  /** {@code 2008-10-13T10:40:02}: device-local start times, UTC times without a marker. */
  public static String localSeconds(LocalDateTime time) {
    return LOCAL_SECONDS.format(time);
  }

  /** {@code 2022-11-20T20:52:20.57}: SleepWise sleep-period times (UTC, no marker, two fraction digits). */
  public static String localCentis(LocalDateTime time) {
    return LOCAL_CENTIS.format(time);
  }

  /** {@code 2025-08-14T00:02}: minute-precision local stamps. */
  public static String localMinutes(LocalDateTime time) {
    return LOCAL_MINUTES.format(time);
  }

  /** {@code 2020-01-01T00:39:07+03:00}: sleep start and end. */
  public static String offsetSeconds(OffsetDateTime time) {
    return OFFSET_SECONDS.format(time);
  }

  /** {@code 00:39}: hypnogram and sample map keys. */
  public static String hhmm(LocalDateTime time) {
    return HH_MM.format(time);
  }

  /** {@code 00:02:08}: continuous heart rate sample times. */
  public static String hhmmss(LocalDateTime time) {
    return HH_MM_SS.format(time);
  }

  /** {@code 12:37:33.000}: deprecated step sample times. */
  public static String hhmmssMillis(LocalDateTime time) {
    return HH_MM_SS_MILLIS.format(time);
  }

  /** {@code PT2H44M45S}: ISO-8601 with hours and minutes, whole seconds. */
  public static String duration(Duration duration) {
    return duration.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code PT2712.345S}: ISO-8601 in seconds with a millisecond fraction, as Polar writes exercise durations. */
  public static String secondsDuration(long millis) {
    return String.format(java.util.Locale.ROOT, "PT%d.%03dS", millis / 1000, millis % 1000);
  }
}
