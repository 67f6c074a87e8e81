package dev.accesslink4j.webhooks;

import java.util.Objects;

/**
 * A verified delivery of an event type this SDK version does not know (AccessLink adds event types over time). It is
 * surfaced, never thrown: answer {@code 200}, then ignore it, log its {@link #type()}, or read {@link #rawJson()}
 * yourself. Upgrading the SDK turns it into a typed event.
 *
 * @param type the event type as sent (the body's {@code event}, or the {@code Polar-Webhook-Event} header when the
 *     body names none)
 * @param rawJson the verified body, as UTF-8 text
 */
public record UnknownEvent(String type, String rawJson) implements WebhookEvent {

  /** Checks that no component is missing. */
  public UnknownEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * The type and the body without its {@code timestamp} (which changes from one delivery to the next).
   *
   * @return {@code TYPE:} followed by the body's JSON minus {@code timestamp}
   */
  @Override
  public String deduplicationKey() {
    return type + ":" + Payloads.withoutTimestamp(rawJson);
  }

  @Override
  public String toString() {
    return "UnknownEvent[type=" + type + ", " + rawJson.length() + " characters]";
  }
}
