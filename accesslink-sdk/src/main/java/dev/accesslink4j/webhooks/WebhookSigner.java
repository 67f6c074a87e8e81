package dev.accesslink4j.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes the signature Polar puts in the {@code Polar-Webhook-Signature} header: HMAC-SHA256 over the raw request
 * body, keyed with the webhook's signature secret key (UTF-8), as lower-case hex.
 *
 * <p>Receivers verify with {@link WebhookVerifier}; this class exists so tests and fake servers (the testkit) can
 * produce deliveries that verify exactly like Polar's. Instances are immutable and thread-safe; the key never appears
 * in {@link #toString()}.
 */
public final class WebhookSigner {
  static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private WebhookSigner(SecretKeySpec key) {
    this.key = key;
  }

  /**
   * Creates a signer for a signature secret key as Polar returned it when the webhook was created.
   *
   * @param signatureSecretKey the key; must not be empty
   * @return a signer for that key
   */
  public static WebhookSigner of(String signatureSecretKey) {
    Objects.requireNonNull(signatureSecretKey, "signatureSecretKey");
    if (signatureSecretKey.isEmpty()) {
      throw new IllegalArgumentException("signature secret key must not be empty");
    }
    return new WebhookSigner(
        new SecretKeySpec(signatureSecretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
  }

  /**
   * Creates a signer for a webhook's signature secret key.
   *
   * @param secret the key Polar returned when the webhook was created
   * @return a signer for that key
   */
  public static WebhookSigner of(WebhookSecret secret) {
    return of(Objects.requireNonNull(secret, "secret").reveal());
  }

  /**
   * Signs a request body.
   *
   * @param rawBody the exact bytes sent as the HTTP request body
   * @return 64 lower-case hex characters
   */
  public String sign(byte[] rawBody) {
    return HexFormat.of().formatHex(mac(rawBody));
  }

  byte[] mac(byte[] rawBody) {
    Objects.requireNonNull(rawBody, "rawBody");
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(rawBody);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available on this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSigner[key=██]";
  }
}
