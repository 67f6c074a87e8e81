package dev.accesslink4j.sync.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A 64-bit fingerprint of an item's JSON, to tell an item Polar updated from one already delivered. */
public final class Fingerprints {
  private Fingerprints() {}

  /**
   * The first 64 bits of the text's SHA-256.
   *
   * @param text the item's JSON
   * @return the fingerprint
   */
  public static long of(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
