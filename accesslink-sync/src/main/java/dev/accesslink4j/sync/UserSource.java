package dev.accesslink4j.sync;

import dev.accesslink4j.AccessToken;
import dev.accesslink4j.oauth.TokenStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the engine finds the users to sync: any source of Polar user ids and tokens, read once at the start of every
 * run (so users linked in between are picked up by the next run).
 */
@FunctionalInterface
public interface UserSource {
  /**
   * The users to sync now.
   *
   * @return the users; each user id at most once
   */
  List<SyncUser> users();

  /**
   * Finds one user, for a targeted sync. The default scans {@link #users()}; a source with an index may do better.
   *
   * @param userId the Polar user id
   * @return the user, or empty when the source has no token for it
   */
  default Optional<SyncUser> user(long userId) {
    return users().stream().filter(u -> u.userId() == userId).findFirst();
  }

  /**
   * The users of a fixed list.
   *
   * @param users the users
   * @return a source that always returns them
   */
  static UserSource of(List<SyncUser> users) {
    List<SyncUser> copy = List.copyOf(users);
    return () -> copy;
  }

  /**
   * The users of a token store: every stored token that carries a Polar user id (as tokens from
   * {@code OAuthService.exchange} do) or whose key is the user id in decimal. When several tokens name one user, the
   * latest issued wins, as in {@link TokenStore#findByUserId(long)}.
   *
   * @param store the token store the application links users into
   * @return a source reading the store at every run
   */
  static UserSource fromTokenStore(TokenStore store) {
    Objects.requireNonNull(store, "store");
    return () -> {
      java.util.Map<Long, AccessToken> byUser = new java.util.TreeMap<>();
      for (String key : new java.util.TreeSet<>(store.keys())) {
        Optional<AccessToken> token = store.load(key);
        if (token.isEmpty()) {
          continue;
        }
        OptionalLong id = token.get().userId();
        if (id.isEmpty()) {
          try {
            id = OptionalLong.of(Long.parseLong(key));
          } catch (NumberFormatException e) {
            continue; // neither the token nor the key says whose it is
          }
        }
        byUser.merge(id.getAsLong(), token.get(), UserSource::later);
      }
      List<SyncUser> users = new ArrayList<>();
      byUser.forEach((id, token) -> users.add(new SyncUser(id, token)));
      return users;
    };
  }

  private static AccessToken later(AccessToken a, AccessToken b) {
    return b.issuedAt()
            .orElse(java.time.Instant.MIN)
            .isAfter(a.issuedAt().orElse(java.time.Instant.MIN))
        ? b
        : a;
  }
}
