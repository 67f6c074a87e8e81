package dev.accesslink4j.testkit.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated day of activity, minute by minute: asleep until the night ends, commute walks, a desk day with short
 * breaks, a lunch walk, sometimes an evening walk or run, asleep again late in the evening. Totals, zones, step
 * samples, inactivity alerts and the deprecated hourly series are all derived from the same minutes.
 */
public final class ActivityDay {
  /** Zone names of the new API, indexed by the deprecated zone index (0 sleep .. 4 vigorous). */
  public static final String[] ZONES = {"SLEEP", "SEDENTARY", "LIGHT", "MODERATE", "VIGOROUS"};

  /** The day. */
  public final LocalDate date;
  /** Steps per minute of the day. */
  public final int[] steps = new int[1440];
  /** Deprecated zone index per minute: 0 sleep, 1 sedentary, 2 light, 3 moderate, 4 vigorous. */
  public final int[] zone = new int[1440];
  /** Minute of the day the user woke up. */
  public final int wakeMinute;
  /** Minute of the day the user fell asleep (1440: after midnight). */
  public final int bedMinute;
  /** Seconds added to this day's second-precision timestamps. */
  public final int secondsOffset;
  /** The user's weight, for calories. */
  public final double weightKg;
  /** Basal metabolic rate in kcal per day (Mifflin-St Jeor). */
  public final double bmr;
  /** Minutes of the day at which an inactivity alert fired. */
  public final List<Integer> inactivityAlerts = new ArrayList<>();

  private ActivityDay(
      LocalDate date,
      int wakeMinute,
      int bedMinute,
      int secondsOffset,
      double weightKg,
      double bmr) {
    this.date = date;
    this.wakeMinute = wakeMinute;
    this.bedMinute = bedMinute;
    this.secondsOffset = secondsOffset;
    this.weightKg = weightKg;
    this.bmr = bmr;
  }

  /** The day for an account; waking and bedtime follow the account's nights, so sleep and activity agree. */
  public static ActivityDay of(long seed, Account account, LocalDate date) {
    Rnd r = Rnd.of(seed, account.id, "activity", date.toEpochDay());
    Night morning = Night.of(seed, account, date);
    Night evening = Night.of(seed, account, date.plusDays(1));
    int wake = morning.end.toLocalDate().equals(date)
        ? morning.end.getHour() * 60 + morning.end.getMinute() + 1
        : 6 * 60;
    int bed = evening.start.toLocalDate().equals(date)
        ? evening.start.getHour() * 60 + evening.start.getMinute()
        : 1440;
    double age = account.age(date);
    double bmr =
        10 * account.weightKg + 6.25 * account.heightCm - 5 * age + (account.male() ? 5 : -161);
    ActivityDay d = new ActivityDay(date, wake, bed, r.between(0, 59), account.weightKg, bmr);
    boolean weekend = date.getDayOfWeek().getValue() >= 6;
    for (int m = wake; m < bed; m++) {
      d.steps[m] = r.chance(0.12) ? r.between(0, 25) : 0;
    }
    for (int hour = wake / 60 + 1; hour * 60 < bed; hour++) {
      if (r.chance(0.6)) {
        d.walk(r, hour * 60 + r.between(0, 55), r.between(2, 4), 60, 100);
      }
    }
    if (!weekend) {
      d.walk(r, wake + r.between(40, 70), r.between(10, 20), 90, 115);
      d.walk(r, 17 * 60 + r.between(0, 40), r.between(10, 20), 90, 115);
    } else {
      d.walk(r, 10 * 60 + r.between(0, 90), r.between(40, 90), 85, 110);
    }
    d.walk(r, 12 * 60 + r.between(0, 30), r.between(10, 30), 80, 110);
    if (r.chance(0.35)) {
      d.walk(r, 18 * 60 + r.between(15, 90), r.between(25, 50), 140, 172);
    }
    int sedentaryRun = 0;
    for (int m = 0; m < 1440; m++) {
      if (m < wake || m >= bed) {
        d.zone[m] = 0;
        sedentaryRun = 0;
        continue;
      }
      int s = d.steps[m];
      d.zone[m] = s < 5 ? 1 : s < 60 ? 2 : s < 110 ? 3 : 4;
      if (s >= 15) {
        sedentaryRun = 0;
      } else if (++sedentaryRun == 55) {
        d.inactivityAlerts.add(m);
        sedentaryRun = 0;
      }
    }
    return d;
  }

  private void walk(Rnd r, int from, int minutes, int low, int high) {
    for (int m = Math.max(from, wakeMinute); m < Math.min(from + minutes, bedMinute); m++) {
      steps[m] = r.between(low, high);
    }
  }

  /** Total steps. */
  public int totalSteps() {
    int n = 0;
    for (int s : steps) {
      n += s;
    }
    return n;
  }

  /** Minutes in a zone index. */
  public int minutes(int zoneIndex) {
    int n = 0;
    for (int z : zone) {
      if (z == zoneIndex) {
        n++;
      }
    }
    return n;
  }

  /** Active minutes: light, moderate and vigorous. */
  public int activeMinutes() {
    return minutes(2) + minutes(3) + minutes(4);
  }

  /** Kilocalories burnt by activity, above the basal rate. */
  public int activeCalories() {
    double scale = weightKg / 70.0;
    return (int) Math.round((minutes(2) * 2.2 + minutes(3) * 4.6 + minutes(4) * 9.5) * scale);
  }

  /** Total kilocalories including the basal rate. */
  public int calories() {
    return (int) Math.round(bmr * 1.05) + activeCalories();
  }

  /** Polar's daily activity percentage: active kilocalories against a 750 kcal goal, one decimal. */
  public double dailyActivity() {
    return Math.round(Math.min(250.0, activeCalories() / 750.0 * 100.0) * 10) / 10.0;
  }

  /** Metres walked, from steps. */
  public double distanceFromSteps() {
    return Math.round(totalSteps() * 0.712 * 100) / 100.0;
  }

  /** Local time of a minute of the day, with the day's seconds offset. */
  public LocalDateTime minuteTime(int minute, boolean withSeconds) {
    LocalDateTime t = date.atStartOfDay().plusMinutes(minute);
    return withSeconds ? t.plusSeconds(secondsOffset) : t;
  }
}
