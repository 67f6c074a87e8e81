package dev.accesslink4j.testkit;

import java.util.Objects;

/**
 * One POST the fake made to the webhook url: a PING or an event, exactly as sent, and how the receiver answered.
 *
 * @param event the {@code Polar-Webhook-Event} header, for example {@code PING} or {@code EXERCISE}
 * @param url the url the POST went to
 * @param payload the exact body sent (UTF-8 JSON)
 * @param signature the {@code Polar-Webhook-Signature} header: HMAC-SHA256 of the body, lower-case hex
 * @param responseCode the receiver's HTTP status, or {@code -1} when the connection failed or timed out
 */
public record WebhookDelivery(
    String event, String url, String payload, String signature, int responseCode) {
  /**
   * Checks the values.
   *
   * @param event the event header
   * @param url the url
   * @param payload the body
   * @param signature the signature header
   * @param responseCode the status or -1
   */
  public WebhookDelivery {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(signature, "signature");
  }

  /**
   * Whether the receiver answered 200, the only answer Polar counts as delivered.
   *
   * @return true on 200
   */
  public boolean delivered() {
    return responseCode == 200;
  }
}
