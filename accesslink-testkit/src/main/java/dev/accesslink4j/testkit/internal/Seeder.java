package dev.accesslink4j.testkit.internal;

import dev.accesslink4j.testkit.ExerciseSpec;
import dev.accesslink4j.testkit.ExerciseSpec.Sport;
import dev.accesslink4j.testkit.FakeWebhookEvent;
import dev.accesslink4j.testkit.internal.Account.DayKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Adds accounts and data to the engine's state, as a device sync would: exercises, activity days, physical
 * information and the day-level kinds, each generated from the seed. Additions of transactional kinds also wait
 * uncommitted for the next transaction, and with automatic delivery on, each addition sends its webhook event once
 * the lock is released.
 */
public final class Seeder {
  private final Engine engine;
  private long nextExerciseId = 1_937_529_874L;
  private long nextActivityId = 1_234;
  private long nextPhysicalId = 123;

  Seeder(Engine engine) {
    this.engine = engine;
  }

  /** Creates the demo account with the configured days of data (no webhook events: nothing can listen yet). */
  Account demoAccount(long id) {
    synchronized (engine.lock) {
      Account demo = newAccount(id, "Eka", "Toka", LocalDate.of(1985, 9, 6), "MALE", 170, 66);
      seedDays(demo, engine.config.demoDays(), new ArrayList<>());
      return demo;
    }
  }

  private Account newAccount(
      long id,
      String first,
      String last,
      LocalDate birthdate,
      String gender,
      double height,
      double weight) {
    Rnd r = Rnd.of(engine.config.seed(), id, "profile");
    int age = java.time.Period.between(birthdate, engine.today()).getYears();
    int max = (int) Math.round(208 - 0.7 * age + r.gauss(0, 4));
    int rest = r.between(44, 62);
    int vo2 =
        (int) Math.round(Math.max(30, Math.min(65, 15.3 * max / (double) rest + r.gauss(0, 3))));
    String device = r.pick(
        List.of("Polar Vantage V3", "Polar Grit X2 Pro", "Polar Pacer Pro", "Polar Ignite 3"));
    Account a = new Account(
        id,
        first,
        last,
        birthdate,
        gender,
        height,
        weight,
        max,
        rest,
        vo2,
        engine.config.zone(),
        device,
        r.chars("0123456789ABCDEF", 8));
    engine.accounts.put(id, a);
    return a;
  }

  private static final List<String> FIRST_MALE =
      List.of("Matti", "Juha", "Mikko", "Antti", "Lars", "Tomás");
  private static final List<String> FIRST_FEMALE =
      List.of("Aino", "Sanna", "Laura", "Emilia", "Ingrid", "Maria");
  private static final List<String> LAST = List.of(
      "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Laine", "Heikkinen", "Lindqvist", "Koskinen");

  /** A new account; registered (with a member id) or not. */
  public Account addAccount(@Nullable String memberId, boolean registered) {
    synchronized (engine.lock) {
      long id;
      do {
        id = engine.ids.nextLong(1_000_000, 99_999_999);
      } while (engine.accounts.containsKey(id));
      Rnd r = Rnd.of(engine.config.seed(), id, "person");
      boolean male = r.chance(0.5);
      String first = r.pick(male ? FIRST_MALE : FIRST_FEMALE);
      LocalDate birth = engine.today().minusYears(r.between(22, 60)).minusDays(r.between(0, 364));
      double height = Math.round(male ? r.gauss(180, 6) : r.gauss(166, 6));
      double weight = Math.round((male ? r.gauss(80, 8) : r.gauss(64, 7)) * 10) / 10.0;
      Account a =
          newAccount(id, first, r.pick(LAST), birth, male ? "MALE" : "FEMALE", height, weight);
      if (registered) {
        engine.register(a, memberId != null ? memberId : "member-" + id);
      }
      return a;
    }
  }

  /** Adds an exercise and returns it. */
  public ExerciseRecord addExercise(Account a, ExerciseSpec spec) {
    ExerciseRecord e;
    synchronized (engine.lock) {
      e = addExerciseLocked(a, spec, null);
    }
    engine.webhooks.autoDeliver(a, FakeWebhookEvent.Type.EXERCISE, e.hashedId, null);
    return e;
  }

  private ExerciseRecord addExerciseLocked(Account a, ExerciseSpec spec, @Nullable LocalDate day) {
    nextExerciseId += engine.ids.between(1_000, 90_000);
    long seed = engine.ids.nextSeed();
    Rnd r = Rnd.of(seed, "plan");
    Sport sport = spec.sport()
        .orElseGet(() -> r.pick(List.of(
            Sport.RUNNING,
            Sport.RUNNING,
            Sport.ROAD_BIKING,
            Sport.WALKING,
            Sport.STRENGTH_TRAINING,
            Sport.POOL_SWIMMING)));
    long millis = spec.duration().map(Duration::toMillis).orElseGet(() -> {
      int minutes = switch (sport) {
        case ROAD_BIKING -> r.between(50, 150);
        case WALKING -> r.between(30, 80);
        case STRENGTH_TRAINING -> r.between(35, 70);
        case POOL_SWIMMING -> r.between(25, 55);
        default -> r.between(28, 75);
      };
      return minutes * 60_000L + r.between(0, 59_999);
    });
    Instant now = engine.clock.instant();
    LocalDateTime nowLocal = LocalDateTime.ofInstant(now, a.zone);
    int lagMinutes = r.between(4, 40);
    LocalDateTime start = spec.start().orElseGet(() -> {
      if (day == null || !day.isBefore(nowLocal.toLocalDate())) {
        return nowLocal
            .minusMinutes(millis / 60_000 + lagMinutes + r.between(10, 180))
            .withNano(0);
      }
      return day.atTime(r.between(6, 19), r.between(0, 59), r.between(0, 59));
    });
    int offset = a.zone.getRules().getOffset(start).getTotalSeconds() / 60;
    Instant startUtc = start.toInstant(java.time.ZoneOffset.ofTotalSeconds(offset * 60));
    Instant upload = startUtc.plusMillis(millis).plusSeconds(lagMinutes * 60L + r.between(0, 59));
    if (upload.isAfter(now) && spec.start().isEmpty()) {
      upload = now;
    }
    boolean hr = spec.heartRate().orElse(sport != Sport.POOL_SWIMMING);
    boolean route = spec.route().orElse(sport.hasRouteByDefault()) && sport.hasRouteByDefault();
    ExercisePlan plan = new ExercisePlan(
        sport,
        start,
        offset,
        millis,
        hr,
        route,
        seed,
        a.maxHeartRate,
        a.restingHeartRate,
        a.weightKg,
        a.age(start.toLocalDate()),
        a.male(),
        a.device,
        a.deviceId);
    String hashed;
    do {
      hashed =
          engine.ids.chars("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", 8);
    } while (a.exerciseByHashedId(hashed) != null);
    ExerciseRecord e = new ExerciseRecord(hashed, nextExerciseId, upload, plan);
    a.exercises.add(e);
    a.pendingExercises.put(e.transactionalId, e);
    return e;
  }

  /** Adds a day of activity: the non-transactional day and a transactional snapshot of it. */
  public void addActivityDay(Account a, LocalDate date) {
    synchronized (engine.lock) {
      addActivityLocked(a, date);
    }
    engine.webhooks.autoDeliver(a, FakeWebhookEvent.Type.ACTIVITY_SUMMARY, null, date);
  }

  private void addActivityLocked(Account a, LocalDate date) {
    a.days(DayKind.ACTIVITY).add(date);
    nextActivityId += engine.ids.between(1, 500);
    ActivityItem item = new ActivityItem(nextActivityId, date, engine.clock.instant());
    a.activityItems.add(item);
    a.pendingActivities.put(item.id(), item);
  }

  /** Adds a physical information record (weight drifts a little each time). */
  public PhysicalRecord addPhysicalInfo(Account a) {
    PhysicalRecord p;
    synchronized (engine.lock) {
      p = addPhysicalLocked(a);
    }
    engine.webhooks.autoDeliver(a, FakeWebhookEvent.Type.PHYSICAL_INFORMATION, null, null);
    return p;
  }

  private PhysicalRecord addPhysicalLocked(Account a) {
    nextPhysicalId += engine.ids.between(1, 50);
    Rnd r = Rnd.of(engine.config.seed(), a.id, "physical", nextPhysicalId);
    if (!a.physicalInfos.isEmpty()) {
      a.weightKg = Math.round((a.weightKg + r.gauss(0, 0.4)) * 10) / 10.0;
    }
    PhysicalRecord p = new PhysicalRecord(
        nextPhysicalId,
        engine.clock.instant(),
        a.weightKg,
        a.heightCm,
        a.maxHeartRate,
        a.restingHeartRate,
        (int) Math.round(a.maxHeartRate * 0.74),
        (int) Math.round(a.maxHeartRate * 0.88),
        a.vo2Max,
        r.chance(0.5) ? "SOURCE_MEASURED" : "SOURCE_USER");
    a.physicalInfos.add(p);
    a.pendingPhysical.put(p.id(), p);
    return p;
  }

  /** Marks a date as having data of a kind. */
  public void addDay(Account a, DayKind kind, LocalDate date) {
    synchronized (engine.lock) {
      a.days(kind).add(date);
    }
    switch (kind) {
      case SLEEP -> engine.webhooks.autoDeliver(a, FakeWebhookEvent.Type.SLEEP, null, date);
      case CONTINUOUS_HEART_RATE ->
        engine.webhooks.autoDeliver(a, FakeWebhookEvent.Type.CONTINUOUS_HEART_RATE, null, date);
      case SLEEP_WISE -> {
        engine.webhooks.autoDeliver(a, FakeWebhookEvent.Type.SLEEP_WISE_ALERTNESS, null, date);
        engine.webhooks.autoDeliver(
            a, FakeWebhookEvent.Type.SLEEP_WISE_CIRCADIAN_BEDTIME, null, date);
      }
      default -> {}
    }
  }

  /** A webhook event to deliver once the lock is released. */
  private record Pending(
      FakeWebhookEvent.Type type,
      @Nullable String entityId,
      @Nullable LocalDate date) {}

  /** Fills the last {@code n} days (today included) with every kind of data. */
  public void seedDays(Account a, int n) {
    List<Pending> events = new ArrayList<>();
    synchronized (engine.lock) {
      seedDays(a, n, events);
    }
    for (Pending p : events) {
      engine.webhooks.autoDeliver(a, p.type(), p.entityId(), p.date());
    }
  }

  private void seedDays(Account a, int n, List<Pending> events) {
    if (n < 0) {
      throw new IllegalArgumentException("days must not be negative: " + n);
    }
    if (n == 0) {
      return;
    }
    LocalDate today = engine.today();
    if (a.physicalInfos.isEmpty()) {
      addPhysicalLocked(a);
      events.add(new Pending(FakeWebhookEvent.Type.PHYSICAL_INFORMATION, null, null));
    }
    for (int i = n - 1; i >= 0; i--) {
      LocalDate d = today.minusDays(i);
      Rnd r = Rnd.of(engine.config.seed(), a.id, "seed", d.toEpochDay());
      addActivityLocked(a, d);
      events.add(new Pending(FakeWebhookEvent.Type.ACTIVITY_SUMMARY, null, d));
      for (DayKind k : new DayKind[] {
        DayKind.SLEEP,
        DayKind.NIGHTLY_RECHARGE,
        DayKind.CONTINUOUS_HEART_RATE,
        DayKind.CARDIO_LOAD,
        DayKind.SLEEP_WISE,
        DayKind.BIOSENSING
      }) {
        a.days(k).add(d);
      }
      events.add(new Pending(FakeWebhookEvent.Type.SLEEP, null, d));
      events.add(new Pending(FakeWebhookEvent.Type.CONTINUOUS_HEART_RATE, null, d));
      events.add(new Pending(FakeWebhookEvent.Type.SLEEP_WISE_ALERTNESS, null, d));
      events.add(new Pending(FakeWebhookEvent.Type.SLEEP_WISE_CIRCADIAN_BEDTIME, null, d));
      if (r.chance(0.2)) {
        a.days(DayKind.ECG).add(d);
      }
      if (r.chance(0.25)) {
        a.days(DayKind.SPO2).add(d);
      }
      if (r.chance(0.55)) {
        ExerciseRecord e = addExerciseLocked(a, ExerciseSpec.random(), d);
        events.add(new Pending(FakeWebhookEvent.Type.EXERCISE, e.hashedId, null));
      }
    }
  }
}
