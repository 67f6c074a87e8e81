package dev.accesslink4j.services;

import dev.accesslink4j.generated.model.User;
import java.util.Objects;

/**
 * The outcome of {@link UsersService#registerIfAbsent(String, long)}: whether this call registered the user or the
 * user was already registered, and the user as AccessLink describes them.
 */
public final class UserRegistration {
  /** How the user came to be registered. */
  public enum Status {
    /** This call registered the user. */
    REGISTERED,
    /** The user was already registered to this client (AccessLink answered 409, and reading the user confirmed it). */
    ALREADY_REGISTERED
  }

  private final Status status;
  private final User user;
  private final String requestedMemberId;

  private UserRegistration(Status status, User user, String requestedMemberId) {
    this.status = status;
    this.user = user;
    this.requestedMemberId = requestedMemberId;
  }

  static UserRegistration registered(User user, String memberId) {
    return new UserRegistration(Status.REGISTERED, user, memberId);
  }

  static UserRegistration alreadyRegistered(User user, String memberId) {
    return new UserRegistration(Status.ALREADY_REGISTERED, user, memberId);
  }

  /**
   * How the user came to be registered.
   *
   * @return {@link Status#REGISTERED} or {@link Status#ALREADY_REGISTERED}
   */
  public Status status() {
    return status;
  }

  /**
   * Tells whether this call registered the user.
   *
   * @return true for {@link Status#REGISTERED}
   */
  public boolean isNew() {
    return status == Status.REGISTERED;
  }

  /**
   * The registered user.
   *
   * @return the user as AccessLink returned it
   */
  public User user() {
    return user;
  }

  /**
   * Tells whether the user is registered under the member id that was asked for. False when the user had been
   * registered earlier under another member id (AccessLink keeps the first one).
   *
   * @return whether {@code user().getMemberId()} equals the requested member id
   */
  public boolean memberIdMatches() {
    return Objects.equals(user.getMemberId(), requestedMemberId);
  }

  @Override
  public String toString() {
    return "UserRegistration[status=" + status + ", polarUserId=" + user.getPolarUserId()
        + ", memberIdMatches=" + memberIdMatches() + "]";
  }
}
