package dev.accesslink4j.testkit.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.accesslink4j.testkit.Route;
import dev.accesslink4j.testkit.internal.Account.DayKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every day-level resource: daily activity, continuous heart rate, cardio load, SleepWise, biosensing, sleep,
 * Nightly Recharge and physical information, with their date and range rules. Called with the engine's lock held.
 * An account that is not registered has no data: lists are empty, by-date reads answer their "no data" status.
 */
final class DailyDataHandler {
  static final int LIST_DAYS = 28;
  static final int MAX_AGE_DAYS = 365;

  private final Engine engine;

  DailyDataHandler(Engine engine) {
    this.engine = engine;
  }

  Reply handle(Route route, Call call) {
    engine.auth.user(call);
    return switch (route) {
      case LIST_ACTIVITIES -> listActivities(call);
      case GET_ACTIVITY -> getActivity(call);
      case LIST_ACTIVITY_SAMPLES -> listActivitySamples(call);
      case GET_ACTIVITY_SAMPLES -> getActivitySamples(call);
      case GET_CONTINUOUS_HEART_RATE -> getContinuousHeartRate(call);
      case LIST_CONTINUOUS_HEART_RATE -> listContinuousHeartRate(call);
      case LIST_CARDIO_LOAD -> cardioList(call, today().minusDays(LIST_DAYS - 1), today());
      case GET_CARDIO_LOAD -> {
        LocalDate d = date(call.param("date"));
        yield cardioList(call, d, d);
      }
      case LIST_CARDIO_LOAD_BY_DATE_RANGE -> cardioRange(call);
      case LIST_CARDIO_LOAD_BY_DAYS ->
        cardioList(call, today().minusDays(positive(call, "days") - 1L), today());
      case LIST_CARDIO_LOAD_BY_MONTHS ->
        cardioList(call, today().minusMonths(positive(call, "months")).plusDays(1), today());
      case LIST_ALERTNESS -> sleepWise(call, false, false);
      case LIST_ALERTNESS_BY_DATE_RANGE -> sleepWise(call, false, true);
      case LIST_CIRCADIAN_BEDTIME -> sleepWise(call, true, false);
      case LIST_CIRCADIAN_BEDTIME_BY_DATE_RANGE -> sleepWise(call, true, true);
      case LIST_BODY_TEMPERATURE ->
        biosensing(
            call, DayKind.BIOSENSING, d -> HealthViews.bodyTemperature(seed(), account(call), d));
      case LIST_SKIN_TEMPERATURE ->
        biosensing(
            call, DayKind.BIOSENSING, d -> HealthViews.skinTemperature(seed(), account(call), d));
      case LIST_SKIN_CONTACTS ->
        biosensing(
            call, DayKind.BIOSENSING, d -> HealthViews.skinContacts(seed(), account(call), d));
      case LIST_ECG ->
        biosensing(call, DayKind.ECG, d -> HealthViews.ecg(seed(), account(call), d));
      case LIST_SPO2 ->
        biosensing(call, DayKind.SPO2, d -> HealthViews.spo2(seed(), account(call), d));
      case LIST_SLEEP -> nightList(call, DayKind.SLEEP, "nights");
      case GET_SLEEP -> nightGet(call, DayKind.SLEEP);
      case LIST_AVAILABLE_SLEEP -> nightList(call, DayKind.SLEEP, "available");
      case LIST_NIGHTLY_RECHARGE -> nightList(call, DayKind.NIGHTLY_RECHARGE, "recharges");
      case GET_NIGHTLY_RECHARGE -> nightGet(call, DayKind.NIGHTLY_RECHARGE);
      case GET_PHYSICAL_INFO -> physicalInfo(call);
      default -> throw new IllegalStateException("not a daily data route: " + route);
    };
  }

  private long seed() {
    return engine.config.seed();
  }

  private LocalDate today() {
    return engine.today();
  }

  private Account account(Call call) {
    return engine.auth.user(call);
  }

  // ---------------------------------------------------------------- dates and ranges

  LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new Halt(engine.error(400, "Invalid date: " + text + " (expected YYYY-MM-DD)"));
    }
  }

  private int positive(Call call, String param) {
    try {
      int n = Integer.parseInt(call.param(param));
      if (n >= 1 && n <= 3650) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new Halt(engine.error(400, param + " must be a positive integer"));
  }

  private void notTooOld(LocalDate d) {
    if (d.isBefore(today().minusDays(MAX_AGE_DAYS))) {
      throw new Halt(engine.error(400, "Date " + d + " is older than " + MAX_AGE_DAYS + " days"));
    }
  }

  /** The dates of a kind for an account (none before registration), inside [from, to]. */
  private NavigableSet<LocalDate> days(Account a, DayKind kind, LocalDate from, LocalDate to) {
    if (!a.registered() || to.isBefore(from)) {
      return new TreeSet<>();
    }
    return a.days(kind).subSet(from, true, to, true);
  }

  /**
   * Resolves a range: {@code from}/{@code to} optional ({@code to} defaults to today, {@code from} to 27 days before
   * {@code to}), or both required; the span at most {@code maxSpan} days (0: unlimited); {@code from} not after
   * {@code to}; with {@code maxAge}, {@code from} not older than 365 days.
   */
  private LocalDate[] range(Call call, boolean required, int maxSpan, boolean maxAge) {
    String f = call.query("from").orElse(null);
    String t = call.query("to").orElse(null);
    if (required && (f == null || t == null)) {
      throw new Halt(engine.error(400, "Query parameters from and to are required"));
    }
    LocalDate to = t == null ? today() : date(t);
    LocalDate from = f == null ? to.minusDays(LIST_DAYS - 1) : date(f);
    if (to.isBefore(from)) {
      throw new Halt(engine.error(400, "from must not be after to"));
    }
    if (maxSpan > 0 && ChronoUnit.DAYS.between(from, to) > maxSpan) {
      throw new Halt(engine.error(400, "Date range longer than " + maxSpan + " days"));
    }
    if (maxAge) {
      notTooOld(from);
    }
    return new LocalDate[] {from, to};
  }

  // ---------------------------------------------------------------- activity

  private Reply listActivities(Call call) {
    Account a = engine.auth.user(call);
    LocalDate[] r = range(call, false, LIST_DAYS, true);
    JsonArray arr = Json.arr();
    for (LocalDate d : days(a, DayKind.ACTIVITY, r[0], r[1])) {
      arr.add(DailyViews.activitySummary(
          ActivityDay.of(seed(), a, d),
          call.flag("steps"),
          call.flag("activity_zones"),
          call.flag("inactivity_stamps")));
    }
    return Reply.json(200, arr);
  }

  private Reply getActivity(Call call) {
    Account a = engine.auth.user(call);
    LocalDate d = date(call.param("date"));
    notTooOld(d);
    if (days(a, DayKind.ACTIVITY, d, d).isEmpty()) {
      return Reply.empty(204);
    }
    return Reply.json(
        200,
        DailyViews.activitySummary(
            ActivityDay.of(seed(), a, d),
            call.flag("steps"),
            call.flag("activity_zones"),
            call.flag("inactivity_stamps")));
  }

  private Reply listActivitySamples(Call call) {
    Account a = engine.auth.user(call);
    LocalDate[] r = range(call, false, LIST_DAYS, true);
    JsonArray arr = Json.arr();
    for (LocalDate d : days(a, DayKind.ACTIVITY, r[0], r[1])) {
      arr.add(DailyViews.activitySamples(ActivityDay.of(seed(), a, d), true, true, true));
    }
    return Reply.json(200, arr);
  }

  private Reply getActivitySamples(Call call) {
    Account a = engine.auth.user(call);
    LocalDate d = date(call.param("date"));
    notTooOld(d);
    if (days(a, DayKind.ACTIVITY, d, d).isEmpty()) {
      return Reply.empty(204);
    }
    return Reply.json(
        200, DailyViews.activitySamples(ActivityDay.of(seed(), a, d), true, true, true));
  }

  // ---------------------------------------------------------------- continuous heart rate

  private Reply getContinuousHeartRate(Call call) {
    Account a = engine.auth.user(call);
    LocalDate d = date(call.param("date"));
    if (days(a, DayKind.CONTINUOUS_HEART_RATE, d, d).isEmpty()) {
      return engine.error(404, "No continuous heart rate data for " + d);
    }
    return Reply.json(200, DailyViews.continuousHeartRate(seed(), a, d, engine.profileUrl(a.id)));
  }

  /** The range form answers {@code {"heart_rates": [one object per day]}}, the shape partners report. */
  private Reply listContinuousHeartRate(Call call) {
    Account a = engine.auth.user(call);
    LocalDate[] r = range(call, true, 0, false);
    JsonArray arr = Json.arr();
    for (LocalDate d : days(a, DayKind.CONTINUOUS_HEART_RATE, r[0], r[1])) {
      arr.add(DailyViews.continuousHeartRate(seed(), a, d, engine.profileUrl(a.id)));
    }
    return Reply.json(200, Json.obj().put("heart_rates", arr).build());
  }

  // ---------------------------------------------------------------- cardio load

  private TreeSet<LocalDate> cardioDays(Account a) {
    TreeSet<LocalDate> set = new TreeSet<>();
    if (!a.registered()) {
      return set;
    }
    set.addAll(a.days(DayKind.CARDIO_LOAD));
    for (ExerciseRecord e : a.exercises) {
      if (e.plan.heartRate()) {
        set.add(e.plan.startLocal().toLocalDate());
      }
    }
    return set;
  }

  /**
   * A day's cardio load: the training loads of its exercises. Before the account's first recorded day the fake
   * assumes a plausible training history (a session on about half of the days), so strain, tolerance and status
   * look like a long-time user's from the first entry on instead of "overreaching" from an empty history.
   */
  private double dailyLoad(Account a, LocalDate d, LocalDate firstDay) {
    if (d.isBefore(firstDay)) {
      Rnd r = Rnd.of(seed(), a.id, "history", d.toEpochDay());
      return r.chance(0.5) ? r.uniform(40, 130) : 0;
    }
    double load = 0;
    for (ExerciseRecord e : a.exercises) {
      if (e.plan.startLocal().toLocalDate().equals(d)) {
        load += e.track().trainingLoad();
      }
    }
    return load;
  }

  private Reply cardioList(Call call, LocalDate from, LocalDate to) {
    Account a = engine.auth.user(call);
    JsonArray arr = Json.arr();
    TreeSet<LocalDate> days = cardioDays(a);
    LocalDate first = days.isEmpty() ? from : days.first();
    for (LocalDate d : days.subSet(from, true, to, true)) {
      arr.add(HealthViews.cardioLoad(d, true, day -> dailyLoad(a, day, first)));
    }
    return Reply.json(200, arr);
  }

  private Reply cardioRange(Call call) {
    Account a = engine.auth.user(call);
    LocalDate[] r = range(call, true, 0, false);
    TreeSet<LocalDate> days = cardioDays(a);
    LocalDate first = days.isEmpty() ? r[0] : days.first();
    JsonArray arr = Json.arr();
    for (LocalDate d = r[0]; !d.isAfter(r[1]); d = d.plusDays(1)) {
      arr.add(HealthViews.cardioLoad(d, days.contains(d), day -> dailyLoad(a, day, first)));
    }
    return Reply.json(200, arr);
  }

  // ---------------------------------------------------------------- SleepWise

  private Reply sleepWise(Call call, boolean circadian, boolean ranged) {
    Account a = engine.auth.user(call);
    LocalDate from = today().minusDays(LIST_DAYS - 1);
    LocalDate to = today();
    if (ranged) {
      LocalDate[] r = range(call, true, LIST_DAYS, false);
      from = r[0];
      to = r[1];
    }
    JsonArray arr = Json.arr();
    for (LocalDate d : days(a, DayKind.SLEEP_WISE, from, to)) {
      boolean prediction = d.equals(today());
      arr.add(
          circadian
              ? HealthViews.circadianBedtime(seed(), a, d, prediction)
              : HealthViews.alertness(seed(), a, d, prediction));
    }
    return arr.isEmpty() ? Reply.empty(204) : Reply.json(200, arr);
  }

  // ---------------------------------------------------------------- biosensing

  private Reply biosensing(Call call, DayKind kind, Function<LocalDate, JsonObject> view) {
    Account a = engine.auth.user(call);
    LocalDate[] r = range(call, false, LIST_DAYS, false);
    JsonArray arr = Json.arr();
    for (LocalDate d : days(a, kind, r[0], r[1])) {
      arr.add(view.apply(d));
    }
    return arr.isEmpty() ? Reply.empty(204) : Reply.json(200, arr);
  }

  // ---------------------------------------------------------------- sleep and Nightly Recharge

  private JsonObject night(Account a, DayKind kind, LocalDate d, String listKey) {
    Night n = Night.of(seed(), a, d);
    if (listKey.equals("available")) {
      return DailyViews.availableSleep(n);
    }
    return kind == DayKind.SLEEP
        ? DailyViews.sleep(a, n, engine.profileUrl(a.id))
        : DailyViews.recharge(a, n, engine.profileUrl(a.id));
  }

  private Reply nightList(Call call, DayKind kind, String key) {
    Account a = engine.auth.user(call);
    JsonArray arr = Json.arr();
    for (LocalDate d : days(a, kind, today().minusDays(LIST_DAYS - 1), today())) {
      arr.add(night(a, kind, d, key));
    }
    return Reply.json(200, Json.obj().put(key, arr).build());
  }

  private Reply nightGet(Call call, DayKind kind) {
    Account a = engine.auth.user(call);
    LocalDate d = date(call.param("date"));
    if (days(a, kind, d, d).isEmpty()) {
      return engine.error(
          404, "No " + (kind == DayKind.SLEEP ? "sleep" : "Nightly Recharge") + " data for " + d);
    }
    return Reply.json(200, night(a, kind, d, ""));
  }

  // ---------------------------------------------------------------- physical information

  private Reply physicalInfo(Call call) {
    Account a = engine.auth.user(call);
    if (!a.registered()) {
      return engine.error(404, "No physical information");
    }
    PhysicalRecord latest = a.latestPhysicalInfo();
    Instant registered = a.registeredAt != null ? a.registeredAt : engine.clock.instant();
    if (latest == null) {
      latest = new PhysicalRecord(
          0,
          registered,
          a.weightKg,
          a.heightCm,
          a.maxHeartRate,
          a.restingHeartRate,
          (int) Math.round(a.maxHeartRate * 0.74),
          (int) Math.round(a.maxHeartRate * 0.88),
          a.vo2Max,
          "SOURCE_USER");
    }
    Instant first =
        a.physicalInfos.isEmpty() ? latest.created() : a.physicalInfos.get(0).created();
    return Reply.json(200, HealthViews.physicalInfo(a, latest, first));
  }
}
