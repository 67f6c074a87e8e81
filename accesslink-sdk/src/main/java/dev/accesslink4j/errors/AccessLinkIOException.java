package dev.accesslink4j.errors;

import dev.accesslink4j.AccessLinkBuilder;
import dev.accesslink4j.RetryPolicy;
import java.io.IOException;

/**
 * The request could not be completed on the network: a connection failure, a reset, a body that ended before its
 * {@code Content-Length}, or a timeout. The server may or may not have processed it. Idempotent reads are retried by
 * the {@link RetryPolicy} before this is thrown, within the call timeout.
 */
public class AccessLinkIOException extends AccessLinkException {
  private static final long serialVersionUID = 1L;
  private final boolean timeout;

  /**
   * Creates an exception for a failed exchange.
   *
   * @param message what was being done
   * @param timeout whether the failure was a timeout
   * @param cause the I/O failure
   */
  public AccessLinkIOException(String message, boolean timeout, IOException cause) {
    super(message, cause);
    this.timeout = timeout;
  }

  /**
   * Tells whether a timeout ended the request: connect, read, the call timeout or the download timeout (see
   * {@link AccessLinkBuilder#callTimeout(java.time.Duration)}).
   *
   * @return true for a timeout, false for any other I/O failure
   */
  public boolean isTimeout() {
    return timeout;
  }
}
