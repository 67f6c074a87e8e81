package dev.accesslink4j.testkit;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A webhook event for {@link FakeAccessLink#deliver(FakeWebhookEvent)}: its type, the user, and the date, date range
 * or exercise it is about. The payload's {@code url} is derived from these and points at the fake.
 *
 * <p>Immutable and thread-safe.
 */
public final class FakeWebhookEvent {
  /** The event types AccessLink delivers (the names are the {@code event} values). */
  public enum Type {
    /** A new exercise; payload has {@code entity_id}, url {@code /v3/exercises/{entity_id}}. */
    EXERCISE,
    /** A new night; payload has {@code date}, url {@code /v3/users/sleep/{date}}. */
    SLEEP,
    /** New continuous heart rate; payload has {@code date}. */
    CONTINUOUS_HEART_RATE,
    /** A new or updated daily activity summary; payload has {@code date}. */
    ACTIVITY_SUMMARY,
    /** New circadian bedtime results; payload has {@code from} and {@code to}. */
    SLEEP_WISE_CIRCADIAN_BEDTIME,
    /** New alertness results; payload has {@code from} and {@code to}. */
    SLEEP_WISE_ALERTNESS,
    /** Changed physical information; url {@code /v3/users/physical-info}. */
    PHYSICAL_INFORMATION
  }

  private final Type type;
  private final long userId;
  private final @Nullable String entityId;
  private final @Nullable LocalDate date;
  private final @Nullable LocalDate from;
  private final @Nullable LocalDate to;

  private FakeWebhookEvent(
      Type type,
      long userId,
      @Nullable String entityId,
      @Nullable LocalDate date,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {
    this.type = type;
    this.userId = userId;
    this.entityId = entityId;
    this.date = date;
    this.from = from;
    this.to = to;
  }

  /**
   * An EXERCISE event.
   *
   * @param user the user
   * @param hashedExerciseId the exercise's hashed id ({@link ExerciseIds#hashedId()})
   * @return the event
   */
  public static FakeWebhookEvent exercise(FakeUser user, String hashedExerciseId) {
    return new FakeWebhookEvent(
        Type.EXERCISE,
        user.polarUserId(),
        Objects.requireNonNull(hashedExerciseId, "hashedExerciseId"),
        null,
        null,
        null);
  }

  /**
   * A SLEEP event.
   *
   * @param user the user
   * @param date the night's date
   * @return the event
   */
  public static FakeWebhookEvent sleep(FakeUser user, LocalDate date) {
    return dated(Type.SLEEP, user, date);
  }

  /**
   * A CONTINUOUS_HEART_RATE event.
   *
   * @param user the user
   * @param date the day
   * @return the event
   */
  public static FakeWebhookEvent continuousHeartRate(FakeUser user, LocalDate date) {
    return dated(Type.CONTINUOUS_HEART_RATE, user, date);
  }

  /**
   * An ACTIVITY_SUMMARY event.
   *
   * @param user the user
   * @param date the day
   * @return the event
   */
  public static FakeWebhookEvent activitySummary(FakeUser user, LocalDate date) {
    return dated(Type.ACTIVITY_SUMMARY, user, date);
  }

  /**
   * A SLEEP_WISE_ALERTNESS event.
   *
   * @param user the user
   * @param from first date of the period
   * @param to last date of the period
   * @return the event
   */
  public static FakeWebhookEvent sleepWiseAlertness(FakeUser user, LocalDate from, LocalDate to) {
    return ranged(Type.SLEEP_WISE_ALERTNESS, user, from, to);
  }

  /**
   * A SLEEP_WISE_CIRCADIAN_BEDTIME event.
   *
   * @param user the user
   * @param from first date of the period
   * @param to last date of the period
   * @return the event
   */
  public static FakeWebhookEvent sleepWiseCircadianBedtime(
      FakeUser user, LocalDate from, LocalDate to) {
    return ranged(Type.SLEEP_WISE_CIRCADIAN_BEDTIME, user, from, to);
  }

  /**
   * A PHYSICAL_INFORMATION event.
   *
   * @param user the user
   * @return the event
   */
  public static FakeWebhookEvent physicalInformation(FakeUser user) {
    return new FakeWebhookEvent(
        Type.PHYSICAL_INFORMATION, user.polarUserId(), null, null, null, null);
  }

  private static FakeWebhookEvent dated(Type type, FakeUser user, LocalDate date) {
    return new FakeWebhookEvent(
        type, user.polarUserId(), null, Objects.requireNonNull(date, "date"), null, null);
  }

  private static FakeWebhookEvent ranged(Type type, FakeUser user, LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to is before from");
    }
    return new FakeWebhookEvent(type, user.polarUserId(), null, null, from, to);
  }

  /**
   * The event type.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }

  /**
   * The Polar user id.
   *
   * @return the {@code user_id}
   */
  public long userId() {
    return userId;
  }

  /**
   * The hashed exercise id of an EXERCISE event.
   *
   * @return the {@code entity_id}, or empty for other types
   */
  public Optional<String> entityId() {
    return Optional.ofNullable(entityId);
  }

  /**
   * The date of a SLEEP, CONTINUOUS_HEART_RATE or ACTIVITY_SUMMARY event.
   *
   * @return the {@code date}, or empty for other types
   */
  public Optional<LocalDate> date() {
    return Optional.ofNullable(date);
  }

  /**
   * The first date of a SleepWise event.
   *
   * @return the {@code from}, or empty for other types
   */
  public Optional<LocalDate> from() {
    return Optional.ofNullable(from);
  }

  /**
   * The last date of a SleepWise event.
   *
   * @return the {@code to}, or empty for other types
   */
  public Optional<LocalDate> to() {
    return Optional.ofNullable(to);
  }

  @Override
  public String toString() {
    return "FakeWebhookEvent[" + type + ", user=" + userId
        + (entityId != null ? ", entity=" + entityId : "")
        + (date != null ? ", date=" + date : "")
        + (from != null ? ", from=" + from + ", to=" + to : "") + "]";
  }
}
