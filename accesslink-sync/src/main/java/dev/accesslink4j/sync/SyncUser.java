package dev.accesslink4j.sync;

import dev.accesslink4j.AccessToken;
import java.util.Objects;

/**
 * One linked user to sync: the Polar user id (which keys the state and the sink's items) and the user's token.
 *
 * @param userId the Polar user id
 * @param token the user's access token; its {@code toString} never shows the secret
 */
public record SyncUser(long userId, AccessToken token) {
  /**
   * Checks the token.
   *
   * @param userId the Polar user id
   * @param token the user's access token
   */
  public SyncUser {
    Objects.requireNonNull(token, "token");
  }
}
