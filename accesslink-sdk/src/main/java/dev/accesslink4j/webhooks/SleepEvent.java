package dev.accesslink4j.webhooks;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.generated.model.Sleep;
import dev.accesslink4j.generated.model.WebhookType;
import dev.accesslink4j.services.SleepService;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SLEEP}: a night's sleep was recorded or changed.
 *
 * @param userId the Polar user id ({@code user_id})
 * @param date the night with new sleep data ({@code date})
 * @param timestamp when AccessLink sent the delivery ({@code timestamp})
 * @param url where the data can be read ({@code url}), as sent; not followed by {@link #fetch}
 */
public record SleepEvent(long userId, LocalDate date, Instant timestamp, URI url)
    implements DataEvent<Optional<Sleep>> {

  /** Checks that no component is missing. */
  public SleepEvent {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(url, "url");
  }

  /**
   * The event type.
   *
   * @return {@link WebhookType#SLEEP}
   */
  @Override
  public WebhookType webhookType() {
    return WebhookType.SLEEP;
  }

  @Override
  public String deduplicationKey() {
    return type() + ":" + userId + ":" + date;
  }

  /**
   * Reads the night's sleep ({@code GET /v3/users/sleep/{date}}).
   *
   * <p>The same read as {@link SleepService#get(LocalDate)}, with its checks and its reading of "no data".
   *
   * @param user the view of the user with id {@link #userId()}
   * @return the sleep; empty when there is none for that night ({@code 404}, Polar's "no data")
   * @throws AccessLinkException for service errors (401 re-link, 403 consent, 429, 5xx), invalid responses and I/O
   *     failures
   */
  @Override
  public Optional<Sleep> fetch(UserClient user) {
    return Objects.requireNonNull(user, "user").sleep().get(date);
  }
}
