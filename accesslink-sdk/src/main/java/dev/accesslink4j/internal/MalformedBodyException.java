package dev.accesslink4j.internal;

import java.io.IOException;

/**
 * A response body that could not be parsed, raised inside Retrofit's conversion and turned into an
 * {@code InvalidResponseException} by the {@link Transport}.
 */
public final class MalformedBodyException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String head;

  MalformedBodyException(String message, String head) {
    super(message);
    this.head = head;
  }

  /**
   * The first bytes of the body as text, not yet redacted.
   *
   * @return the head of the body
   */
  public String head() {
    return head;
  }
}
