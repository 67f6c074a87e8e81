package dev.accesslink4j.webhooks;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.generated.model.WebhookType;
import java.net.URI;
import java.time.Instant;

/**
 * A webhook event announcing that a user has new data. The delivery carries only where the data is; read it with
 * {@link #fetch(UserClient)} and the user's access token (look the token up by {@link #userId()}).
 *
 * @param <T> what {@link #fetch(UserClient)} returns: an {@code Optional} of one item or a list
 */
public sealed interface DataEvent<T> extends WebhookEvent
    permits ExerciseEvent,
        SleepEvent,
        ContinuousHeartRateEvent,
        DateRangeEvent,
        ActivitySummaryEvent,
        PhysicalInformationEvent {

  /**
   * The event type.
   *
   * @return the type; never {@link WebhookType#UNKNOWN_DEFAULT_OPEN_API} (unknown types are {@link UnknownEvent}s)
   */
  WebhookType webhookType();

  /**
   * The Polar user id of the user with new data ({@code user_id}), as in the token response's {@code x_user_id}.
   *
   * @return the user id
   */
  long userId();

  /**
   * When AccessLink sent the delivery ({@code timestamp}).
   *
   * @return the send time
   */
  Instant timestamp();

  /**
   * Where the new data can be read ({@code url}), as AccessLink sent it. {@link #fetch(UserClient)} does not follow
   * this URL: it calls the SDK's own endpoint for the event's id or date on the client's base URL, so the user's
   * token is never sent to a host named in a payload.
   *
   * @return the absolute data URL
   */
  URI url();

  /**
   * Reads the data this event announces, with the user's access token, through the client's base URL. Data that is
   * no longer available (older than Polar's window, deleted) is an empty result, not an exception.
   *
   * @param user the view of the user with id {@link #userId()}
   * @return the data: an empty {@code Optional} or list when there is none
   * @throws dev.accesslink4j.errors.AccessLinkException for service errors (401 re-link, 403 consent, 429, 5xx), invalid
   *     responses and I/O failures
   */
  T fetch(UserClient user);

  @Override
  default String type() {
    return webhookType().getValue();
  }
}
