package dev.accesslink4j.oauth;

import dev.accesslink4j.AccessToken;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TokenStore} in memory, lost when the process ends: for tests, examples and short-lived tools.
 * Thread-safe.
 */
public final class InMemoryTokenStore implements TokenStore {
  private final ConcurrentHashMap<String, AccessToken> tokens = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryTokenStore() {}

  @Override
  public void save(String key, AccessToken token) {
    tokens.put(Keys.checked(key), Objects.requireNonNull(token, "token"));
  }

  @Override
  public Optional<AccessToken> load(String key) {
    return Optional.ofNullable(tokens.get(Objects.requireNonNull(key, "key")));
  }

  @Override
  public void delete(String key) {
    tokens.remove(Objects.requireNonNull(key, "key"));
  }

  @Override
  public Set<String> keys() {
    return Set.copyOf(tokens.keySet());
  }

  /** {@inheritDoc} */
  @Override
  public Optional<AccessToken> findByUserId(long polarUserId) {
    AccessToken best = null;
    for (AccessToken token : new TreeMap<>(tokens).values()) {
      best = UserTokens.better(best, token, polarUserId);
    }
    return Optional.ofNullable(best);
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore[" + tokens.size() + " tokens]";
  }
}
