package dev.accesslink4j;

import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.generated.api.DailyActivityApi;
import dev.accesslink4j.generated.api.ExercisesApi;
import dev.accesslink4j.generated.api.PhysicalInfoApi;
import dev.accesslink4j.generated.api.SleepApi;
import dev.accesslink4j.generated.api.SleepWiseApi;
import dev.accesslink4j.generated.model.ActivitySummaryWithAllSamples;
import dev.accesslink4j.generated.model.Alertness;
import dev.accesslink4j.generated.model.CircadianBedtime;
import dev.accesslink4j.generated.model.ContinuousHeartRate;
import dev.accesslink4j.generated.model.PhysicalInfo;
import dev.accesslink4j.generated.model.Sleep;
import dev.accesslink4j.generated.model.TrainingSession;
import dev.accesslink4j.internal.Calls;
import dev.accesslink4j.webhooks.ActivitySummaryEvent;
import dev.accesslink4j.webhooks.AlertnessEvent;
import dev.accesslink4j.webhooks.CircadianBedtimeEvent;
import dev.accesslink4j.webhooks.ContinuousHeartRateEvent;
import dev.accesslink4j.webhooks.DataEvent;
import dev.accesslink4j.webhooks.ExerciseEvent;
import dev.accesslink4j.webhooks.PhysicalInformationEvent;
import dev.accesslink4j.webhooks.SleepEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the data a webhook event announces, with the user's token. You normally call {@link DataEvent#fetch} on the
 * event itself, which delegates here; this class exists because the events live in
 * {@code dev.accesslink4j.webhooks} and the user's connection in this package.
 *
 * <p>Every method calls the endpoint for the event's id or date on the client's own base URL (never the payload's
 * {@code url}, so the token cannot be sent to a host named in a delivery), is retried like any read, and returns
 * "no data" (the endpoint's {@code 204} or "no data" {@code 404}) as an empty result.
 */
public final class WebhookEventFetcher {
  private WebhookEventFetcher() {}

  /**
   * Reads the training session of an {@code EXERCISE} event ({@code GET /v3/exercises/{entityId}}), without
   * samples, zones or route.
   *
   * @param user the view of the event's user
   * @param event the event
   * @return the session; empty when it is no longer available ({@code 404})
   */
  public static Optional<TrainingSession> fetch(UserClient user, ExerciseEvent event) {
    Objects.requireNonNull(event, "event");
    return Calls.optionalOr404(
        user.http().transport(), api(user, ExercisesApi.class).getExercise(event.entityId(), null, null, null));
  }

  /**
   * Reads the night of a {@code SLEEP} event ({@code GET /v3/users/sleep/{date}}).
   *
   * @param user the view of the event's user
   * @param event the event
   * @return the night's sleep; empty when there is none ({@code 404})
   */
  public static Optional<Sleep> fetch(UserClient user, SleepEvent event) {
    Objects.requireNonNull(event, "event");
    return Calls.optionalOr404(user.http().transport(), api(user, SleepApi.class).getSleep(event.date()));
  }

  /**
   * Reads the day of a {@code CONTINUOUS_HEART_RATE} event ({@code GET /v3/users/continuous-heart-rate/{date}}).
   *
   * @param user the view of the event's user
   * @param event the event
   * @return the day's samples; empty when there are none ({@code 404}, or a day object without samples)
   */
  public static Optional<ContinuousHeartRate> fetch(UserClient user, ContinuousHeartRateEvent event) {
    Objects.requireNonNull(event, "event");
    // The service's reading: a day object without samples is no data, as for any other caller.
    return user.continuousHeartRate().get(event.date());
  }

  /**
   * Reads the periods of a {@code SLEEP_WISE_CIRCADIAN_BEDTIME} event
   * ({@code GET /v3/users/sleepwise/circadian-bedtime/date?from=&to=}).
   *
   * @param user the view of the event's user
   * @param event the event
   * @return the periods; empty when the range has none ({@code 204})
   */
  public static List<CircadianBedtime> fetch(UserClient user, CircadianBedtimeEvent event) {
    Objects.requireNonNull(event, "event");
    return Calls.list(
        user.http().transport(),
        api(user, SleepWiseApi.class).listCircadianBedtimesByDateRange(event.from(), event.to()));
  }

  /**
   * Reads the periods of a {@code SLEEP_WISE_ALERTNESS} event
   * ({@code GET /v3/users/sleepwise/alertness/date?from=&to=}).
   *
   * @param user the view of the event's user
   * @param event the event
   * @return the periods; empty when the range has none ({@code 204})
   */
  public static List<Alertness> fetch(UserClient user, AlertnessEvent event) {
    Objects.requireNonNull(event, "event");
    return Calls.list(
        user.http().transport(), api(user, SleepWiseApi.class).listAlertnessByDateRange(event.from(), event.to()));
  }

  /**
   * Reads the day of an {@code ACTIVITY_SUMMARY} event ({@code GET /v3/users/activities/{date}}), without samples.
   *
   * @param user the view of the event's user
   * @param event the event
   * @return the day's summary; empty when the day has no activity ({@code 204})
   */
  public static Optional<ActivitySummaryWithAllSamples> fetch(UserClient user, ActivitySummaryEvent event) {
    Objects.requireNonNull(event, "event");
    return Calls.optional(
        user.http().transport(), api(user, DailyActivityApi.class).getActivity(event.date(), null, null, null));
  }

  /**
   * Reads the current physical information after a {@code PHYSICAL_INFORMATION} event
   * ({@code GET /v3/users/physical-info}).
   *
   * @param user the view of the event's user
   * @param event the event
   * @return the latest physical information; empty when AccessLink answers without a body
   * @throws NotFoundException (404) when the user is not registered to this client
   */
  public static Optional<PhysicalInfo> fetch(UserClient user, PhysicalInformationEvent event) {
    Objects.requireNonNull(event, "event");
    return Calls.optional(user.http().transport(), api(user, PhysicalInfoApi.class).getPhysicalInfo());
  }

  private static <A> A api(UserClient user, Class<A> type) {
    return Objects.requireNonNull(user, "user").retrofit().create(type);
  }
}
