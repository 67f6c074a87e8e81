package dev.accesslink4j.testkit;

import dev.accesslink4j.AccessToken;
import dev.accesslink4j.testkit.internal.Account;
import dev.accesslink4j.testkit.internal.Account.DayKind;
import dev.accesslink4j.testkit.internal.Engine;
import dev.accesslink4j.testkit.internal.ExerciseRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Polar account in a {@link FakeAccessLink}, and the way to seed its data in domain terms. Every {@code add}
 * method is a sync from the user's device: the data becomes visible on the non-transactional endpoints, and the
 * transactional kinds (exercises, activity summaries, physical information) wait uncommitted in the next
 * transaction and show up in pull notifications. Data is only served while the user is registered.
 *
 * <p>The data itself comes from the fake's seeded generator, so the same seed, clock and calls give the same data.
 * Thread-safe.
 */
public final class FakeUser {
  private final FakeAccessLink fake;
  private final Account account;

  FakeUser(FakeAccessLink fake, Account account) {
    this.fake = fake;
    this.account = account;
  }

  FakeAccessLink fake() {
    return fake;
  }

  Account account() {
    return account;
  }

  private Engine engine() {
    return fake.engine();
  }

  /**
   * The Polar user id ({@code x_user_id}, {@code polar-user-id}, the {@code {user-id}} in paths).
   *
   * @return the id
   */
  public long polarUserId() {
    return account.id;
  }

  /**
   * The member id the user is registered under.
   *
   * @return the member id, or empty when not registered
   */
  public Optional<String> memberId() {
    return engine().locked(() -> Optional.ofNullable(account.memberId));
  }

  /**
   * Whether the user is registered with the client.
   *
   * @return true after registration and before deletion
   */
  public boolean registered() {
    return engine().locked(account::registered);
  }

  /**
   * Registers the user with the client without an HTTP call (as {@code POST /v3/users} would).
   *
   * @param memberId the partner's member id
   * @return this user
   */
  public FakeUser register(String memberId) {
    engine().register(account, Objects.requireNonNull(memberId, "memberId"));
    return this;
  }

  /**
   * De-registers the user and revokes its tokens (as {@code DELETE /v3/users/{id}} would).
   *
   * @return this user
   */
  public FakeUser deregister() {
    engine().deregister(account);
    return this;
  }

  /**
   * Revokes every access token of the user (as the user removing the link at account.polar.com would): later
   * calls with them answer 401.
   *
   * @return this user
   */
  public FakeUser revokeTokens() {
    engine().revokeTokens(account);
    return this;
  }

  /**
   * Withholds the mandatory consents: every user-data call answers 403 until {@link #grantConsent()}.
   *
   * @return this user
   */
  public FakeUser withholdConsent() {
    engine().consent(account, true);
    return this;
  }

  /**
   * Grants the mandatory consents again.
   *
   * @return this user
   */
  public FakeUser grantConsent() {
    engine().consent(account, false);
    return this;
  }

  /**
   * Issues an access token for this user without the browser flow, as {@link FakeAccessLink#issueToken(FakeUser)}.
   *
   * @return the token, with its lifetime and this user's id
   */
  public AccessToken issueToken() {
    return fake.issueToken(this);
  }

  /**
   * Adds a generated exercise that ended shortly before now.
   *
   * @return its hashed and transactional ids
   */
  public ExerciseIds addExercise() {
    return addExercise(ExerciseSpec.random());
  }

  /**
   * Adds an exercise.
   *
   * @param spec what to fix; the rest is generated
   * @return its hashed and transactional ids
   */
  public ExerciseIds addExercise(ExerciseSpec spec) {
    ExerciseRecord e = engine().seeder().addExercise(account, Objects.requireNonNull(spec, "spec"));
    return new ExerciseIds(e.hashedId, e.transactionalId);
  }

  /**
   * The ids of every exercise of this user, oldest first.
   *
   * @return the ids
   */
  public List<ExerciseIds> exercises() {
    return engine().locked(() -> {
      List<ExerciseIds> ids = new ArrayList<>();
      for (ExerciseRecord e : account.exercises) {
        ids.add(new ExerciseIds(e.hashedId, e.transactionalId));
      }
      return List.copyOf(ids);
    });
  }

  /**
   * Adds a day of activity: the day on {@code /v3/users/activities} and a new snapshot for the activity
   * transactions (a second call for the same day is a second sync: same day, new snapshot).
   *
   * @param date the day
   * @return this user
   */
  public FakeUser addActivityDay(LocalDate date) {
    engine().seeder().addActivityDay(account, Objects.requireNonNull(date, "date"));
    return this;
  }

  /**
   * Adds a physical information record (weight drifts a little each time): a new item for the physical-information
   * transactions, and the latest value of {@code GET /v3/users/physical-info}.
   *
   * @return this user
   */
  public FakeUser addPhysicalInfo() {
    engine().seeder().addPhysicalInfo(account);
    return this;
  }

  /**
   * Adds the night that ends on the morning of a date (sleep and available sleep).
   *
   * @param date the date of the night
   * @return this user
   */
  public FakeUser addSleep(LocalDate date) {
    return day(DayKind.SLEEP, date);
  }

  /**
   * Adds Nightly Recharge for the night ending on a date.
   *
   * @param date the date
   * @return this user
   */
  public FakeUser addNightlyRecharge(LocalDate date) {
    return day(DayKind.NIGHTLY_RECHARGE, date);
  }

  /**
   * Adds a day of continuous heart rate.
   *
   * @param date the date
   * @return this user
   */
  public FakeUser addContinuousHeartRate(LocalDate date) {
    return day(DayKind.CONTINUOUS_HEART_RATE, date);
  }

  /**
   * Adds a cardio-load entry for a date (days with an exercise with heart rate have one anyway).
   *
   * @param date the date
   * @return this user
   */
  public FakeUser addCardioLoad(LocalDate date) {
    return day(DayKind.CARDIO_LOAD, date);
  }

  /**
   * Adds SleepWise alertness and circadian bedtime for a date.
   *
   * @param date the date
   * @return this user
   */
  public FakeUser addSleepWise(LocalDate date) {
    return day(DayKind.SLEEP_WISE, date);
  }

  /**
   * Adds the night's body temperature, skin temperature and skin contacts for a date.
   *
   * @param date the date
   * @return this user
   */
  public FakeUser addBiosensing(LocalDate date) {
    return day(DayKind.BIOSENSING, date);
  }

  /**
   * Adds a wrist ECG test on a date.
   *
   * @param date the date
   * @return this user
   */
  public FakeUser addEcgTest(LocalDate date) {
    return day(DayKind.ECG, date);
  }

  /**
   * Adds an SpO2 test on a date.
   *
   * @param date the date
   * @return this user
   */
  public FakeUser addSpo2Test(LocalDate date) {
    return day(DayKind.SPO2, date);
  }

  private FakeUser day(DayKind kind, LocalDate date) {
    engine().seeder().addDay(account, kind, Objects.requireNonNull(date, "date"));
    return this;
  }

  /**
   * Fills the last {@code days} days, today included, with every kind of data: activity, sleep, Nightly Recharge,
   * continuous heart rate, cardio load, SleepWise and biosensing every day, an exercise on about half of the days,
   * an ECG or SpO2 test on some, and one physical information record if the user has none.
   *
   * @param days how many days; 0 does nothing
   * @return this user
   */
  public FakeUser seedDays(int days) {
    engine().seeder().seedDays(account, days);
    return this;
  }

  @Override
  public String toString() {
    return "FakeUser[" + account.id + "]";
  }
}
