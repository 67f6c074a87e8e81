package dev.accesslink4j.testkit;

import java.util.Objects;

/**
 * The two ids one seeded exercise has in AccessLink: the hashed string id of {@code /v3/exercises/{id}} (also the
 * webhook {@code entity_id}) and the integer id of the deprecated exercise transactions.
 *
 * @param hashedId the hashed id, for example {@code "bX1oPjdv"}
 * @param transactionalId the integer id used under {@code /v3/users/{user-id}/exercise-transactions}
 */
public record ExerciseIds(String hashedId, long transactionalId) {
  /**
   * Checks the ids.
   *
   * @param hashedId the hashed id
   * @param transactionalId the integer id
   */
  public ExerciseIds {
    Objects.requireNonNull(hashedId, "hashedId");
  }
}
