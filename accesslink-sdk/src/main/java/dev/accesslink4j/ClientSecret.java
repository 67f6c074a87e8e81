package dev.accesslink4j;

import java.util.Objects;

/**
 * The OAuth client secret from Polar's admin portal. Wrapped so it never shows up in a log line, a message or
 * {@link #toString()}.
 */
public final class ClientSecret {
  private final String value;

  private ClientSecret(String value) {
    this.value = value;
  }

  /**
   * Wraps a client secret.
   *
   * @param value the secret; must not be blank
   * @return the wrapped secret
   */
  public static ClientSecret of(String value) {
    Objects.requireNonNull(value, "client secret");
    if (value.isBlank()) {
      throw new IllegalArgumentException("client secret must not be blank");
    }
    return new ClientSecret(value);
  }

  /**
   * The secret itself, for building the HTTP basic credential.
   *
   * @return the secret
   */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientSecret other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "ClientSecret[██]";
  }
}
