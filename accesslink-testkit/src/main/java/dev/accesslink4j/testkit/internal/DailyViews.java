package dev.accesslink4j.testkit.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** JSON for the day-level resources: activity, sleep, Nightly Recharge, continuous heart rate. */
final class DailyViews {
  private DailyViews() {}

  // ---- daily activity (new API, snake_case) ----

  /** {@code activity-summary(-with-all-samples)}; {@code samples} only when a flag asks for part of it. */
  static JsonObject activitySummary(ActivityDay d, boolean steps, boolean zones, boolean stamps) {
    int inactiveMinutes = d.minutes(1);
    Json.Obj o = Json.obj()
        .put("start_time", Formats.localSeconds(d.minuteTime(d.wakeMinute, true)))
        .put("end_time", Formats.localSeconds(d.date.atTime(23, 59, 59)))
        .put("active_duration", Formats.duration(Duration.ofMinutes(d.activeMinutes())))
        .put(
            "inactive_duration",
            Formats.duration(Duration.ofMinutes(inactiveMinutes).plusSeconds(d.secondsOffset)))
        .put("daily_activity", Json.num(d.dailyActivity(), 1))
        .put("calories", d.calories())
        .put("active_calories", d.activeCalories())
        .put("steps", d.totalSteps())
        .put("inactivity_alert_count", d.inactivityAlerts.size())
        .put("distance_from_steps", Json.num(d.distanceFromSteps(), 2));
    if (steps || zones || stamps) {
      o.put("samples", activitySamples(d, steps, zones, stamps));
    }
    return o.build();
  }

  /** {@code activity-day-with-samples}: step samples with repeats dropped, zone changes, inactivity stamps. */
  static JsonObject activitySamples(ActivityDay d, boolean steps, boolean zones, boolean stamps) {
    Json.Obj o = Json.obj().put("date", d.date.toString());
    if (steps) {
      JsonArray samples = Json.arr();
      int previous = -1;
      for (int m = 0; m < 1440; m++) {
        if (d.steps[m] != previous) {
          samples.add(Json.obj()
              .put("steps", d.steps[m])
              .put("timestamp", Formats.localMinutes(d.minuteTime(m, false)))
              .build());
          previous = d.steps[m];
        }
      }
      o.put(
          "steps",
          Json.obj()
              .put("interval_ms", 60_000)
              .put("total_steps", d.totalSteps())
              .put("samples", samples));
    }
    if (zones) {
      JsonArray samples = Json.arr();
      int previous = -1;
      for (int m = 0; m < 1440; m++) {
        if (d.zone[m] != previous) {
          samples.add(Json.obj()
              .put("zone", ActivityDay.ZONES[d.zone[m]])
              .put("timestamp", Formats.localSeconds(d.minuteTime(m, true)))
              .build());
          previous = d.zone[m];
        }
      }
      o.put("activity_zones", Json.obj().put("samples", samples));
    }
    if (stamps) {
      JsonArray arr = Json.arr();
      for (int m : d.inactivityAlerts) {
        arr.add(Json.obj()
            .put("stamp", Formats.localMinutes(d.minuteTime(m, false)))
            .build());
      }
      o.put("inactivity_stamps", arr);
    }
    return o.build();
  }

  // ---- daily activity (deprecated transactional API, kebab-case) ----

  static JsonObject activityTransactional(
      ActivityItem item, ActivityDay d, String userUrl, long transactionId) {
    return Json.obj()
        .put("id", item.id())
        .put("polar-user", userUrl)
        .put("transaction-id", transactionId)
        .put("date", item.date().toString())
        .put("created", Formats.utcMillis(item.created()))
        .put("calories", d.calories())
        .put("active-calories", d.activeCalories())
        .put("duration", Formats.duration(Duration.ofMinutes(d.activeMinutes())))
        .put("active-steps", Math.round(d.totalSteps() * 0.92))
        .build();
  }

  /** Hourly, non-cumulative step counts; {@code interval} is in minutes. */
  static JsonObject stepSamples(ActivityDay d) {
    JsonArray samples = Json.arr();
    for (int h = 0; h < 24; h++) {
      int sum = 0;
      for (int m = h * 60; m < h * 60 + 60; m++) {
        sum += d.steps[m];
      }
      samples.add(Json.obj()
          .put("steps", sum)
          .put("time", Formats.hhmmssMillis(d.date.atTime(h, 0)))
          .build());
    }
    return Json.obj()
        .put("date", d.date.toString())
        .put("interval", 60)
        .put("samples", samples)
        .build();
  }

  /** Hourly time in each activity zone (index 0 sleep .. 4 vigorous); {@code interval} is in minutes. */
  static JsonObject zoneSamples(ActivityDay d) {
    JsonArray samples = Json.arr();
    for (int h = 0; h < 24; h++) {
      int[] minutes = new int[5];
      for (int m = h * 60; m < h * 60 + 60; m++) {
        minutes[d.zone[m]]++;
      }
      JsonArray zones = Json.arr();
      for (int z = 0; z < 5; z++) {
        if (minutes[z] > 0) {
          zones.add(Json.obj()
              .put("index", z)
              .put("inzone", Formats.duration(Duration.ofMinutes(minutes[z])))
              .build());
        }
      }
      samples.add(Json.obj()
          .put("activity-zones", zones)
          .put("time", Formats.hhmmssMillis(d.date.atTime(h, 0)))
          .build());
    }
    return Json.obj()
        .put("date", d.date.toString())
        .put("interval", 60)
        .put("samples", samples)
        .build();
  }

  // ---- sleep ----

  /** Heart rate during a night at a local time: resting rate shaped by the stage and the night's progress. */
  static int nightHeartRate(Account a, Night n, LocalDateTime t) {
    int stage = n.stageAt(t);
    double progress = Math.max(
        0,
        Math.min(
            1,
            Duration.between(n.start.toLocalDateTime(), t).getSeconds()
                / (double) (n.stages.length * 30)));
    double effect = switch (stage) {
      case 0 -> 9;
      case 1 -> 4;
      case 2 -> 2;
      case 4 -> -4;
      default -> 0;
    };
    Rnd r = Rnd.of(n.seed, "hr", t.toEpochSecond(ZoneOffset.UTC) / 60);
    return (int) Math.round(a.restingHeartRate + 3 + effect - 4 * progress + r.gauss(0, 1.3));
  }

  static JsonObject sleep(Account a, Night n, String userUrl) {
    Rnd r = Rnd.of(n.seed, "sleep");
    int light = n.seconds(2) + n.seconds(3);
    int deep = n.seconds(4);
    int rem = n.seconds(1);
    int unknown = n.seconds(5);
    List<Integer> bouts = n.interruptions();
    int shortI = 0;
    int longI = 0;
    for (int b : bouts) {
      if (b < 90) {
        shortI += b;
      } else {
        longI += b;
      }
    }
    int asleep = light + deep + rem + unknown;
    int goal = 28800;
    double continuity =
        clamp(5.0 - 0.22 * bouts.size() - longI / 900.0 + r.gauss(0, 0.1), 1.0, 5.0);
    double durationScore =
        clamp(100 * Math.pow(Math.min(1.0, asleep / (goal * 0.95)), 1.5), 1, 100);
    double solidity = clamp(continuity * 20 - r.uniform(0, 6), 1, 100);
    double regeneration =
        clamp((deep + rem) / (double) asleep / 0.45 * 100 - r.uniform(0, 8), 1, 100);
    int score = (int)
        Math.round(clamp(0.35 * durationScore + 0.35 * solidity + 0.30 * regeneration, 1, 100));
    JsonObject hypnogram = new JsonObject();
    int previous = -1;
    for (int i = 0; i < n.stages.length; i++) {
      if (n.stages[i] != previous) {
        hypnogram.addProperty(Formats.hhmm(n.localTime(i)), n.stages[i]);
        previous = n.stages[i];
      }
    }
    JsonObject hr = new JsonObject();
    for (LocalDateTime t = n.start.toLocalDateTime().plusMinutes(2);
        t.isBefore(n.end.toLocalDateTime());
        t = t.plusMinutes(5)) {
      hr.addProperty(Formats.hhmm(t), nightHeartRate(a, n, t));
    }
    return Json.obj()
        .put("polar_user", userUrl)
        .put("date", n.date.toString())
        .put("sleep_start_time", Formats.offsetSeconds(n.start.toOffsetDateTime()))
        .put("sleep_end_time", Formats.offsetSeconds(n.end.toOffsetDateTime()))
        .put("device_id", a.deviceId)
        .put("continuity", Json.num(continuity, 1))
        .put("continuity_class", (int) Math.max(1, Math.min(5, Math.round(continuity))))
        .put("light_sleep", light)
        .put("deep_sleep", deep)
        .put("rem_sleep", rem)
        .put("unrecognized_sleep_stage", unknown)
        .put("sleep_score", score)
        .put("total_interruption_duration", shortI + longI)
        .put("sleep_charge", r.chance(0.12) ? -1 : r.between(1, 5))
        .put("sleep_goal", goal)
        .put("sleep_rating", r.chance(0.5) ? 0 : r.between(2, 5))
        .put("short_interruption_duration", shortI)
        .put("long_interruption_duration", longI)
        .put("sleep_cycles", n.cycles)
        .put("group_duration_score", Json.num(durationScore, 1))
        .put("group_solidity_score", Json.num(solidity, 1))
        .put("group_regeneration_score", Json.num(regeneration, 1))
        .put("hypnogram", hypnogram)
        .put("heart_rate_samples", hr)
        .build();
  }

  static JsonObject availableSleep(Night n) {
    return Json.obj()
        .put("date", n.date.toString())
        .put("start_time", Formats.offsetSeconds(n.start.toOffsetDateTime()))
        .put("end_time", Formats.offsetSeconds(n.end.toOffsetDateTime()))
        .build();
  }

  // ---- nightly recharge ----

  static JsonObject recharge(Account a, Night n, String userUrl) {
    Rnd r = Rnd.of(n.seed, "recharge");
    double baseline = 25 + (60 - a.restingHeartRate) * 1.2;
    double todayHrv = Math.max(8, baseline * r.uniform(0.75, 1.25));
    LocalDateTime from = n.start.toLocalDateTime().plusMinutes(30);
    LocalDateTime to = from.plusHours(4);
    JsonObject hrv = new JsonObject();
    JsonObject breathing = new JsonObject();
    double breathingBase = r.uniform(12.5, 16.0);
    long hrSum = 0;
    int hrCount = 0;
    double hrvSum = 0;
    double brSum = 0;
    for (LocalDateTime t = from;
        t.isBefore(to) && t.isBefore(n.end.toLocalDateTime());
        t = t.plusMinutes(5)) {
      int heart = nightHeartRate(a, n, t);
      hrSum += heart;
      hrCount++;
      double stageFactor = n.stageAt(t) == 4 ? 1.25 : n.stageAt(t) == 1 ? 0.85 : 1.0;
      int h = (int) Math.max(5, Math.round(todayHrv * stageFactor + r.gauss(0, 3)));
      hrv.addProperty(Formats.hhmm(t.plusMinutes(2)), h);
      hrvSum += h;
      double b = Math.round((breathingBase + r.gauss(0, 0.3)) * 10) / 10.0;
      breathing.add(Formats.hhmm(t), Json.num(b, 1));
      brSum += b;
    }
    int hrAvg = hrCount == 0 ? a.restingHeartRate : (int) Math.round((double) hrSum / hrCount);
    int hrvAvg = hrCount == 0 ? (int) todayHrv : (int) Math.round(hrvSum / hrCount);
    double ans = clamp(
        (hrvAvg - baseline) / baseline * 18 + (a.restingHeartRate + 3 - hrAvg) * 0.8, -10, 10);
    int ansStatus = ans < -6 ? 1 : ans < -2 ? 2 : ans <= 2 ? 3 : ans <= 6 ? 4 : 5;
    int status = Math.max(1, Math.min(6, ansStatus + r.between(0, 1)));
    return Json.obj()
        .put("polar_user", userUrl)
        .put("date", n.date.toString())
        .put("heart_rate_avg", hrAvg)
        .put("beat_to_beat_avg", Math.round(60000.0 / hrAvg))
        .put("heart_rate_variability_avg", hrvAvg)
        .put("breathing_rate_avg", Json.num(hrCount == 0 ? breathingBase : brSum / hrCount, 1))
        .put("nightly_recharge_status", status)
        .put("ans_charge", Json.num(ans, 1))
        .put("ans_charge_status", ansStatus)
        .put("hrv_samples", hrv)
        .put("breathing_samples", breathing)
        .build();
  }

  // ---- continuous heart rate ----

  /**
   * {@code continuous-heartrate}: a sample about every 5 minutes (sometimes bunched, sometimes missing, as Polar's
   * are), night values from the surrounding nights' sleep, day values from the day's activity.
   */
  static JsonObject continuousHeartRate(long seed, Account a, LocalDate date, String userUrl) {
    Rnd r = Rnd.of(seed, a.id, "chr", date.toEpochDay());
    Night morning = Night.of(seed, a, date);
    Night evening = Night.of(seed, a, date.plusDays(1));
    ActivityDay day = ActivityDay.of(seed, a, date);
    JsonArray samples = Json.arr();
    LocalDateTime t = date.atStartOfDay().plusSeconds(r.between(60, 299));
    LocalDateTime endOfDay = date.plusDays(1).atStartOfDay();
    while (t.isBefore(endOfDay)) {
      int hr;
      if (!t.isBefore(morning.start.toLocalDateTime())
          && t.isBefore(morning.end.toLocalDateTime())) {
        hr = nightHeartRate(a, morning, t);
      } else if (!t.isBefore(evening.start.toLocalDateTime())) {
        hr = nightHeartRate(a, evening, t);
      } else {
        int minute = t.getHour() * 60 + t.getMinute();
        hr = (int) Math.round(a.restingHeartRate + 16 + day.steps[minute] / 3.5 + r.gauss(0, 3));
      }
      if (!r.chance(0.04)) {
        samples.add(Json.obj()
            .put("heart_rate", hr)
            .put("sample_time", Formats.hhmmss(t))
            .build());
      }
      t = r.chance(0.05) ? t.plusSeconds(r.between(50, 70)) : t.plusMinutes(5);
    }
    return Json.obj()
        .put("polar_user", userUrl)
        .put("date", date.toString())
        .put("heart_rate_samples", samples)
        .build();
  }

  static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** A UTC local date-time with a two-digit fraction, as SleepWise writes sleep-period times. */
  static String centis(LocalDateTime t, Rnd r) {
    return Formats.localCentis(
        t.truncatedTo(ChronoUnit.SECONDS).plusNanos(r.between(1, 99) * 10_000_000L));
  }
}
