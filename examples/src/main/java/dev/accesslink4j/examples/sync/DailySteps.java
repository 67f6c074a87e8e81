package dev.accesslink4j.examples.sync;

import dev.accesslink4j.ActivityQuery;
import dev.accesslink4j.UserClient;
import dev.accesslink4j.generated.model.CardioLoad;
import dev.accesslink4j.generated.model.CardioLoadStatusEnum;
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
 * date or start time; the API's windows are respected (ranges of at most 28 dates, lists of the last 28 days
 * completed by per-date reads for older days).
 */
final class DailySteps {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

  private final OutputWriter writer;
  private final DateWindow window;

  DailySteps(OutputWriter writer, DateWindow window) {
    this.writer = writer;
    this.window = window;
  }

  List<SyncStep> steps() {
    return List.of(
        new SyncStep(
            "activity",
            u -> write(u, "activity", ranged(u, (c, w) -> c.activities().list(w.from(), w.to(), ActivityQuery.all())),
                a -> day(a.getStartTime()))),
        new SyncStep(
            "sleep",
            u -> write(u, "sleep", recent(u.client().sleep().list(), s -> s.getDate(), d -> u.client().sleep().get(d)),
                s -> text(s.getDate()))),
        new SyncStep(
            "nightly-recharge",
            u -> write(u, "nightly-recharge",
                recent(u.client().nightlyRecharge().list(), r -> r.getDate(), d -> u.client().nightlyRecharge().get(d)),
                r -> text(r.getDate()))),
        new SyncStep(
            "continuous-heart-rate",
            u -> write(u, "continuous-heart-rate", ranged(u, (c, w) -> c.continuousHeartRate().range(w.from(), w.to())),
                h -> text(h.getDate()))),
        new SyncStep(
            "cardio-load",
            u -> write(u, "cardio-load",
                ranged(u, (c, w) -> c.cardioLoad().range(w.from(), w.to())).stream()
                    .filter(DailySteps::hasLoad)
                    .toList(),
                l -> text(l.getDate()))),
        new SyncStep(
            "sleepwise-alertness",
            u -> write(u, "sleepwise-alertness", ranged(u, (c, w) -> c.sleepWise().alertness(w.from(), w.to())),
                a -> stamp(a.getPeriodStartTime()))),
        new SyncStep(
            "sleepwise-circadian-bedtime",
            u -> write(u, "sleepwise-circadian-bedtime",
                ranged(u, (c, w) -> c.sleepWise().circadianBedtimes(w.from(), w.to())),
                b -> stamp(b.getPeriodStartTime()))),
        new SyncStep(
            "body-temperature",
            u -> write(u, "body-temperature", ranged(u, (c, w) -> c.biosensing().bodyTemperature(w.from(), w.to())),
                t -> stamp(t.getStartTime()))),
        new SyncStep(
            "skin-temperature",
            u -> write(u, "skin-temperature", ranged(u, (c, w) -> c.biosensing().skinTemperature(w.from(), w.to())),
                t -> text(t.getSleepDate()))),
        new SyncStep(
            "skin-contacts",
            u -> write(u, "skin-contacts", ranged(u, (c, w) -> c.biosensing().skinContacts(w.from(), w.to())),
                s -> stamp(s.getStartTime()))),
        new SyncStep(
            "ecg",
            u -> write(u, "ecg", ranged(u, (c, w) -> c.biosensing().ecgTests(w.from(), w.to())),
                e -> testTime(e.getTestTime(), e.getTimeZoneOffset()))),
        new SyncStep(
            "spo2",
            u -> write(u, "spo2", ranged(u, (c, w) -> c.biosensing().spo2Tests(w.from(), w.to())),
                s -> testTime(s.getTestTime(), s.getTimeZoneOffset()))));
  }

  /** Reads a range endpoint chunk by chunk (at most 28 dates per request), oldest first. */
  private <T> List<T> ranged(SyncStep.User user, BiFunction<UserClient, DateWindow, List<T>> read) {
    List<T> all = new ArrayList<>();
    for (DateWindow chunk : window.chunks(DateWindow.MAX_RANGE_DATES)) {
      all.addAll(read.apply(user.client(), chunk));
    }
    return all;
  }

  /**
   * Takes the window's days from a list of the last 28 days, and reads older days of the window one by one (the
   * by-date endpoints have no documented window).
   */
  private <T> List<T> recent(
      List<T> lastDays, Function<T, @Nullable LocalDate> date, Function<LocalDate, Optional<T>> byDate) {
    List<T> all = new ArrayList<>();
    LocalDate listed = window.to().minusDays(DateWindow.MAX_RANGE_DATES - 1L);
    for (LocalDate d : window.dates()) {
      if (d.isBefore(listed)) {
        byDate.apply(d).ifPresent(all::add);
      }
    }
    for (T item : lastDays) {
      LocalDate d = date.apply(item);
      if (d != null && window.contains(d) && !d.isBefore(listed)) {
        all.add(item);
      }
    }
    return all;
  }

  /** Writes one JSON file per item, named by {@code name} (a repeated name gets {@code -2}, {@code -3}...). */
  private <T> int write(SyncStep.User user, String kind, List<T> items, Function<T, @Nullable String> name) {
    Map<String, Integer> seen = new HashMap<>();
    int count = 0;
    for (T item : items) {
      String base = name.apply(item);
      if (base == null) {
        base = "undated";
      }
      int n = seen.merge(base, 1, Integer::sum);
      String file = n == 1 ? base : base + "-" + n;
      writer.json(user.folder(kind).resolve(file + ".json"), item);
      count++;
    }
    return count;
  }

  private static boolean hasLoad(CardioLoad load) {
    return load.getCardioLoadStatus() != CardioLoadStatusEnum.LOAD_STATUS_NOT_AVAILABLE;
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
  private static @Nullable String testTime(@Nullable Long epochSeconds, @Nullable Integer offsetMinutes) {
    if (epochSeconds == null) {
      return null;
    }
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes == null ? 0 : offsetMinutes * 60);
    return STAMP.format(LocalDateTime.ofEpochSecond(epochSeconds, 0, offset));
  }
}
