package dev.accesslink4j.oauth;

import dev.accesslink4j.AccessToken;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

  /**
   * Finds the token of a Polar user by the user's Polar id ({@link AccessToken#userId()}), whatever key it is stored
   * under: a webhook event or a pull notification names the Polar user id, not the application's key.
   *
   * <p>When several keys hold a token of the same user (the user was linked twice under different keys), the most
   * recently issued one is returned, since a new authorization is the one most likely still valid; tokens without an
   * issue time count as oldest, and among equals the first key in natural order wins. Tokens saved without a user id
   * are never found here.
   *
   * <p>The default implementation reads every entry ({@link #keys()}, then {@link #load(String)} for each); the
   * SDK's stores answer from one read.
   *
   * @param polarUserId the Polar user id
   * @return the token, or empty when no stored token carries that user id
   */
  default Optional<AccessToken> findByUserId(long polarUserId) {
    AccessToken best = null;
    for (String key : new TreeSet<>(keys())) {
      Optional<AccessToken> token = load(key);
      if (token.isPresent()) {
        best = UserTokens.better(best, token.get(), polarUserId);
      }
    }
    return Optional.ofNullable(best);
  }
}
