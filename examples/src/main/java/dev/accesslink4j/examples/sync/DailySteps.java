package dev.accesslink4j.examples.sync;

import dev.accesslink4j.UserClient;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The non-transactional kinds for the days of a {@link DateWindow}: daily activity, sleep, Nightly Recharge,
 * continuous heart rate, cardio load, SleepWise and biosensing. One JSON file per day or per period, named by its
 * date or its start time ({@code 2025-08-14T07-30-00}, local time as AccessLink gives it). The API's windows are
 * respected: range requests cover at most 28 dates; sleep and Nightly Recharge come from their lists of the last 28
 * days, completed by per-date reads for older days of the window.
 */
final class DailySteps {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

  private final OutputWriter writer;
  private final DateWindow window;

  DailySteps(OutputWriter writer, DateWindow window) {
    this.writer = writer;
    this.window = window;
  }

  List<SyncStep> steps() {
    return List.of(
        ranged(
            "activity",
            (c, w) -> c.activities().list(w.from(), w.to(), ActivityQuery.all()),
            a -> day(a.getStartTime())),
        recent("sleep", c -> c.sleep().list(), (c, d) -> c.sleep().get(d), Sleep::getDate),
        recent(
            "nightly-recharge",
            c -> c.nightlyRecharge().list(),
            (c, d) -> c.nightlyRecharge().get(d),
            NightlyRecharge::getDate),
        ranged(
            "continuous-heart-rate",
            (c, w) -> c.continuousHeartRate().range(w.from(), w.to()),
            (ContinuousHeartRate h) -> text(h.getDate())),
        ranged(
            "cardio-load",
            (c, w) -> c.cardioLoad().range(w.from(), w.to()).stream()
                .filter(DailySteps::hasLoad)
                .toList(),
            (CardioLoad l) -> text(l.getDate())),
        ranged(
            "sleepwise-alertness",
            (c, w) -> c.sleepWise().alertness(w.from(), w.to()),
            (Alertness a) -> stamp(a.getPeriodStartTime())),
        ranged(
            "sleepwise-circadian-bedtime",
            (c, w) -> c.sleepWise().circadianBedtimes(w.from(), w.to()),
            (CircadianBedtime b) -> stamp(b.getPeriodStartTime())),
        ranged(
            "body-temperature",
            (c, w) -> c.biosensing().bodyTemperature(w.from(), w.to()),
            (BodyTemperaturePeriod t) -> stamp(t.getStartTime())),
        ranged(
            "skin-temperature",
            (c, w) -> c.biosensing().skinTemperature(w.from(), w.to()),
            (SkinTemperature t) -> text(t.getSleepDate())),
        ranged(
            "skin-contacts",
            (c, w) -> c.biosensing().skinContacts(w.from(), w.to()),
            (SkinContactPeriod s) -> stamp(s.getStartTime())),
        ranged(
            "ecg",
            (c, w) -> c.biosensing().ecgTests(w.from(), w.to()),
            (EcgTestResult e) -> testTime(e.getTestTime(), e.getTimeZoneOffset())),
        ranged(
            "spo2",
            (c, w) -> c.biosensing().spo2Tests(w.from(), w.to()),
            (Spo2TestResult s) -> testTime(s.getTestTime(), s.getTimeZoneOffset())));
  }

  /** A kind read from a range endpoint, chunk by chunk (at most 28 dates per request), oldest first. */
  private <T> SyncStep ranged(
      String kind,
      BiFunction<UserClient, DateWindow, List<T>> read,
      Function<T, @Nullable String> name) {
    return new SyncStep(kind, user -> {
      List<T> all = new ArrayList<>();
      for (DateWindow chunk : window.chunks(DateWindow.MAX_RANGE_DATES)) {
        all.addAll(read.apply(user.client(), chunk));
      }
      return write(user, kind, all, name);
    });
  }

  /**
   * A kind listed for the last 28 days: the window's days are taken from the list, and older days of the window are
   * read one by one (the by-date endpoints have no documented window). Files are named by date.
   */
  private <T> SyncStep recent(
      String kind,
      Function<UserClient, List<T>> list,
      BiFunction<UserClient, LocalDate, Optional<T>> byDate,
      Function<T, @Nullable LocalDate> date) {
    return new SyncStep(kind, user -> {
      LocalDate listed = window.to().minusDays(DateWindow.MAX_RANGE_DATES - 1L);
      List<T> all = new ArrayList<>();
      for (LocalDate d : window.dates()) {
        if (d.isBefore(listed)) {
          byDate.apply(user.client(), d).ifPresent(all::add);
        }
      }
      for (T item : list.apply(user.client())) {
        LocalDate d = date.apply(item);
        if (d != null && window.contains(d) && !d.isBefore(listed)) {
          all.add(item);
        }
      }
      return write(user, kind, all, item -> text(date.apply(item)));
    });
  }

  /** Writes one JSON file per item, named by {@code name} (a repeated name gets {@code -2}, {@code -3}...). */
  private <T> int write(
      SyncStep.User user, String kind, List<T> items, Function<T, @Nullable String> name) {
    Map<String, Integer> seen = new HashMap<>();
    for (T item : items) {
      String base = name.apply(item);
      if (base == null) {
        base = "undated";
      }
      int n = seen.merge(base, 1, Integer::sum);
      writer.json(user.folder(kind).resolve((n == 1 ? base : base + "-" + n) + ".json"), item);
    }
    return items.size();
  }

  private static boolean hasLoad(CardioLoad load) {
    return load.getCardioLoadStatus() != CardioLoadStatus.LOAD_STATUS_NOT_AVAILABLE;
  }

  private static @Nullable String text(@Nullable LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static @Nullable String day(@Nullable LocalDateTime time) {
    return time == null ? null : time.toLocalDate().toString();
  }

  private static @Nullable String stamp(@Nullable LocalDateTime time) {
    return time == null ? null : STAMP.format(time);
  }

  /** An ECG or SpO2 test's local time: epoch seconds plus the device's UTC offset in minutes. */
  private static @Nullable String testTime(
      @Nullable Long epochSeconds, @Nullable Integer offsetMinutes) {
    if (epochSeconds == null) {
      return null;
    }
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes == null ? 0 : offsetMinutes * 60);
    return STAMP.format(LocalDateTime.ofEpochSecond(epochSeconds, 0, offset));
  }
}
