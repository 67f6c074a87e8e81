package dev.accesslink4j.webhooks;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.generated.model.TrainingSession;
import dev.accesslink4j.generated.model.WebhookType;
import dev.accesslink4j.services.ExercisesService;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code EXERCISE}: a training session was uploaded to Polar Flow.
 *
 * @param userId the Polar user id ({@code user_id})
 * @param entityId the hashed exercise id ({@code entity_id}), as used by {@code /v3/exercises/{id}}; not the integer
 *     id of the transactional API
 * @param timestamp when AccessLink sent the delivery ({@code timestamp})
 * @param url where the data can be read ({@code url}), as sent; not followed by {@link #fetch}
 */
public record ExerciseEvent(long userId, String entityId, Instant timestamp, URI url)
    implements DataEvent<Optional<TrainingSession>> {

  /** Checks that no component is missing. */
  public ExerciseEvent {
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(url, "url");
    if (entityId.isBlank()) {
      throw new IllegalArgumentException("entityId must not be blank");
    }
  }

  /**
   * The event type.
   *
   * @return {@link WebhookType#EXERCISE}
   */
  @Override
  public WebhookType webhookType() {
    return WebhookType.EXERCISE;
  }

  @Override
  public String deduplicationKey() {
    return type() + ":" + userId + ":" + entityId;
  }

  /**
   * Reads the training session ({@code GET /v3/exercises/{entityId}}) without samples, zones or route.
   *
   * <p>The same read as {@link ExercisesService#get(String)}, with its checks and its reading of "no data".
   *
   * @param user the view of the user with id {@link #userId()}
   * @return the session; empty when it is no longer available ({@code 404}: older than 30 days or deleted)
   * @throws AccessLinkException for service errors (401 re-link, 403 consent, 429, 5xx), invalid responses and I/O
   *     failures
   */
  @Override
  public Optional<TrainingSession> fetch(UserClient user) {
    return Objects.requireNonNull(user, "user").exercises().get(entityId);
  }
}
