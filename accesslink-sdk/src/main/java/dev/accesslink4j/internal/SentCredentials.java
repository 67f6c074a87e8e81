package dev.accesslink4j.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The credential values sent by the call running on the current thread, so that {@link Redaction} can remove them
 * from whatever a server echoes back, under any name and in free text. Recorded by {@link CredentialInterceptor},
 * cleared by the {@link Transport} when the call ends.
 */
final class SentCredentials {
  private static final ThreadLocal<List<Sent>> CURRENT = new ThreadLocal<>();
  private static final int SHORTEST = 4;

  private SentCredentials() {}

  /**
   * One credential value.
   *
   * @param value the value as sent (or as decoded from basic credentials)
   * @param publicPrefix how many leading characters reveal nothing (the client id and colon of {@code id:secret})
   */
  record Sent(String value, int publicPrefix) {}

  /** The values hidden in an Authorization header value: a bearer token, or basic credentials and their secret. */
  static List<Sent> of(String authorization) {
    List<Sent> values = new ArrayList<>();
    int space = authorization.indexOf(' ');
    String credential =
        space < 0 ? authorization : authorization.substring(space + 1).trim();
    add(values, credential, 0);
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded = decode(credential);
      if (decoded != null) {
        int colon = decoded.indexOf(':');
        add(values, decoded, colon + 1);
        if (colon >= 0) {
          add(values, decoded.substring(colon + 1), 0);
        }
      }
    }
    // Longest first, so a value that contains another is removed whole.
    values.sort((a, b) -> b.value().length() - a.value().length());
    return List.copyOf(values);
  }

  private static void add(List<Sent> values, String value, int publicPrefix) {
    if (value.length() - publicPrefix >= SHORTEST
        && values.stream().noneMatch(s -> s.value().equals(value))) {
      values.add(new Sent(value, publicPrefix));
    }
  }

  private static @Nullable String decode(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static void record(List<Sent> values) {
    CURRENT.set(values);
  }

  static List<Sent> current() {
    List<Sent> values = CURRENT.get();
    return values == null ? List.of() : values;
  }

  static void remove() {
    CURRENT.remove();
  }
}
