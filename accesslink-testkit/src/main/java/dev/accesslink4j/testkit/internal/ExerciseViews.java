package dev.accesslink4j.testkit.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.accesslink4j.testkit.ExerciseSpec.Sport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** JSON for exercises: the snake_case {@code /v3/exercises} shape and the kebab-case transactional one. */
final class ExerciseViews {
  /** Sample type ids (Polar's appendix) in the order they are listed. */
  static final int HEART_RATE = 0;

  static final int SPEED = 1;
  static final int CADENCE = 2;
  static final int ALTITUDE = 3;
  static final int POWER = 4;
  static final int RUNNING_CADENCE = 8;
  static final int TEMPERATURE = 9;
  static final int DISTANCE = 10;
  static final int RR_INTERVAL = 11;

  private ExerciseViews() {}

  /** The {@code exerciseHashId} object; the three flags add zones, samples and route as the query asks. */
  static JsonObject hashed(
      ExerciseRecord e, String userUrl, boolean samples, boolean zones, boolean route) {
    ExerciseTrack t = e.track();
    ExercisePlan p = e.plan;
    Rnd r = Rnd.of(p.seed(), "summary");
    Json.Obj o = Json.obj()
        .put("id", e.hashedId)
        .put("upload_time", Formats.utcMillis(e.uploadTime))
        .put("polar_user", userUrl)
        .put("device", p.device())
        .put("device_id", p.deviceId())
        .put("start_time", Formats.localSeconds(p.startLocal()))
        .put("start_time_utc_offset", p.utcOffsetMinutes())
        .put("duration", Formats.secondsDuration(p.durationMillis()))
        .put("calories", Math.round(t.calories(0, t.size)));
    if (p.sport().hasDistance()) {
      o.put("distance", Json.num(t.totalDistance(), 1));
    }
    o.put("heart_rate", heartRate(t))
        .put("training_load", Json.num(t.trainingLoad(), 2))
        .put("sport", p.sport().sportValue())
        .put("has_route", t.hasRoute())
        .put("detailed_sport_info", p.sport().detailedSportInfo());
    energy(o, p, r, "fat_percentage", "carbohydrate_percentage", "protein_percentage");
    if (t.runningIndex() > 0) {
      o.put("running-index", t.runningIndex());
    }
    if (zones) {
      o.put("heart_rate_zones", zones(t));
    }
    if (samples) {
      JsonArray arr = Json.arr();
      for (int type : sampleTypes(t)) {
        JsonObject s = sample(t, type);
        if (s != null) {
          arr.add(s);
        }
      }
      o.put("samples", arr);
    }
    if (route) {
      o.put("route", route(t));
    }
    if (p.heartRate()) {
      o.put("training_load_pro", trainingLoadPro(e));
    }
    return o.build();
  }

  /** The kebab-case {@code exercise} object of the transactional API. */
  static JsonObject transactional(ExerciseRecord e, String userUrl, long transactionId) {
    ExerciseTrack t = e.track();
    ExercisePlan p = e.plan;
    Rnd r = Rnd.of(p.seed(), "summary");
    Json.Obj o = Json.obj()
        .put("id", e.transactionalId)
        .put("upload-time", Formats.utcMillis(e.uploadTime))
        .put("polar-user", userUrl)
        .put("transaction-id", transactionId)
        .put("device", p.device())
        .put("device-id", p.deviceId())
        .put("start-time", Formats.localSeconds(p.startLocal()))
        .put("start-time-utc-offset", p.utcOffsetMinutes())
        .put("duration", Duration.ofMillis(p.durationMillis()).toString())
        .put("calories", Math.round(t.calories(0, t.size)));
    if (p.sport().hasDistance()) {
      o.put("distance", Json.num(t.totalDistance(), 1));
    }
    o.put("heart-rate", heartRate(t))
        .put("training-load", Json.num(t.trainingLoad(), 2))
        .put("sport", p.sport().sportValue())
        .put("has-route", t.hasRoute())
        .put("detailed-sport-info", p.sport().detailedSportInfo());
    energy(o, p, r, "fat-percentage", "carbohydrate-percentage", "protein-percentage");
    if (t.runningIndex() > 0) {
      o.put("running-index", t.runningIndex());
    }
    if (p.heartRate()) {
      o.put("training-load-pro", trainingLoadPro(e));
    }
    return o.build();
  }

  /** {@code {"average","maximum"}}, or Polar's empty object when there is no heart rate. */
  private static JsonObject heartRate(ExerciseTrack t) {
    if (t.heartRate == null) {
      return new JsonObject();
    }
    return Json.obj()
        .put("average", t.averageHeartRate(0, t.size))
        .put("maximum", t.maxHeartRate(0, t.size))
        .build();
  }

  private static void energy(
      Json.Obj o, ExercisePlan p, Rnd r, String fat, String carbs, String protein) {
    if (!p.heartRate() || !(p.sport() == Sport.RUNNING || p.sport() == Sport.ROAD_BIKING)) {
      return;
    }
    int pr = r.between(1, 3);
    int f = r.between(38, 66);
    o.put(fat, f).put(carbs, 100 - f - pr).put(protein, pr);
  }

  /** The zone list: index, lower-limit, upper-limit, in-zone (kebab keys in both APIs). */
  static JsonArray zones(ExerciseTrack t) {
    JsonArray arr = Json.arr();
    if (t.heartRate == null) {
      return arr;
    }
    List<int[]> zones = t.zones();
    for (int i = 0; i < zones.size(); i++) {
      int[] z = zones.get(i);
      arr.add(Json.obj()
          .put("index", i + 1)
          .put("lower-limit", z[0])
          .put("upper-limit", z[1])
          .put("in-zone", Formats.duration(Duration.ofSeconds(z[2])))
          .build());
    }
    return arr;
  }

  private static JsonObject trainingLoadPro(ExerciseRecord e) {
    ExerciseTrack t = e.track();
    Rnd r = Rnd.of(e.plan.seed(), "tlp");
    double cardio = t.trainingLoad();
    double muscle =
        t.power == null ? -1 : average(t.power) * e.plan.durationMillis() / 1000.0 / 1000.0;
    String[] rpe = {
      "UNKNOWN",
      "RPE_EASY",
      "RPE_LIGHT",
      "RPE_FAIRLY_BRISK",
      "RPE_BRISK",
      "RPE_MODERATE",
      "RPE_FAIRLY_HARD",
      "RPE_HARD",
      "RPE_EXHAUSTING"
    };
    int rpeIndex = r.chance(0.4) ? 0 : r.between(2, 8);
    double perceived = rpeIndex == 0 ? -1 : rpeIndex * e.plan.durationMillis() / 60_000.0 / 2.5;
    return Json.obj()
        .put("date", e.plan.startLocal().toLocalDate().toString())
        .put("cardio-load", Json.num(cardio, 1))
        .put("muscle-load", Json.num(muscle, 1))
        .put("perceived-load", Json.num(perceived, 1))
        .put("cardio-load-interpretation", interpretation(cardio))
        .put("muscle-load-interpretation", interpretation(muscle))
        .put("perceived-load-interpretation", interpretation(perceived))
        .put("user-rpe", rpe[rpeIndex])
        .build();
  }

  private static String interpretation(double load) {
    if (load < 0) {
      return "NOT_AVAILABLE";
    }
    return load < 30
        ? "VERY_LOW"
        : load < 60 ? "LOW" : load < 100 ? "MEDIUM" : load < 150 ? "HIGH" : "VERY_HIGH";
  }

  private static double average(int[] values) {
    double s = 0;
    for (int v : values) {
      s += v;
    }
    return s / values.length;
  }

  /** The sample types a track has. */
  static List<Integer> sampleTypes(ExerciseTrack t) {
    List<Integer> types = new ArrayList<>();
    Sport sport = t.plan.sport();
    if (t.heartRate != null) {
      types.add(HEART_RATE);
    }
    if (t.speed != null) {
      types.add(SPEED);
    }
    if (sport == Sport.ROAD_BIKING) {
      types.add(CADENCE);
    }
    if (t.altitude != null) {
      types.add(ALTITUDE);
    }
    if (t.power != null) {
      types.add(POWER);
    }
    if (sport == Sport.RUNNING || sport == Sport.WALKING) {
      types.add(RUNNING_CADENCE);
    }
    types.add(TEMPERATURE);
    if (t.distance != null) {
      types.add(DISTANCE);
    }
    if (t.heartRate != null && sport == Sport.RUNNING) {
      types.add(RR_INTERVAL);
    }
    return types;
  }

  /** One {@code sample} object (kebab keys), or null when the track has no such series. */
  static @Nullable JsonObject sample(ExerciseTrack t, int type) {
    if (!sampleTypes(t).contains(type)) {
      return null;
    }
    StringJoiner data = new StringJoiner(",");
    if (type == RR_INTERVAL) {
      int[] hr = t.heartRate;
      if (hr == null) {
        return null;
      }
      Rnd r = Rnd.of(t.plan.seed(), "rr");
      double carry = 0;
      for (int i = 0; i < t.size; i++) {
        double rr = 60000.0 / hr[i];
        carry += ExerciseTrack.INTERVAL_SECONDS * 1000.0;
        while (carry >= rr) {
          carry -= rr;
          data.add(r.chance(0.004) ? "null" : Long.toString(Math.round(rr + r.gauss(0, 6))));
        }
      }
    } else {
      for (int i = 0; i < t.size; i++) {
        data.add(value(t, type, i));
      }
    }
    return Json.obj()
        .put("recording-rate", type == RR_INTERVAL ? null : ExerciseTrack.INTERVAL_SECONDS)
        .put("sample-type", Integer.toString(type))
        .put("data", data.toString())
        .build();
  }

  private static String value(ExerciseTrack t, int type, int i) {
    return switch (type) {
      case HEART_RATE -> Integer.toString(nonNull(t.heartRate)[i]);
      case SPEED -> Json.num(nonNull(t.speed)[i], 1).toString();
      case CADENCE, RUNNING_CADENCE -> Integer.toString(nonNull(t.cadence)[i]);
      case ALTITUDE -> Json.num(nonNull(t.altitude)[i], 1).toString();
      case POWER -> Integer.toString(nonNull(t.power)[i]);
      case TEMPERATURE -> Json.num(t.temperature[i], 1).toString();
      case DISTANCE -> Json.num(nonNull(t.distance)[i], 1).toString();
      default -> throw new IllegalArgumentException("sample type " + type);
    };
  }

  private static int[] nonNull(int @Nullable [] a) {
    if (a == null) {
      throw new IllegalStateException("series missing");
    }
    return a;
  }

  private static double[] nonNull(double @Nullable [] a) {
    if (a == null) {
      throw new IllegalStateException("series missing");
    }
    return a;
  }

  /** The route: one {@code location} per point, time as an ISO duration with a millisecond fraction. */
  static JsonArray route(ExerciseTrack t) {
    JsonArray arr = Json.arr();
    if (t.latitude == null || t.longitude == null) {
      return arr;
    }
    Rnd r = Rnd.of(t.plan.seed(), "gps");
    for (int i = 0; i < t.size; i++) {
      long millis = t.offset[i] * 1000L + r.between(0, 999);
      arr.add(Json.obj()
          .put("latitude", Json.num(t.latitude[i], 8))
          .put("longitude", Json.num(t.longitude[i], 8))
          .put("time", Formats.secondsDuration(millis))
          .put("satellites", r.between(6, 14))
          .put("fix", 1)
          .build());
    }
    return arr;
  }
}
