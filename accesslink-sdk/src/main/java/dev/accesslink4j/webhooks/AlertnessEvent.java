package dev.accesslink4j.webhooks;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.generated.model.Alertness;
import dev.accesslink4j.generated.model.WebhookType;
import dev.accesslink4j.services.SleepWiseService;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * {@code SLEEP_WISE_ALERTNESS}: SleepWise alertness periods were computed for a date range.
 *
 * @param userId the Polar user id ({@code user_id})
 * @param from the first day of the period with new data ({@code from})
 * @param to the last day of the period with new data ({@code to})
 * @param timestamp when AccessLink sent the delivery ({@code timestamp})
 * @param url where the data can be read ({@code url}), as sent; not followed by {@link #fetch}
 */
public record AlertnessEvent(long userId, LocalDate from, LocalDate to, Instant timestamp, URI url)
    implements DateRangeEvent<List<Alertness>> {

  /** Checks that no component is missing and that {@code to} is not before {@code from}. */
  public AlertnessEvent {
    DateRanges.check(from, to, timestamp, url);
  }

  /**
   * The event type.
   *
   * @return {@link WebhookType#SLEEP_WISE_ALERTNESS}
   */
  @Override
  public WebhookType webhookType() {
    return WebhookType.SLEEP_WISE_ALERTNESS;
  }

  /**
   * Reads the periods ({@code GET /v3/users/sleepwise/alertness/date?from=&to=}).
   *
   * <p>The same read as {@link SleepWiseService#alertness(LocalDate, LocalDate)}, with its checks and its reading of
   * "no data".
   *
   * @param user the view of the user with id {@link #userId()}
   * @return the periods; an empty list when the range has none ({@code 204})
   * @throws AccessLinkException for service errors (401 re-link, 403 consent, 429, 5xx), invalid responses and I/O
   *     failures
   */
  @Override
  public List<Alertness> fetch(UserClient user) {
    return Objects.requireNonNull(user, "user").sleepWise().alertness(from, to);
  }
}
