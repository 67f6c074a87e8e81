package dev.accesslink4j.sync.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM from the JDK for the token rows: a random 12-byte IV per seal, a 128-bit tag, and the row's key and
 * user id as associated data, so that a sealed value opens only in the row it was written for. Layout of a sealed
 * value: one format byte ({@code 1}), the IV, the ciphertext with the tag. Thread-safe (a {@link Cipher} per call).
 */
final class TokenCipher {
  private static final byte FORMAT = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TokenKey key;

  TokenCipher(TokenKey key) {
    this.key = key;
  }

  /** Encrypts a row's plaintext. */
  byte[] seal(String rowKey, @Nullable Long userId, byte[] plaintext) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData(rowKey, userId));
      byte[] sealed = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(1 + IV_BYTES + sealed.length)
          .put(FORMAT)
          .put(iv)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has AES/GCM/NoPadding", e);
    }
  }

  /**
   * Decrypts a row's sealed value.
   *
   * @return the plaintext, or null when authentication fails (the value was altered or belongs to another row)
   */
  byte @Nullable [] open(String rowKey, @Nullable Long userId, byte[] sealed) {
    if (sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
      return null;
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key.secretKey(),
          new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + IV_BYTES)));
      cipher.updateAAD(associatedData(rowKey, userId));
      return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has AES/GCM/NoPadding", e);
    }
  }

  /** The row's identity, unambiguously: the key's length and UTF-8 bytes, then the user id (or a marker for none). */
  private static byte[] associatedData(String rowKey, @Nullable Long userId) {
    byte[] k = rowKey.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(4 + k.length + 9).putInt(k.length).put(k);
    if (userId == null) {
      b.put((byte) 0).putLong(0);
    } else {
      b.put((byte) 1).putLong(userId);
    }
    return b.array();
  }
}
