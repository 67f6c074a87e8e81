package dev.accesslink4j.errors;

import org.jspecify.annotations.Nullable;

/**
 * A webhook delivery whose signature was verified (or that came without a body worth verifying) could not be read
 * as an AccessLink payload: it is not a JSON object, a field the event needs (such as {@code user_id} or
 * {@code date}) is missing or malformed, or the body is larger than any AccessLink delivery. The message names the
 * problem but never quotes the body. Nothing was handed to your code; log it and answer {@code 200} or {@code 400}
 * as you see fit (AccessLink counts anything but {@code 200} as a failed delivery and will try again).
 */
public final class WebhookPayloadException extends AccessLinkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception {@code WebhookVerifier} throws for a body it cannot read; public so that tests of a webhook
   * receiver can create the same one.
   *
   * @param message what is wrong with the body, without quoting it
   * @param cause the parse failure, or null
   */
  public WebhookPayloadException(String message, @Nullable Throwable cause) {
    super("The webhook body is not a valid AccessLink payload: " + message, cause);
  }

  /**
   * Creates the exception {@code WebhookVerifier} throws for a body it cannot read, without a cause.
   *
   * @param message what is wrong with the body, without quoting it
   */
  public WebhookPayloadException(String message) {
    super("The webhook body is not a valid AccessLink payload: " + message);
  }
}
