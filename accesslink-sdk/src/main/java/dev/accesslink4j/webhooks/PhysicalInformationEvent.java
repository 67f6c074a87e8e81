package dev.accesslink4j.webhooks;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.generated.model.PhysicalInfo;
import dev.accesslink4j.generated.model.WebhookType;
import dev.accesslink4j.services.PhysicalInfoService;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code PHYSICAL_INFORMATION}: the user's physical information (weight, heart-rate thresholds, VO2max…) changed.
 *
 * @param userId the Polar user id ({@code user_id})
 * @param timestamp when AccessLink sent the delivery ({@code timestamp})
 * @param url where the data can be read ({@code url}), as sent; not followed by {@link #fetch}
 */
public record PhysicalInformationEvent(long userId, Instant timestamp, URI url)
    implements DataEvent<Optional<PhysicalInfo>> {

  /** Checks that no component is missing. */
  public PhysicalInformationEvent {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(url, "url");
  }

  /**
   * The event type.
   *
   * @return {@link WebhookType#PHYSICAL_INFORMATION}
   */
  @Override
  public WebhookType webhookType() {
    return WebhookType.PHYSICAL_INFORMATION;
  }

  @Override
  public String deduplicationKey() {
    return type() + ":" + userId;
  }

  /**
   * Reads the user's current physical information ({@code GET /v3/users/physical-info}); later changes are included,
   * since the endpoint always answers the latest values.
   *
   * <p>The same read as {@link PhysicalInfoService#get()}, with its checks and its reading of "no data".
   *
   * @param user the view of the user with id {@link #userId()}
   * @return the physical information; empty when AccessLink answers without a body ({@code 204})
   * @throws AccessLinkException for service errors (401 re-link, 403 consent, 429, 5xx), invalid responses and I/O
   *     failures
   */
  @Override
  public Optional<PhysicalInfo> fetch(UserClient user) {
    return Objects.requireNonNull(user, "user").physicalInfo().get();
  }
}
