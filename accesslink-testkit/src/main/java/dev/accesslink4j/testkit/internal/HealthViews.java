package dev.accesslink4j.testkit.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** JSON for users, physical information, cardio load, SleepWise and Elixir biosensing. */
final class HealthViews {
  private HealthViews() {}

  // ---- users and physical information ----

  /** The kebab-case {@code user}; {@code extra-info} is null because the fake client defines no questions. */
  static JsonObject user(Account a) {
    Instant registered = a.registeredAt;
    return Json.obj()
        .put("polar-user-id", a.id)
        .put("member-id", a.memberId)
        .put("registration-date", registered == null ? null : Formats.utcMillis(registered))
        .put("first-name", a.firstName)
        .put("last-name", a.lastName)
        .put("birthdate", a.birthdate.toString())
        .put("gender", a.gender)
        .put("weight", Json.num(a.weightKg, 1))
        .put("height", Json.num(a.heightCm, 1))
        .put("extra-info", null)
        .build();
  }

  static JsonObject physicalTransactional(PhysicalRecord p, String userUrl, long transactionId) {
    return Json.obj()
        .put("id", p.id())
        .put("transaction-id", transactionId)
        .put("created", Formats.utcMillis(p.created()))
        .put("polar-user", userUrl)
        .put("weight", Json.num(p.weightKg(), 1))
        .put("height", Json.num(p.heightCm(), 1))
        .put("maximum-heart-rate", p.maxHeartRate())
        .put("resting-heart-rate", p.restingHeartRate())
        .put("aerobic-threshold", p.aerobicThreshold())
        .put("anaerobic-threshold", p.anaerobicThreshold())
        .put("vo2-max", p.vo2Max())
        .put("weight-source", p.weightSource())
        .build();
  }

  /** The snake_case {@code physical-info} of {@code GET /v3/users/physical-info}. */
  static JsonObject physicalInfo(Account a, PhysicalRecord p, Instant firstCreated) {
    return Json.obj()
        .put("weight", Json.num(p.weightKg(), 1))
        .put("height", Json.num(p.heightCm(), 1))
        .put("created", Formats.utcMillis(firstCreated))
        .put("modified", Formats.utcMillis(p.created()))
        .put("birthday", a.birthdate.toString())
        .put("gender", a.gender)
        .put("maximum_heart_rate", p.maxHeartRate())
        .put("resting_heart_rate", p.restingHeartRate())
        .put("aerobic_threshold", p.aerobicThreshold())
        .put("anaerobic_threshold", p.anaerobicThreshold())
        .put("vo2_max", p.vo2Max())
        .put("weight_source", p.weightSource())
        .put("training_background", a.vo2Max >= 50 ? "FREQUENT" : "REGULAR")
        .put("typical_day", "MOSTLY_SITTING")
        .put("sleep_goal", "PT8H")
        .build();
  }

  // ---- cardio load ----

  /**
   * One {@code cardio-load} entry. {@code dailyLoads} gives each day's load (0 on rest days); strain is the 7-day
   * and tolerance the 28-day average, their ratio picks the status. With {@code available} false the entry is
   * Polar's "not available" day: status {@code LOAD_STATUS_NOT_AVAILABLE} and {@code -1} sentinels.
   */
  static JsonObject cardioLoad(
      LocalDate date, boolean available, java.util.function.ToDoubleFunction<LocalDate> load) {
    if (!available) {
      return Json.obj()
          .put("date", date.toString())
          .put("cardio_load_status", "LOAD_STATUS_NOT_AVAILABLE")
          .put("cardio_load", -1)
          .put("strain", -1)
          .put("tolerance", -1)
          .put("cardio_load_ratio", -1)
          .put(
              "cardio_load_level",
              Json.obj()
                  .put("very_low", -1)
                  .put("low", -1)
                  .put("medium", -1)
                  .put("high", -1)
                  .put("very-high", -1))
          .build();
    }
    double strain = 0;
    double tolerance = 0;
    for (int i = 0; i < 28; i++) {
      double l = load.applyAsDouble(date.minusDays(i));
      if (i < 7) {
        strain += l / 7;
      }
      tolerance += l / 28;
    }
    double ratio = tolerance == 0 ? 0 : strain / tolerance;
    String status = tolerance == 0
        ? "DETRAINING"
        : ratio < 0.8
            ? "DETRAINING"
            : ratio < 1.0
                ? "MAINTAINING"
                : ratio < 1.3
                    ? "PRODUCTIVE"
                    : ratio < 1.5 ? "PRODUCTIVE_ALMOST_OVERREACHING" : "OVERREACHING";
    double s = Math.max(40, tolerance * 1.6);
    return Json.obj()
        .put("date", date.toString())
        .put("cardio_load_status", status)
        .put("cardio_load", Json.num(load.applyAsDouble(date), 1))
        .put("strain", Json.num(strain, 1))
        .put("tolerance", Json.num(tolerance, 1))
        .put("cardio_load_ratio", Json.num(ratio, 2))
        .put(
            "cardio_load_level",
            Json.obj()
                .put("very_low", Json.num(s * 0.3, 1))
                .put("low", Json.num(s * 0.6, 1))
                .put("medium", Json.num(s, 1))
                .put("high", Json.num(s * 1.5, 1))
                .put("very-high", Json.num(s * 2.0, 1)))
        .build();
  }

  // ---- SleepWise ----

  /** Alertness for the day after the night ending on {@code date}: a grade and an hourly curve until bedtime. */
  static JsonObject alertness(long seed, Account a, LocalDate date, boolean prediction) {
    Night night = Night.of(seed, a, date);
    Night next = Night.of(seed, a, date.plusDays(1));
    Rnd r = Rnd.of(night.seed, "alertness");
    double grade = Math.round(r.uniform(4.0, 10.0) * 10) / 10.0;
    String classification = grade >= 8.5
        ? "GRADE_CLASSIFICATION_EXCELLENT"
        : grade >= 7
            ? "GRADE_CLASSIFICATION_STRONG"
            : grade >= 5 ? "GRADE_CLASSIFICATION_FAIR" : "GRADE_CLASSIFICATION_WEAK";
    LocalDateTime wakeUtc = night.endUtc();
    LocalDateTime periodEnd = next.startUtc();
    JsonArray hourly = Json.arr();
    LocalDateTime from = wakeUtc.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    int offset = night.offsetMinutes();
    while (from.isBefore(periodEnd)) {
      LocalDateTime to = from.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      if (to.isAfter(periodEnd)) {
        to = periodEnd;
      }
      double hoursAwake = Duration.between(wakeUtc, from).toMinutes() / 60.0;
      int localHour = from.plusMinutes(offset).getHour();
      hourly.add(Json.obj()
          .put("validity", "VALIDITY_ESTIMATE")
          .put("alertness_level", level(hoursAwake, localHour, r))
          .put("start_time", Formats.localSeconds(from))
          .put("end_time", Formats.localSeconds(to))
          .build());
      from = to;
    }
    return Json.obj()
        .put("grade", Json.num(grade, 1))
        .put("grade_validity_seconds", 57600)
        .put("grade_type", "GRADE_TYPE_PRIMARY")
        .put("grade_classification", classification)
        .put("validity", r.chance(0.8) ? "VALIDITY_VALID" : "VALIDITY_ESTIMATE")
        .put(
            "sleep_inertia",
            r.pick(java.util.List.of(
                "SLEEP_INERTIA_NO_INERTIA",
                "SLEEP_INERTIA_MILD",
                "SLEEP_INERTIA_MILD",
                "SLEEP_INERTIA_MODERATE")))
        .put("sleep_type", "SLEEP_TYPE_PRIMARY")
        .put("result_type", prediction ? "ALERTNESS_TYPE_PREDICTION" : "ALERTNESS_TYPE_HISTORY")
        .put("period_start_time", Formats.localSeconds(night.startUtc()))
        .put("period_end_time", Formats.localSeconds(periodEnd))
        .put("sleep_period_start_time", DailyViews.centis(night.startUtc(), r))
        .put("sleep_period_end_time", DailyViews.centis(night.endUtc(), r))
        .put("sleep_timezone_offset_minutes", offset)
        .put("hourly_data", hourly)
        .build();
  }

  private static String level(double hoursAwake, int localHour, Rnd r) {
    if (hoursAwake < 1) {
      return "ALERTNESS_LEVEL_LOW";
    }
    if (localHour >= 22 || localHour < 5) {
      return "ALERTNESS_LEVEL_VERY_LOW";
    }
    if (localHour >= 13 && localHour < 15) {
      return r.chance(0.5) ? "ALERTNESS_LEVEL_LOW" : "ALERTNESS_LEVEL_MINIMAL";
    }
    if (localHour >= 20) {
      return "ALERTNESS_LEVEL_LOW";
    }
    return r.chance(0.35) ? "ALERTNESS_LEVEL_VERY_HIGH" : "ALERTNESS_LEVEL_HIGH";
  }

  /** Circadian bedtime for the evening of {@code date}: an 8-hour preferred sleep period and a 30-minute gate. */
  static JsonObject circadianBedtime(long seed, Account a, LocalDate date, boolean prediction) {
    Night next = Night.of(seed, a, date.plusDays(1));
    Rnd r = Rnd.of(next.seed, "circadian");
    LocalDateTime start = next.startUtc().truncatedTo(ChronoUnit.MINUTES).plusSeconds(30);
    LocalDateTime end = start.plusHours(8);
    return Json.obj()
        .put("validity", r.chance(0.8) ? "VALIDITY_VALID" : "VALIDITY_ESTIMATE")
        .put(
            "quality",
            r.pick(java.util.List.of(
                "CIRCADIAN_BEDTIME_QUALITY_CLEARLY_RECOGNIZABLE",
                "CIRCADIAN_BEDTIME_QUALITY_CLEARLY_RECOGNIZABLE",
                "CIRCADIAN_BEDTIME_QUALITY_COMPROMISED")))
        .put(
            "result_type",
            prediction ? "CIRCADIAN_BEDTIME_TYPE_PREDICTION" : "CIRCADIAN_BEDTIME_TYPE_HISTORY")
        .put("period_start_time", Formats.localSeconds(start))
        .put("period_end_time", Formats.localSeconds(end))
        .put("preferred_sleep_period_start_time", Formats.localSeconds(start))
        .put("preferred_sleep_period_end_time", Formats.localSeconds(end))
        .put("sleep_gate_start_time", Formats.localSeconds(start.minusMinutes(15)))
        .put("sleep_gate_end_time", Formats.localSeconds(start.plusMinutes(15)))
        .put("sleep_timezone_offset_minutes", next.offsetMinutes())
        .build();
  }

  // ---- Elixir biosensing ----

  static JsonObject bodyTemperature(long seed, Account a, LocalDate date) {
    Night n = Night.of(seed, a, date);
    Rnd r = Rnd.of(n.seed, "bodytemp");
    JsonArray samples = Json.arr();
    long total = Duration.between(n.start, n.end).toMillis();
    double base = r.uniform(32.9, 33.6);
    for (long ms = r.between(100, 900); ms < total; ms += 120_000 + r.between(-800, 800)) {
      double progress = ms / (double) total;
      double temp = base
          + 1.4 * Math.sqrt(progress)
          - 0.3 * Math.max(0, progress - 0.85) / 0.15
          + r.gauss(0, 0.05);
      samples.add(Json.obj()
          .put("temperature_celsius", Json.num(temp, 2))
          .put("recording_time_delta_milliseconds", ms)
          .build());
    }
    return Json.obj()
        .put("source_device_id", a.deviceId)
        .put("measurement_type", "TM_SKIN_TEMPERATURE")
        .put("sensor_location", "SL_DISTAL")
        .put("start_time", Formats.localSeconds(n.startUtc()))
        .put("end_time", Formats.localSeconds(n.endUtc()))
        .put("modified_time", Formats.localSeconds(n.endUtc().plusMinutes(r.between(3, 40))))
        .put("samples", samples)
        .build();
  }

  static JsonObject skinTemperature(long seed, Account a, LocalDate date) {
    Night n = Night.of(seed, a, date);
    Rnd r = Rnd.of(n.seed, "skintemp");
    return Json.obj()
        .put("sleep_time_skin_temperature_celsius", Json.num(r.uniform(33.6, 34.9), 2))
        .put("deviation_from_baseline_celsius", Json.num(r.gauss(0, 0.3), 2))
        .put("sleep_date", date.toString())
        .build();
  }

  static JsonObject skinContacts(long seed, Account a, LocalDate date) {
    Night n = Night.of(seed, a, date);
    Rnd r = Rnd.of(n.seed, "contacts");
    LocalDateTime start = n.startUtc().minusMinutes(r.between(30, 120));
    LocalDateTime end = n.endUtc().plusMinutes(r.between(20, 90));
    long total = Duration.between(start, end).toMillis();
    JsonArray changes = Json.arr();
    changes.add(Json.obj()
        .put("skin_contact", true)
        .put("recording_time_delta_milliseconds", 0)
        .build());
    if (r.chance(0.5)) {
      long off = (long) (total * r.uniform(0.05, 0.2));
      changes.add(Json.obj()
          .put("skin_contact", false)
          .put("recording_time_delta_milliseconds", off)
          .build());
      changes.add(Json.obj()
          .put("skin_contact", true)
          .put("recording_time_delta_milliseconds", off + r.between(20_000, 300_000))
          .build());
    }
    changes.add(Json.obj()
        .put("skin_contact", false)
        .put("recording_time_delta_milliseconds", total)
        .build());
    return Json.obj()
        .put("source_device_id", a.deviceId)
        .put("start_time", Formats.localSeconds(start))
        .put("end_time", Formats.localSeconds(end))
        .put("modified_time", Formats.localSeconds(end.plusMinutes(r.between(1, 30))))
        .put("skin_contact_changes", changes)
        .build();
  }

  /** A 10-second wrist ECG at 130 Hz with P, QRS and T waves, baseline wander and noise. */
  static JsonObject ecg(long seed, Account a, LocalDate date) {
    Rnd r = Rnd.of(seed, a.id, "ecg", date.toEpochDay());
    LocalDateTime local = date.atTime(r.between(8, 21), r.between(0, 59), r.between(0, 59));
    int offset = a.zone.getRules().getOffset(local).getTotalSeconds() / 60;
    long testTime = local.toEpochSecond(ZoneOffset.ofTotalSeconds(offset * 60));
    int hr = r.between(a.restingHeartRate + 5, a.restingHeartRate + 22);
    double period = 60.0 / hr;
    JsonArray samples = Json.arr();
    JsonArray quality = Json.arr();
    for (int i = 0; i < 1300; i++) {
      double t = i / 130.0;
      double ph = (t % period) / period;
      double mv = 0.15 * g(ph, 0.2, 0.025)
          - 0.1 * g(ph, 0.37, 0.01)
          + 1.1 * g(ph, 0.4, 0.012)
          - 0.25 * g(ph, 0.43, 0.012)
          + 0.3 * g(ph, 0.65, 0.05)
          + 0.05 * Math.sin(2 * Math.PI * 0.3 * t)
          + r.gauss(0, 0.012);
      samples.add(Json.obj()
          .put("recording_time_delta_ms", Math.round(t * 1000))
          .put("amplitude_mv", Json.num(mv, 3))
          .build());
      if (i % 130 == 0) {
        quality.add(Json.obj()
            .put("recording_time_delta_ms", Math.round(t * 1000))
            .put("quality_level", r.chance(0.9) ? "ECG_QUALITY_HIGH" : "ECG_QUALITY_LOW")
            .build());
      }
    }
    return Json.obj()
        .put("source_device_id", a.deviceId)
        .put("test_time", testTime)
        .put("time_zone_offset", offset)
        .put("average_heart_rate_bpm", hr)
        .put("heart_rate_variability_ms", Json.num(r.uniform(18, 75), 1))
        .put(
            "heart_rate_variability_level",
            r.pick(java.util.List.of(
                "ECG_HRV_LEVEL_USUAL",
                "ECG_HRV_LEVEL_USUAL",
                "ECG_HRV_LEVEL_BELOW_USUAL",
                "ECG_HRV_LEVEL_ABOVE_USUAL")))
        .put("rri_ms", Json.num(60000.0 / hr, 1))
        .put("pulse_transit_time_systolic_ms", Json.num(r.uniform(190, 250), 1))
        .put("pulse_transit_time_diastolic_ms", Json.num(r.uniform(220, 290), 1))
        .put("pulse_transit_time_quality_index", Json.num(r.uniform(60, 99), 1))
        .put("samples", samples)
        .put("quality_measurements", quality)
        .build();
  }

  private static double g(double x, double mu, double sigma) {
    double z = (x - mu) / sigma;
    return Math.exp(-z * z);
  }

  static JsonObject spo2(long seed, Account a, LocalDate date) {
    Rnd r = Rnd.of(seed, a.id, "spo2", date.toEpochDay());
    LocalDateTime local = date.atTime(r.between(7, 22), r.between(0, 59), r.between(0, 59));
    int offset = a.zone.getRules().getOffset(local).getTotalSeconds() / 60;
    boolean passed = r.chance(0.85);
    int spo2 = r.between(94, 99);
    return Json.obj()
        .put("source_device_id", a.deviceId)
        .put("test_time", local.toEpochSecond(ZoneOffset.ofTotalSeconds(offset * 60)))
        .put("time_zone_offset", offset)
        .put(
            "test_status",
            passed ? "SPO2_TEST_PASSED" : "SPO2_TEST_INCONCLUSIVE_TOO_LOW_QUALITY_IN_SAMPLES")
        .put("blood_oxygen_percent", passed ? spo2 : 0)
        .put(
            "spo2_class",
            passed ? (spo2 >= 95 ? "SPO2_CLASS_NORMAL" : "SPO2_CLASS_LOW") : "SPO2_CLASS_UNKNOWN")
        .put(
            "spo2_value_deviation_from_baseline",
            r.pick(java.util.List.of(
                "DEVIATION_USUAL",
                "DEVIATION_USUAL",
                "DEVIATION_NO_BASELINE",
                "DEVIATION_BELOW_USUAL")))
        .put(
            "spo2_quality_average_percent",
            Json.num(r.uniform(passed ? 80 : 40, passed ? 98 : 70), 1))
        .put("average_heart_rate_bpm", r.between(a.restingHeartRate + 3, a.restingHeartRate + 20))
        .put("heart_rate_variability_ms", Json.num(r.uniform(18, 75), 1))
        .put("spo2_hrv_deviation_from_baseline", "DEVIATION_USUAL")
        .put("altitude_meters", Json.num(r.uniform(5, 60), 1))
        .build();
  }
}
