package dev.accesslink4j.testkit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One Polar account as the fake knows it: a profile, its link to the partner client, and the data it has synced.
 * Guarded by the engine's lock; never touched without it.
 */
public final class Account {
  /** The kinds of day-level data a day can have. */
  public enum DayKind {
    /** Daily activity (non-transactional). */
    ACTIVITY,
    /** A night of sleep. */
    SLEEP,
    /** Nightly Recharge. */
    NIGHTLY_RECHARGE,
    /** Continuous heart rate. */
    CONTINUOUS_HEART_RATE,
    /** A day with a cardio load entry. */
    CARDIO_LOAD,
    /** SleepWise alertness and circadian bedtime. */
    SLEEP_WISE,
    /** Body and skin temperature, skin contacts. */
    BIOSENSING,
    /** A wrist ECG test. */
    ECG,
    /** An SpO2 test. */
    SPO2
  }

  /** The Polar user id. */
  public final long id;
  /** First name. */
  public final String firstName;
  /** Last name. */
  public final String lastName;
  /** Date of birth. */
  public final LocalDate birthdate;
  /** {@code MALE} or {@code FEMALE}. */
  public final String gender;
  /** Height in centimetres. */
  public final double heightCm;
  /** Current weight in kilograms (drifts with each physical-information sync). */
  public double weightKg;
  /** Maximum heart rate. */
  public final int maxHeartRate;
  /** Resting heart rate. */
  public final int restingHeartRate;
  /** VO2max estimate. */
  public final int vo2Max;
  /** The device time zone. */
  public final ZoneId zone;
  /** The device model name. */
  public final String device;
  /** The device id (8 hex digits). */
  public final String deviceId;

  /** The partner member id while registered, else null. */
  public @Nullable String memberId;
  /** When the account was registered, else null. */
  public @Nullable Instant registeredAt;
  /** Whether the mandatory consents are withheld (403 everywhere). */
  public boolean consentWithheld;

  /** Every exercise, in the order synced. */
  public final List<ExerciseRecord> exercises = new ArrayList<>();
  /** Every activity snapshot, in the order synced. */
  public final List<ActivityItem> activityItems = new ArrayList<>();
  /** Every physical-information record, oldest first. */
  public final List<PhysicalRecord> physicalInfos = new ArrayList<>();
  /** The dates with data, per kind. */
  public final Map<DayKind, TreeSet<LocalDate>> days = new EnumMap<>(DayKind.class);

  /** Exercises not yet committed in a transaction, by transactional id. */
  public final Map<Long, ExerciseRecord> pendingExercises = new LinkedHashMap<>();
  /** Activity snapshots not yet committed, by id. */
  public final Map<Long, ActivityItem> pendingActivities = new LinkedHashMap<>();
  /** Physical-information records not yet committed, by id. */
  public final Map<Long, PhysicalRecord> pendingPhysical = new LinkedHashMap<>();

  Account(
      long id,
      String firstName,
      String lastName,
      LocalDate birthdate,
      String gender,
      double heightCm,
      double weightKg,
      int maxHeartRate,
      int restingHeartRate,
      int vo2Max,
      ZoneId zone,
      String device,
      String deviceId) {
    this.id = id;
    this.firstName = firstName;
    this.lastName = lastName;
    this.birthdate = birthdate;
    this.gender = gender;
    this.heightCm = heightCm;
    this.weightKg = weightKg;
    this.maxHeartRate = maxHeartRate;
    this.restingHeartRate = restingHeartRate;
    this.vo2Max = vo2Max;
    this.zone = zone;
    this.device = device;
    this.deviceId = deviceId;
    for (DayKind kind : DayKind.values()) {
      days.put(kind, new TreeSet<>());
    }
  }

  /** Whether the account is registered with the partner client (POST /v3/users done, not deleted since). */
  public boolean registered() {
    return memberId != null;
  }

  /** Whether the account is a man, for the calorie formulas. */
  public boolean male() {
    return "MALE".equals(gender);
  }

  /** Age in whole years on a date. */
  public int age(LocalDate on) {
    return Period.between(birthdate, on).getYears();
  }

  /** The dates with data of one kind. */
  public TreeSet<LocalDate> days(DayKind kind) {
    TreeSet<LocalDate> set = days.get(kind);
    if (set == null) {
      throw new IllegalStateException(kind.name());
    }
    return set;
  }

  /** The exercise with a hashed id, or null. */
  public @Nullable ExerciseRecord exerciseByHashedId(String hashedId) {
    for (ExerciseRecord e : exercises) {
      if (e.hashedId.equals(hashedId)) {
        return e;
      }
    }
    return null;
  }

  /** The latest physical information, or null when none was ever synced. */
  public @Nullable PhysicalRecord latestPhysicalInfo() {
    return physicalInfos.isEmpty() ? null : physicalInfos.get(physicalInfos.size() - 1);
  }
}
