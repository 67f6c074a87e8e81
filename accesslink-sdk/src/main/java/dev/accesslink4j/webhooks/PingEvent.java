package dev.accesslink4j.webhooks;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code PING}: AccessLink checking that the webhook URL answers {@code 200}. Pings arrive while a webhook is
 * created, when its URL is updated and when it is activated; <b>answer {@code 200}</b>, or the management call fails.
 *
 * <p>A ping carries no user data, and the one sent during create is signed with a key the receiver cannot have
 * yet (Polar returns the key only in the create response). {@link WebhookVerifier} therefore accepts a ping
 * whatever its signature: missing, wrong or right. {@link #signatureVerified()} says which; nothing in a ping is
 * ever treated as data, so accepting an unverified one is safe.
 */
public final class PingEvent implements WebhookEvent {
  private final @Nullable Instant timestamp;
  private final boolean signatureVerified;

  private PingEvent(@Nullable Instant timestamp, boolean signatureVerified) {
    this.timestamp = timestamp;
    this.signatureVerified = signatureVerified;
  }

  /**
   * Creates a ping (mostly for tests).
   *
   * @param timestamp when it was sent, if known
   * @param signatureVerified whether its signature was checked and matched
   * @return the ping
   */
  public static PingEvent of(@Nullable Instant timestamp, boolean signatureVerified) {
    return new PingEvent(timestamp, signatureVerified);
  }

  /**
   * Returns {@code PING}.
   *
   * @return {@code PING}
   */
  @Override
  public String type() {
    return "PING";
  }

  /**
   * When AccessLink sent the ping ({@code timestamp}).
   *
   * @return the send time; empty when the body had none or it was unreadable (an unverified ping is not parsed
   *     strictly)
   */
  public Optional<Instant> timestamp() {
    return Optional.ofNullable(timestamp);
  }

  /**
   * Whether the ping carried a signature that matched this verifier's key. False for the ping sent during create
   * (its key is not known yet) and for anything claiming to be a ping without a valid signature.
   *
   * @return true when the signature was verified
   */
  public boolean signatureVerified() {
    return signatureVerified;
  }

  /**
   * Returns {@code PING}: pings are never de-duplicated ({@link WebhookDeduplicator} lets each one through).
   *
   * @return {@code PING}
   */
  @Override
  public String deduplicationKey() {
    return "PING";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PingEvent other
        && Objects.equals(other.timestamp, timestamp)
        && other.signatureVerified == signatureVerified;
  }

  @Override
  public int hashCode() {
    return Objects.hash(timestamp, signatureVerified);
  }

  @Override
  public String toString() {
    return "PingEvent[timestamp=" + timestamp + ", signatureVerified=" + signatureVerified + "]";
  }
}
