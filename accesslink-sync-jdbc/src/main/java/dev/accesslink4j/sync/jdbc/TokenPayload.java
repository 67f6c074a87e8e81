package dev.accesslink4j.sync.jdbc;

import dev.accesslink4j.AccessToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A token and its metadata as the plaintext of a token row: a format byte, the value and type (length-prefixed
 * UTF-8), then the lifetime in seconds, the issue time and the user id, each after a presence byte.
 */
final class TokenPayload {
  private static final byte FORMAT = 1;

  private TokenPayload() {}

  static byte[] encode(AccessToken token) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      text(out, token.reveal());
      text(out, token.tokenType());
      out.writeBoolean(token.expiresIn().isPresent());
      out.writeLong(token.expiresIn().map(Duration::toSeconds).orElse(0L));
      out.writeBoolean(token.issuedAt().isPresent());
      out.writeLong(token.issuedAt().map(Instant::getEpochSecond).orElse(0L));
      out.writeInt(token.issuedAt().map(Instant::getNano).orElse(0));
      out.writeBoolean(token.userId().isPresent());
      out.writeLong(token.userId().orElse(0L));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /** The token, or an exception without the content when the plaintext is not a payload of this format. */
  static AccessToken decode(byte[] plaintext) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
      if (in.readByte() != FORMAT) {
        throw new IOException("unknown token payload format");
      }
      String value = text(in);
      String type = text(in);
      boolean hasLifetime = in.readBoolean();
      long lifetime = in.readLong();
      boolean hasIssued = in.readBoolean();
      long seconds = in.readLong();
      int nanos = in.readInt();
      boolean hasUser = in.readBoolean();
      long user = in.readLong();
      return AccessToken.of(
          value,
          type,
          hasLifetime ? Duration.ofSeconds(lifetime) : null,
          hasIssued ? Instant.ofEpochSecond(seconds, nanos) : null,
          hasUser ? user : null);
    } catch (RuntimeException e) {
      throw new IOException("malformed token payload"); // no cause: it could quote the token
    }
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("malformed token payload");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
