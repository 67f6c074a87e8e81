package dev.accesslink4j.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A webhook's {@code signature_secret_key}: the HMAC key AccessLink signs every delivery with. Wrapped so it never
 * shows up in a log line, a message or {@link #toString()} ({@code WebhookSecret[██]}).
 *
 * <p><b>Polar returns the key exactly once, in the response to creating the webhook</b>
 * ({@code accessLink.webhooks().create(..)} or {@code ensure(..)}); no other call ever shows it again. Store it (in a
 * secret store, not a log) before doing anything else, then give it to {@link WebhookVerifier#of(WebhookSecret)}. A
 * lost key can only be replaced by deleting the webhook and creating a new one.
 */
public final class WebhookSecret {
  private final String value;

  private WebhookSecret(String value) {
    this.value = value;
  }

  /**
   * Wraps a signature secret key you stored earlier.
   *
   * @param signatureSecretKey the key as Polar returned it; must not be blank
   * @return the wrapped key
   * @throws IllegalArgumentException if the key is blank
   */
  public static WebhookSecret of(String signatureSecretKey) {
    Objects.requireNonNull(signatureSecretKey, "signatureSecretKey");
    if (signatureSecretKey.isBlank()) {
      throw new IllegalArgumentException("signature secret key must not be blank");
    }
    return new WebhookSecret(signatureSecretKey);
  }

  /**
   * The key itself, to store it or to hand it to code outside this SDK. Never log it.
   *
   * @return the signature secret key
   */
  public String reveal() {
    return value;
  }

  /** Compares the keys in constant time. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WebhookSecret other
        && MessageDigest.isEqual(
            other.value.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns {@code WebhookSecret[██]}: the key is never printed. */
  @Override
  public String toString() {
    return "WebhookSecret[██]";
  }
}
