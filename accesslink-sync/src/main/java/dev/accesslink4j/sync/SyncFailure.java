package dev.accesslink4j.sync;

import java.util.Objects;

/**
 * A kind of a user that could not be synced this run; what was delivered before the failure stays recorded, the
 * rest comes at the next run.
 *
 * @param userId the Polar user id
 * @param kind the kind
 * @param reason why: {@link Reason#RELINK}, {@link Reason#CONSENT_REQUIRED} or {@link Reason#ERROR}
 * @param message the exception's type and message (they carry no token: the SDK never puts one in a message)
 */
public record SyncFailure(long userId, SyncKind kind, Reason reason, String message) {
  /**
   * Checks the parts.
   *
   * @param userId the Polar user id
   * @param kind the kind
   * @param reason why
   * @param message what happened
   */
  public SyncFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }

  /** The kinds of failure a user can act on. */
  public enum Reason {
    /** AccessLink answered 401: the token was revoked or expired; the user must link again. */
    RELINK,
    /** AccessLink answered 403: the user must accept Polar's mandatory consents. */
    CONSENT_REQUIRED,
    /** Anything else (server errors, rate limit, network, a sink that threw); the next run tries again. */
    ERROR
  }
}
