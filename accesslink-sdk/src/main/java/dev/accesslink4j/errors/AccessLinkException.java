package dev.accesslink4j.errors;

/**
 * The root of every error this SDK throws. It is unchecked: catch it (or one of its subclasses) where you can act on
 * the failure.
 *
 * <p>Messages say what happened (method, path, status, Polar's error type and correlation id, a hint) and never
 * contain a token, a secret, a signature key, a request body or a header value.
 */
public class AccessLinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what happened
   */
  public AccessLinkException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what happened
   * @param cause the underlying failure
   */
  public AccessLinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
