package dev.accesslink4j.oauth;

import dev.accesslink4j.AccessToken;
import java.util.Optional;
import java.util.Set;

/**
 * Where an application keeps its users' {@link AccessToken}s, under a key of its choosing (typically the member id
 * it registered the user with, or the Polar user id). Implementations must be thread-safe and must keep the token's
 * metadata (type, lifetime, issue time, user id) along with its value.
 *
 * <p>A token is a credential to the user's health data: store it encrypted or with owner-only access, and delete it
 * when the user is de-registered or a call answers 401.
 */
public interface TokenStore {

  /**
   * Stores a token, replacing any token stored under the same key.
   *
   * @param key the application's key for the user; not blank
   * @param token the token
   */
  void save(String key, AccessToken token);

  /**
   * Reads a token.
   *
   * @param key the application's key for the user
   * @return the token, or empty when none is stored under the key
   */
  Optional<AccessToken> load(String key);

  /**
   * Removes a token; does nothing when none is stored under the key.
   *
   * @param key the application's key for the user
   */
  void delete(String key);

  /**
   * The keys that have a token.
   *
   * @return an immutable snapshot of the keys
   */
  Set<String> keys();
}
