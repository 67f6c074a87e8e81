package dev.accesslink4j.examples;

import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.RateLimitException;
import dev.accesslink4j.errors.TransactionAbortedException;
import dev.accesslink4j.errors.UnauthorizedException;
import java.io.UncheckedIOException;

/**
 * One-line, human messages for failures. The SDK's messages never carry a token, secret or request body, but they
 * may quote a server (Polar's error message, an OAuth error description) or data (a file name): this class shortens
 * them to one line, replaces every character a terminal would act on ({@link TerminalText#clean}) and adds what to
 * do next.
 */
public final class Messages {
  /** What a 401 on a user's token means and what to do. */
  public static final String RELINK =
      "the access token was revoked or has expired (HTTP 401): run 'link' again for this user";

  /** What a 403 on a user's data means and what to do. */
  public static final String CONSENT_REQUIRED =
      "the user has not accepted Polar's mandatory consents (HTTP 403): they can do so at"
          + " https://account.polar.com";

  private Messages() {}

  /**
   * Describes a failure in one line: the exception's own message (its first line), with a hint for the failures a
   * user can act on (re-link, accept consents, wait for the rate limit).
   *
   * @param e the failure
   * @return the line, without a trailing period, safe to print on a terminal
   */
  public static String oneLine(Throwable e) {
    return TerminalText.clean(describe(e));
  }

  private static String describe(Throwable e) {
    Throwable cause = rootOfInterest(e);
    if (cause instanceof UnauthorizedException) {
      return RELINK;
    }
    if (cause instanceof ConsentRequiredException) {
      return CONSENT_REQUIRED;
    }
    if (cause instanceof RateLimitException limited) {
      long seconds = limited.retryAfter().toSeconds();
      return "AccessLink's rate limit is spent (HTTP 429): run again "
          + (seconds > 0 ? "in " + seconds + " s" : "later");
    }
    return firstLine(e);
  }

  /**
   * The cause that decides what a user should do: the cause of a {@link TransactionAbortedException} (a 401 inside
   * a transaction is still a 401), or the failure itself.
   *
   * @param e the failure
   * @return the failure that matters
   */
  public static Throwable rootOfInterest(Throwable e) {
    if (e instanceof TransactionAbortedException && e.getCause() != null) {
      return e.getCause();
    }
    return e;
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage();
    if (e instanceof UncheckedIOException unchecked) {
      // new UncheckedIOException(cause) repeats cause.toString(); keep the outer context and the
      // cause's message
      String cause = unchecked.getCause().getMessage();
      message = message == null || message.equals(unchecked.getCause().toString())
          ? cause
          : message + (cause == null || message.contains(cause) ? "" : ": " + cause);
    }
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    String line = (newline < 0 ? message : message.substring(0, newline)).strip();
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
