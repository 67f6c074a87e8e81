package dev.accesslink4j.internal;

import dev.accesslink4j.errors.AccessLinkIOException;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * A response body that broke off while it streamed in (a reset or timeout mid-download): thrown by {@link Downloads}
 * to tell {@link Transport#download} that the attempt may be started again, since the partial file is discarded. It
 * never reaches a caller: {@code Transport.download} turns it into a plain {@link AccessLinkIOException} with the
 * same message, timeout flag and cause ({@link #toPublic()}). It is an {@code AccessLinkIOException} itself only so
 * that a path that forgot to do so would still throw the documented type.
 */
final class BrokenStreamException extends AccessLinkIOException {
  private static final long serialVersionUID = 1L;
  private final IOException network;

  BrokenStreamException(String message, IOException cause) {
    super(message, cause instanceof InterruptedIOException, cause);
    this.network = cause;
  }

  /**
   * The exception a caller sees for this break.
   *
   * @return an {@link AccessLinkIOException} (exactly that class) with this message, timeout flag and cause
   */
  AccessLinkIOException toPublic() {
    return new AccessLinkIOException(getMessage(), isTimeout(), network);
  }
}
