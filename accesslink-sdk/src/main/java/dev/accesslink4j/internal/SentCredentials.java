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
  private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
  private static final int SHORTEST = 4;

  private SentCredentials() {}

  /** The values hidden in an Authorization header value: a bearer token, or basic credentials and their secret. */
  static List<String> of(String authorization) {
    List<String> values = new ArrayList<>();
    int space = authorization.indexOf(' ');
    String credential = space < 0 ? authorization : authorization.substring(space + 1).trim();
    add(values, credential);
    if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded = decode(credential);
      if (decoded != null) {
        add(values, decoded);
        int colon = decoded.indexOf(':');
        if (colon >= 0) {
          add(values, decoded.substring(colon + 1));
        }
      }
    }
    // Longest first, so a value that contains another is removed whole.
    values.sort((a, b) -> b.length() - a.length());
    return List.copyOf(values);
  }

  private static void add(List<String> values, String value) {
    if (value.length() >= SHORTEST && !values.contains(value)) {
      values.add(value);
    }
  }

  private static @Nullable String decode(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static void record(List<String> values) {
    CURRENT.set(values);
  }

  static List<String> current() {
    List<String> values = CURRENT.get();
    return values == null ? List.of() : values;
  }

  static void remove() {
    CURRENT.remove();
  }
}
