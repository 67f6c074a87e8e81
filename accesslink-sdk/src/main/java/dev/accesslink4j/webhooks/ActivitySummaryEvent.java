package dev.accesslink4j.webhooks;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.generated.model.ActivitySummaryWithAllSamples;
import dev.accesslink4j.generated.model.WebhookType;
import dev.accesslink4j.services.DailyActivityService;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ACTIVITY_SUMMARY}: a day's activity summary changed.
 *
 * @param userId the Polar user id ({@code user_id})
 * @param date the day whose activity summary changed ({@code date})
 * @param timestamp when AccessLink sent the delivery ({@code timestamp})
 * @param url where the data can be read ({@code url}), as sent; not followed by {@link #fetch}
 */
public record ActivitySummaryEvent(long userId, LocalDate date, Instant timestamp, URI url)
    implements DataEvent<Optional<ActivitySummaryWithAllSamples>> {

  /** Checks that no component is missing. */
  public ActivitySummaryEvent {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(url, "url");
  }

  /**
   * The event type.
   *
   * @return {@link WebhookType#ACTIVITY_SUMMARY}
   */
  @Override
  public WebhookType webhookType() {
    return WebhookType.ACTIVITY_SUMMARY;
  }

  @Override
  public String deduplicationKey() {
    return type() + ":" + userId + ":" + date;
  }

  /**
   * Reads the day's activity summary ({@code GET /v3/users/activities/{date}}) without samples.
   *
   * <p>The same read as {@link DailyActivityService#get(LocalDate)}, with its checks and its reading of "no data".
   *
   * @param user the view of the user with id {@link #userId()}
   * @return the summary; empty when the day has no activity ({@code 204})
   * @throws IllegalArgumentException if the date is more than 365 days before today (UTC), which AccessLink would
   *     refuse (no request is sent)
   * @throws AccessLinkException for service errors (401 re-link, 403 consent, 429, 5xx), invalid responses and I/O
   *     failures
   */
  @Override
  public Optional<ActivitySummaryWithAllSamples> fetch(UserClient user) {
    return Objects.requireNonNull(user, "user").activities().get(date);
  }
}
