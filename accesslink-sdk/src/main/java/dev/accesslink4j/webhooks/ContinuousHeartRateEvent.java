package dev.accesslink4j.webhooks;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.generated.model.ContinuousHeartRate;
import dev.accesslink4j.generated.model.WebhookType;
import dev.accesslink4j.services.ContinuousHeartRateService;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code CONTINUOUS_HEART_RATE}: a day's continuous heart-rate samples were synced.
 *
 * @param userId the Polar user id ({@code user_id})
 * @param date the day with new continuous heart-rate samples ({@code date})
 * @param timestamp when AccessLink sent the delivery ({@code timestamp})
 * @param url where the data can be read ({@code url}), as sent; not followed by {@link #fetch}
 */
public record ContinuousHeartRateEvent(long userId, LocalDate date, Instant timestamp, URI url)
    implements DataEvent<Optional<ContinuousHeartRate>> {

  /** Checks that no component is missing. */
  public ContinuousHeartRateEvent {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(url, "url");
  }

  /**
   * The event type.
   *
   * @return {@link WebhookType#CONTINUOUS_HEART_RATE}
   */
  @Override
  public WebhookType webhookType() {
    return WebhookType.CONTINUOUS_HEART_RATE;
  }

  @Override
  public String deduplicationKey() {
    return type() + ":" + userId + ":" + date;
  }

  /**
   * Reads the day's samples ({@code GET /v3/users/continuous-heart-rate/{date}}).
   *
   * <p>The same read as {@link ContinuousHeartRateService#get(LocalDate)}, with its checks and its reading of "no
   * data".
   *
   * @param user the view of the user with id {@link #userId()}
   * @return the samples; empty when there are none for that day ({@code 404}, Polar's "no data", or a day object
   *     without samples)
   * @throws AccessLinkException for service errors (401 re-link, 403 consent, 429, 5xx), invalid responses and I/O
   *     failures
   */
  @Override
  public Optional<ContinuousHeartRate> fetch(UserClient user) {
    return Objects.requireNonNull(user, "user").continuousHeartRate().get(date);
  }
}
