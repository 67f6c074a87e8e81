package dev.accesslink4j.examples.sync;

import dev.accesslink4j.AccessToken;
import dev.accesslink4j.oauth.TokenStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The users linked in a token store: one entry per Polar user id, in key order.
 *
 * @param users the usable entries
 * @param problems one line per entry that cannot be used (no Polar user id), without the token
 */
public record LinkedUsers(List<LinkedUser> users, List<String> problems) {
  /**
   * Copies the lists.
   *
   * @param users the usable entries
   * @param problems the unusable entries, described
   */
  public LinkedUsers {
    users = List.copyOf(users);
    problems = List.copyOf(problems);
  }

  /**
   * One linked user.
   *
   * @param key the token store key (the member id given when linking)
   * @param userId the Polar user id
   * @param token the access token
   */
  public record LinkedUser(String key, long userId, AccessToken token) {
    @Override
    public String toString() {
      return "LinkedUser[key=" + key + ", userId=" + userId + "]";
    }
  }

  /**
   * Reads every entry of a store.
   *
   * @param store the store
   * @return the users, and the entries that cannot be used
   * @throws java.io.UncheckedIOException when the store cannot be read
   */
  public static LinkedUsers of(TokenStore store) {
    List<LinkedUser> users = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    TreeSet<Long> seen = new TreeSet<>();
    for (String key : new TreeSet<>(store.keys())) {
      Optional<AccessToken> token = store.load(key);
      if (token.isEmpty()) {
        continue;
      }
      if (token.get().userId().isEmpty()) {
        problems.add(
            "token store entry " + key + " has no Polar user id: run 'link' again for this user");
        continue;
      }
      long userId = token.get().userId().getAsLong();
      if (seen.add(userId)) {
        users.add(new LinkedUser(key, userId, token.get()));
      }
    }
    return new LinkedUsers(users, problems);
  }

  /**
   * The entry of one Polar user.
   *
   * @param userId the Polar user id
   * @return the user, or empty when not linked
   */
  public Optional<LinkedUser> find(long userId) {
    return users.stream().filter(u -> u.userId() == userId).findFirst();
  }
}
