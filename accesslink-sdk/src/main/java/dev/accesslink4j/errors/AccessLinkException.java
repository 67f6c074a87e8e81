package dev.accesslink4j.errors;

import org.jspecify.annotations.Nullable;

/**
 * The root of every error this SDK throws. It is unchecked: catch it (or one of its subclasses) where you can act on
 * the failure.
 *
 * <p>Messages say what happened (method, path, status, Polar's error type and correlation id, a hint) and never
 * contain a token, a secret, a signature key, a request body or a header value. A message is one line of printable
 * text, safe to log as it is: where it quotes text from outside (Polar's error message, an OAuth error description),
 * every control character (C0, DEL, C1) and bidirectional formatting character is shown as a visible escape such as
 * <code>&#92;u001B</code>, whoever made the exception.
 */
public class AccessLinkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message and no cause.
   *
   * @param message what happened
   */
  public AccessLinkException(String message) {
    this(message, null);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what happened; control characters are escaped
   * @param cause the underlying failure, or null
   */
  public AccessLinkException(String message, @Nullable Throwable cause) {
    super(PrintableText.escape(message), cause);
  }
}
