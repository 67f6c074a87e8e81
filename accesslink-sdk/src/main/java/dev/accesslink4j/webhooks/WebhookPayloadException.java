package dev.accesslink4j.webhooks;

import dev.accesslink4j.AccessLinkException;
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

  WebhookPayloadException(String message, @Nullable Throwable cause) {
    super("The webhook body is not a valid AccessLink payload: " + message, cause);
  }

  WebhookPayloadException(String message) {
    super("The webhook body is not a valid AccessLink payload: " + message);
  }
}
