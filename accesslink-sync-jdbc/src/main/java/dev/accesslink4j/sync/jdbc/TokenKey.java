package dev.accesslink4j.sync.jdbc;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key {@link JdbcTokenStore} encrypts tokens with, supplied by the application (from a secrets
 * manager or an environment variable; generate one with {@code openssl rand -base64 32}). The key never appears in
 * {@link #toString()} or in any message of this module; {@link #id()} is a fingerprint of it that is safe to show
 * and store, to tell which key sealed a row.
 */
public final class TokenKey {
  private static final int BYTES = 32;
  private static final byte[] ID_LABEL =
      "accesslink4j token key id v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final SecretKey key;
  private final String id;

  private TokenKey(byte[] bytes) {
    this.key = new SecretKeySpec(bytes, "AES");
    this.id = fingerprint(bytes);
  }

  /**
   * A key from its bytes; the array is copied.
   *
   * @param key 32 bytes
   * @return the key
   * @throws IllegalArgumentException when it is not 32 bytes long
   */
  public static TokenKey of(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != BYTES) {
      throw new IllegalArgumentException(
          "a token key is 32 bytes (AES-256), not " + key.length + " bytes");
    }
    byte[] copy = key.clone();
    try {
      return new TokenKey(copy);
    } finally {
      Arrays.fill(copy, (byte) 0); // SecretKeySpec keeps its own copy
    }
  }

  /**
   * A key from its standard Base64 form (44 characters with padding).
   *
   * @param base64 the key in Base64
   * @return the key
   * @throws IllegalArgumentException when it is not Base64 of 32 bytes (the message does not quote it)
   */
  public static TokenKey fromBase64(String base64) {
    Objects.requireNonNull(base64, "base64");
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the token key is not valid Base64"); // no cause: it could quote the key
    }
    try {
      return of(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /**
   * A fingerprint of the key, safe to show: the first 8 bytes of HMAC-SHA256 under the key of a fixed label, in hex.
   * Different keys have different ids; the id tells nothing about the key.
   *
   * @return 16 lowercase hex digits
   */
  public String id() {
    return id;
  }

  SecretKey secretKey() {
    return key;
  }

  private static String fingerprint(byte[] bytes) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
      return HexFormat.of().formatHex(Arrays.copyOf(mac.doFinal(ID_LABEL), 8));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  @Override
  public String toString() {
    return "TokenKey[██, id=" + id + "]";
  }
}
