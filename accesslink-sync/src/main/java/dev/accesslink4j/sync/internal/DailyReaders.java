package dev.accesslink4j.sync.internal;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.generated.model.ActivitySummaryWithAllSamples;
import dev.accesslink4j.generated.model.Alertness;
import dev.accesslink4j.generated.model.BodyTemperaturePeriod;
import dev.accesslink4j.generated.model.CardioLoad;
import dev.accesslink4j.generated.model.CardioLoadStatus;
import dev.accesslink4j.generated.model.CircadianBedtime;
import dev.accesslink4j.generated.model.ContinuousHeartRate;
import dev.accesslink4j.generated.model.EcgTestResult;
import dev.accesslink4j.generated.model.NightlyRecharge;
import dev.accesslink4j.generated.model.SkinContactPeriod;
import dev.accesslink4j.generated.model.SkinTemperature;
import dev.accesslink4j.generated.model.Sleep;
import dev.accesslink4j.generated.model.Spo2TestResult;
import dev.accesslink4j.services.ActivityQuery;
import dev.accesslink4j.sync.SyncKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads a daily kind for a range of dates through its range endpoint, in chunks of at most 28 dates (the SleepWise
 * and biosensing endpoints' limit, both ends included; the activity endpoint takes more, the others document none,
 * and 28 keeps every answer small), and calls {@code onRequest} before
 * every request it sends.
 */
public final class DailyReaders {
  /** The most dates one range request asks for. */
  public static final int MAX_RANGE_DATES = 28;

  private DailyReaders() {}

  /**
   * Reads the items of a kind dated from {@code from} to {@code to}, both included.
   *
   * @param kind a daily kind
   * @param client the user's client
   * @param from the first date
   * @param to the last date, not before {@code from}
   * @param today today's date, for the kinds served as "the last 28 days"
   * @param onRequest called before every request
   * @return the items in the order AccessLink sent them
   */
  public static List<Dated> read(
      SyncKind kind,
      UserClient client,
      LocalDate from,
      LocalDate to,
      LocalDate today,
      Runnable onRequest) {
    return switch (kind) {
      case DAILY_ACTIVITY ->
        chunked(
            from,
            to,
            onRequest,
            (f, t) -> dated(
                client.activities().list(f, t, ActivityQuery.all()),
                (ActivitySummaryWithAllSamples a) ->
                    a.getStartTime() == null ? null : a.getStartTime().toLocalDate()));
      case CONTINUOUS_HEART_RATE ->
        chunked(
            from,
            to,
            onRequest,
            (f, t) ->
                dated(client.continuousHeartRate().range(f, t), ContinuousHeartRate::getDate));
      case CARDIO_LOAD ->
        chunked(
            from,
            to,
            onRequest,
            (f, t) -> dated(
                client.cardioLoad().range(f, t).stream()
                    .filter(
                        l -> l.getCardioLoadStatus() != CardioLoadStatus.LOAD_STATUS_NOT_AVAILABLE)
                    .toList(),
                CardioLoad::getDate));
      case SLEEP ->
        recent(
            from,
            to,
            today,
            onRequest,
            () -> dated(client.sleep().list(), Sleep::getDate),
            d -> client.sleep().get(d).map(s -> Dated.byDate(s.getDate(), s)));
      case NIGHTLY_RECHARGE ->
        recent(
            from,
            to,
            today,
            onRequest,
            () -> dated(client.nightlyRecharge().list(), NightlyRecharge::getDate),
            d -> client.nightlyRecharge().get(d).map(n -> Dated.byDate(n.getDate(), n)));
      case SLEEP_WISE_ALERTNESS ->
        chunked(
            from,
            to,
            onRequest,
            (f, t) -> started(
                client.sleepWise().alertness(f, t), (Alertness a) -> a.getPeriodStartTime()));
      case SLEEP_WISE_CIRCADIAN_BEDTIME ->
        chunked(
            from,
            to,
            onRequest,
            (f, t) -> started(
                client.sleepWise().circadianBedtimes(f, t),
                (CircadianBedtime c) -> c.getPeriodStartTime()));
      case BODY_TEMPERATURE ->
        chunked(
            from,
            to,
            onRequest,
            (f, t) -> started(
                client.biosensing().bodyTemperature(f, t),
                (BodyTemperaturePeriod p) -> p.getStartTime()));
      case SKIN_TEMPERATURE ->
        chunked(
            from,
            to,
            onRequest,
            (f, t) ->
                dated(client.biosensing().skinTemperature(f, t), SkinTemperature::getSleepDate));
      case SKIN_CONTACTS ->
        chunked(
            from,
            to,
            onRequest,
            (f, t) -> started(
                client.biosensing().skinContacts(f, t), (SkinContactPeriod p) -> p.getStartTime()));
      case ECG ->
        chunked(
            from,
            to,
            onRequest,
            (f, t) -> started(
                client.biosensing().ecgTests(f, t),
                (EcgTestResult e) -> testStart(e.getTestTime(), e.getTimeZoneOffset())));
      case SPO2 ->
        chunked(
            from,
            to,
            onRequest,
            (f, t) -> started(
                client.biosensing().spo2Tests(f, t),
                (Spo2TestResult s) -> testStart(s.getTestTime(), s.getTimeZoneOffset())));
      case EXERCISES, PHYSICAL_INFO ->
        throw new IllegalArgumentException("not a daily kind: " + kind);
    };
  }

  private interface Range {
    List<Dated> read(LocalDate from, LocalDate to);
  }

  private static List<Dated> chunked(
      LocalDate from, LocalDate to, Runnable onRequest, Range range) {
    List<Dated> all = new ArrayList<>();
    for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(MAX_RANGE_DATES)) {
      LocalDate end = start.plusDays(MAX_RANGE_DATES - 1L);
      if (end.isAfter(to)) {
        end = to;
      }
      onRequest.run();
      all.addAll(range.read(start, end));
    }
    return all;
  }

  /**
   * Sleep and Nightly Recharge list only the last 28 days: one list request covers a range inside them (the usual
   * case); a single older date is read by date (one request each).
   */
  private static List<Dated> recent(
      LocalDate from,
      LocalDate to,
      LocalDate today,
      Runnable onRequest,
      java.util.function.Supplier<List<Dated>> list,
      Function<LocalDate, Optional<Dated>> byDate) {
    LocalDate listed = today.minusDays(MAX_RANGE_DATES - 1L);
    List<Dated> all = new ArrayList<>();
    if (from.equals(to)) {
      onRequest.run();
      byDate.apply(from).ifPresent(all::add);
      return all;
    }
    for (LocalDate d = from; !d.isAfter(to) && d.isBefore(listed); d = d.plusDays(1)) {
      onRequest.run();
      byDate.apply(d).ifPresent(all::add);
    }
    if (!to.isBefore(listed)) {
      onRequest.run();
      for (Dated item : list.get()) {
        LocalDate d = item.date();
        if (d != null && !d.isBefore(from) && !d.isAfter(to) && !d.isBefore(listed)) {
          all.add(item);
        }
      }
    }
    return all;
  }

  /** ECG and SpO2 tests carry epoch seconds and the local offset in minutes: the local time of the test. */
  private static @Nullable LocalDateTime testStart(
      @Nullable Long epochSeconds, @Nullable Integer offsetMinutes) {
    if (epochSeconds == null) {
      return null;
    }
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes == null ? 0 : offsetMinutes * 60);
    return Instant.ofEpochSecond(epochSeconds).atOffset(offset).toLocalDateTime();
  }

  /** Items that may be several on one day, each named by its start time. */
  private static <T> List<Dated> started(
      List<T> items, Function<T, @Nullable LocalDateTime> start) {
    List<Dated> out = new ArrayList<>(items.size());
    for (T item : items) {
      out.add(Dated.byStart(start.apply(item), item));
    }
    return out;
  }

  private static <T> List<Dated> dated(List<T> items, Function<T, LocalDate> date) {
    List<Dated> out = new ArrayList<>(items.size());
    for (T item : items) {
      out.add(Dated.byDate(date.apply(item), item));
    }
    return out;
  }

  /**
   * The number of dates from {@code from} to {@code to}, both included.
   *
   * @param from the first date
   * @param to the last date
   * @return the count
   */
  public static long dates(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }
}
