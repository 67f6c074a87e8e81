package dev.accesslink4j.examples.sync;

import dev.accesslink4j.examples.Messages;
import dev.accesslink4j.examples.TerminalText;
import dev.accesslink4j.sync.SyncFailure;

/** One line for a failed kind of a user, safe to print: what happened and, for 401 and 403, what to do. */
public final class FailureText {
  private FailureText() {}

  /**
   * Describes what failed.
   *
   * @param failure the engine's failure
   * @return for example {@code user 475 exercises: the access token was revoked ... run 'link' again for this user}
   */
  public static String line(SyncFailure failure) {
    return "user " + failure.userId() + " " + failure.kind().folder() + ": " + reason(failure);
  }

  /**
   * The reason alone: the hint for a 401 or a 403, otherwise the first line of the engine's message (the
   * exception's type and message), without control characters.
   *
   * @param failure the engine's failure
   * @return the reason
   */
  public static String reason(SyncFailure failure) {
    return switch (failure.reason()) {
      case RELINK -> Messages.RELINK;
      case CONSENT_REQUIRED -> Messages.CONSENT_REQUIRED;
      case ERROR ->
        TerminalText.clean(failure.message().lines().findFirst().orElse("").strip());
    };
  }
}
