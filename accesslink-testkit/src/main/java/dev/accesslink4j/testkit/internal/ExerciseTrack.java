package dev.accesslink4j.testkit.internal;

import dev.accesslink4j.testkit.ExerciseSpec.Sport;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A simulated recording, one point every {@link #INTERVAL_SECONDS} seconds: heart rate that warms up, drifts and
 * follows the hills, speed, cadence, power, altitude, distance, and a GPS route that wanders from Helsinki's
 * Central Park. Running, walking and cycling have one pause (the runner waits at a crossing). Every summary value
 * (averages, distance, calories, zones, training load, laps) is computed from the points, so all the formats agree.
 */
public final class ExerciseTrack {
  /** Seconds between points: Polar's usual recording rate for samples. */
  public static final int INTERVAL_SECONDS = 5;

  private static final double START_LAT = 60.21982833;
  private static final double START_LON = 25.13925;

  /** What the track was generated from. */
  public final ExercisePlan plan;
  /** Number of points. */
  public final int size;
  /** Seconds from the start, per point. */
  public final int[] offset;
  /** Beats per minute, or null without heart rate. */
  public final int @Nullable [] heartRate;
  /** km/h, or null for sports without distance. */
  public final double @Nullable [] speed;
  /** Metres from the start, or null for sports without distance. */
  public final double @Nullable [] distance;
  /** Metres above sea level, or null without a route. */
  public final double @Nullable [] altitude;
  /** Degrees, or null without a route. */
  public final double @Nullable [] latitude;
  /** Degrees, or null without a route. */
  public final double @Nullable [] longitude;
  /** Running cadence (steps/min) or cycling cadence (rpm), or null. */
  public final int @Nullable [] cadence;
  /** Watts, cycling only. */
  public final int @Nullable [] power;
  /** Degrees Celsius. */
  public final double[] temperature;
  /** False while paused. */
  public final boolean[] moving;
  /** Index ranges [from, to) of the laps. */
  public final List<int[]> laps;

  private ExerciseTrack(ExercisePlan plan, int size) {
    this.plan = plan;
    this.size = size;
    this.offset = new int[size];
    Sport s = plan.sport();
    this.heartRate = plan.heartRate() ? new int[size] : null;
    this.speed = s.hasDistance() ? new double[size] : null;
    this.distance = s.hasDistance() ? new double[size] : null;
    boolean route = plan.route() && s.hasDistance() && s != Sport.POOL_SWIMMING;
    this.altitude = route ? new double[size] : null;
    this.latitude = route ? new double[size] : null;
    this.longitude = route ? new double[size] : null;
    this.cadence =
        (s == Sport.RUNNING || s == Sport.ROAD_BIKING || s == Sport.WALKING) ? new int[size] : null;
    this.power = s == Sport.ROAD_BIKING ? new int[size] : null;
    this.temperature = new double[size];
    this.moving = new boolean[size];
    this.laps = new ArrayList<>();
  }

  /** Whether the track has a GPS route. */
  public boolean hasRoute() {
    return latitude != null;
  }

  /** The exercise duration. */
  public Duration duration() {
    return Duration.ofMillis(plan.durationMillis());
  }

  /** Device-local time of a point. */
  public LocalDateTime localTime(int i) {
    return plan.startLocal().plusSeconds(offset[i]);
  }

  static ExerciseTrack generate(ExercisePlan p) {
    Rnd r = Rnd.of(p.seed(), "track");
    int seconds = (int) (p.durationMillis() / 1000);
    int n = seconds / INTERVAL_SECONDS + 1;
    ExerciseTrack t = new ExerciseTrack(p, n);
    Sport sport = p.sport();

    double baseSpeed;
    double intensity;
    switch (sport) {
      case RUNNING -> {
        baseSpeed = r.uniform(9.5, 12.5);
        intensity = r.uniform(0.70, 0.82);
      }
      case ROAD_BIKING -> {
        baseSpeed = r.uniform(24, 31);
        intensity = r.uniform(0.60, 0.74);
      }
      case WALKING -> {
        baseSpeed = r.uniform(4.8, 6.0);
        intensity = r.uniform(0.33, 0.45);
      }
      case POOL_SWIMMING -> {
        baseSpeed = r.uniform(2.2, 3.0);
        intensity = r.uniform(0.58, 0.70);
      }
      default -> {
        baseSpeed = 0;
        intensity = r.uniform(0.42, 0.55);
      }
    }
    int rest = p.restingHeartRate();
    int max = p.maxHeartRate();
    double target = rest + intensity * (max - rest);

    boolean pauses = sport == Sport.RUNNING || sport == Sport.WALKING || sport == Sport.ROAD_BIKING;
    int pauseStart = pauses && n > 60 ? (int) (n * r.uniform(0.35, 0.55)) : -1;
    int pauseLength = r.between(12, 24);

    double hr = rest + 20 + r.uniform(0, 10);
    double dist = 0;
    double lat = START_LAT + r.uniform(-0.01, 0.01);
    double lon = START_LON + r.uniform(-0.02, 0.02);
    double heading = r.uniform(0, 2 * Math.PI);
    double baseAlt = r.uniform(12, 40);
    double hillPhase = r.uniform(0, 6.28);
    double prevAlt = baseAlt + 12 * Math.sin(hillPhase);
    double temp = r.uniform(17, 23);
    double cadenceBase = switch (sport) {
      case RUNNING -> r.uniform(162, 176);
      case ROAD_BIKING -> r.uniform(80, 94);
      case WALKING -> r.uniform(104, 118);
      default -> 0;
    };

    for (int i = 0; i < n; i++) {
      int sec = Math.min(i * INTERVAL_SECONDS, seconds);
      t.offset[i] = sec;
      boolean paused = pauseStart >= 0 && i >= pauseStart && i < pauseStart + pauseLength;
      t.moving[i] = !paused;
      double warm = Math.min(1.0, sec / 300.0);
      double cool = seconds - sec < 180 ? 0.85 : 1.0;

      double alt = baseAlt
          + 12 * Math.sin(dist / 700.0 + hillPhase)
          + 5 * Math.sin(dist / 230.0 + 2 * hillPhase);
      double grade = 0;
      if (t.altitude != null && i > 0) {
        double step = Math.max(1, dist - (t.distance == null ? 0 : t.distance[i - 1]));
        grade = Math.max(-0.08, Math.min(0.08, (alt - prevAlt) / step));
      }

      double v = 0;
      if (t.speed != null) {
        if (!paused) {
          double slope = sport == Sport.ROAD_BIKING ? 6 : 3;
          v = baseSpeed * (0.6 + 0.4 * warm) * cool * (1 - grade * slope)
              + r.gauss(0, baseSpeed * 0.03);
          v = Math.max(0.5, v);
        }
        t.speed[i] = v;
        dist += v / 3.6 * (i == 0 ? 0 : INTERVAL_SECONDS);
        if (t.distance != null) {
          t.distance[i] = dist;
        }
      }

      double goal =
          paused ? rest + 35 : target * (0.78 + 0.22 * warm) * cool + grade * 120 + i * 0.004;
      hr += (goal - hr) * 0.09 + r.gauss(0, 0.9);
      hr = Math.max(rest, Math.min(max, hr));
      if (t.heartRate != null) {
        t.heartRate[i] = (int) Math.round(hr);
      }

      if (t.latitude != null && t.longitude != null && t.altitude != null) {
        heading += r.gauss(0, 0.06);
        double d = v / 3.6 * (i == 0 ? 0 : INTERVAL_SECONDS);
        lat += d * Math.cos(heading) / 111_320.0;
        lon += d * Math.sin(heading) / (111_320.0 * Math.cos(Math.toRadians(lat)));
        t.latitude[i] = lat + r.gauss(0, 0.000004);
        t.longitude[i] = lon + r.gauss(0, 0.000008);
        t.altitude[i] = alt + r.gauss(0, 0.3);
      }
      prevAlt = alt;

      if (t.cadence != null) {
        t.cadence[i] =
            paused ? 0 : (int) Math.round(cadenceBase * (0.9 + 0.1 * warm) + r.gauss(0, 2));
      }
      if (t.power != null) {
        double ms = v / 3.6;
        double mass = p.weightKg() + 9;
        double watts = ms * mass * 9.81 * (0.005 + grade) + 0.5 * 1.2 * 0.32 * ms * ms * ms;
        t.power[i] = paused ? 0 : (int) Math.max(0, Math.round(watts + r.gauss(0, 12)));
      }
      temp += r.gauss(0, 0.02);
      t.temperature[i] = temp;
    }
    t.computeLaps();
    return t;
  }

  private void computeLaps() {
    double lapLength = switch (plan.sport()) {
      case ROAD_BIKING -> 5000;
      case RUNNING, WALKING -> 1000;
      default -> 0;
    };
    if (lapLength == 0 || distance == null) {
      laps.add(new int[] {0, size});
      return;
    }
    int from = 0;
    double next = lapLength;
    for (int i = 0; i < size; i++) {
      if (distance[i] >= next) {
        laps.add(new int[] {from, i + 1});
        from = i + 1;
        next += lapLength;
      }
    }
    if (from < size) {
      laps.add(new int[] {from, size});
    }
  }

  /** Total distance in metres, or 0 without distance. */
  public double totalDistance() {
    return distance == null ? 0 : distance[size - 1];
  }

  /** Average heart rate over a range of points, or 0 without heart rate. */
  public int averageHeartRate(int from, int to) {
    if (heartRate == null || to <= from) {
      return 0;
    }
    long sum = 0;
    for (int i = from; i < to; i++) {
      sum += heartRate[i];
    }
    return (int) Math.round((double) sum / (to - from));
  }

  /** Maximum heart rate over a range of points, or 0 without heart rate. */
  public int maxHeartRate(int from, int to) {
    if (heartRate == null) {
      return 0;
    }
    int m = 0;
    for (int i = from; i < to; i++) {
      m = Math.max(m, heartRate[i]);
    }
    return m;
  }

  /** Maximum speed in km/h over a range of points. */
  public double maxSpeed(int from, int to) {
    if (speed == null) {
      return 0;
    }
    double m = 0;
    for (int i = from; i < to; i++) {
      m = Math.max(m, speed[i]);
    }
    return m;
  }

  /** Kilocalories over a range: Keytel's heart-rate formula, or METs without heart rate. */
  public double calories(int from, int to) {
    double minutes =
        (double) (offset[Math.max(from, to - 1)] - offset[from] + INTERVAL_SECONDS) / 60.0;
    if (heartRate != null) {
      double hr = averageHeartRate(from, to);
      double w = plan.weightKg();
      double age = plan.age();
      double perMinute = plan.male()
          ? (-55.0969 + 0.6309 * hr + 0.1988 * w + 0.2017 * age) / 4.184
          : (-20.4022 + 0.4472 * hr - 0.1263 * w + 0.074 * age) / 4.184;
      return Math.max(1, perMinute * minutes);
    }
    double met = switch (plan.sport()) {
      case RUNNING -> 9.8;
      case ROAD_BIKING -> 8.0;
      case WALKING -> 3.5;
      case POOL_SWIMMING -> 7.0;
      default -> 5.0;
    };
    return met * plan.weightKg() * minutes / 60.0;
  }

  /** Polar-style training load: a TRIMP over heart-rate reserve, 0 without heart rate. */
  public double trainingLoad() {
    if (heartRate == null) {
      return 0;
    }
    double load = 0;
    double range = plan.maxHeartRate() - plan.restingHeartRate();
    for (int i = 0; i < size; i++) {
      double hrr = Math.max(0, (heartRate[i] - plan.restingHeartRate()) / range);
      load += INTERVAL_SECONDS / 60.0 * hrr * 0.64 * Math.exp(1.92 * hrr);
    }
    return load;
  }

  /** Running index (a VO2max estimate from speed and heart rate), or 0 when it cannot be computed. */
  public int runningIndex() {
    if (plan.sport() != Sport.RUNNING || heartRate == null || speed == null) {
      return 0;
    }
    double avgSpeed = totalDistance() / (plan.durationMillis() / 1000.0) * 60.0;
    double vo2 = 3.5 + 0.2 * avgSpeed;
    double hrr = (averageHeartRate(0, size) - plan.restingHeartRate())
        / (double) (plan.maxHeartRate() - plan.restingHeartRate());
    return (int) Math.round(Math.max(25, Math.min(80, vo2 / Math.max(0.3, hrr))));
  }

  /** The five heart-rate zones: {lower, upper, seconds in zone} each, limits from the maximum heart rate. */
  public List<int[]> zones() {
    List<int[]> zones = new ArrayList<>();
    int max = plan.maxHeartRate();
    for (int z = 0; z < 5; z++) {
      int lower = (int) Math.round(max * (0.5 + 0.1 * z));
      int upper = z == 4 ? max : (int) Math.round(max * (0.6 + 0.1 * z)) - 1;
      int seconds = 0;
      if (heartRate != null) {
        for (int i = 0; i < size; i++) {
          if (heartRate[i] >= lower && heartRate[i] <= upper) {
            seconds += INTERVAL_SECONDS;
          }
        }
      }
      zones.add(new int[] {lower, upper, seconds});
    }
    return zones;
  }
}
