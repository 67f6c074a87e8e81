package dev.accesslink4j.examples.sync;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.examples.Messages;
import dev.accesslink4j.generated.model.AvailableUserData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What AccessLink's pull notifications announce, read with the client credentials (one request) before a sync: the
 * users with new data, and among them those with no token here, who cannot be synced until they are linked.
 *
 * @param usersWithNewData how many users have new data
 * @param notLinked the users with new data but no token, with the data types announced for each
 * @param error why the notifications could not be read (a wrong client secret, a server error); the sync goes on
 */
public record PendingData(
    int usersWithNewData, Map<Long, SortedSet<String>> notLinked, Optional<String> error) {
  /**
   * Copies the parts.
   *
   * @param usersWithNewData users with new data
   * @param notLinked users with new data and no token
   * @param error why they could not be read
   */
  public PendingData {
    notLinked = Map.copyOf(notLinked);
    Objects.requireNonNull(error, "error");
  }

  /**
   * Reads the notifications (one request).
   *
   * @param client the client (its client id and secret)
   * @param linked the Polar user ids with a token
   * @return what they announce, or the reason they could not be read
   */
  public static PendingData read(AccessLink client, Collection<Long> linked) {
    Set<Long> known = Set.copyOf(linked);
    try {
      Map<Long, SortedSet<String>> byUser = new TreeMap<>();
      for (AvailableUserData data : client.notifications().list()) {
        if (data.getUserId() != null) {
          byUser
              .computeIfAbsent(data.getUserId(), id -> new TreeSet<>())
              .add(String.valueOf(data.getDataType()));
        }
      }
      Map<Long, SortedSet<String>> notLinked = new TreeMap<>(byUser);
      notLinked.keySet().removeAll(known);
      return new PendingData(byUser.size(), notLinked, Optional.empty());
    } catch (UnauthorizedException e) {
      return failed("AccessLink refused the client id or secret (HTTP 401)");
    } catch (AccessLinkException e) {
      return failed(Messages.oneLine(e));
    }
  }

  /**
   * Notifications that were not read.
   *
   * @param why the reason
   * @return a value without users
   */
  public static PendingData failed(String why) {
    return new PendingData(0, Map.of(), Optional.of(why));
  }

  /**
   * The lines to show a user: a summary, and one line per user with new data but no token.
   *
   * @return the lines, in user order
   */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (error.isPresent()) {
      return lines;
    }
    lines.add("notifications: new data for " + usersWithNewData
        + (usersWithNewData == 1 ? " user" : " users"));
    new TreeMap<>(notLinked)
        .forEach(
            (userId, types) -> lines.add("user " + userId + " has new " + String.join(", ", types)
                + " data but no token in the token store: link the user to sync it"));
    return lines;
  }
}
