package dev.accesslink4j.internal;

import dev.accesslink4j.errors.AccessLinkIOException;
import java.io.IOException;

/**
 * A response body that broke off while it streamed in (a reset or timeout mid-download). Thrown by
 * {@link Downloads}; {@link Transport#download} starts a download that writes to a file again after it, since the
 * partial file is discarded.
 */
public final class BrokenStreamException extends AccessLinkIOException {
  private static final long serialVersionUID = 1L;

  BrokenStreamException(String message, IOException cause) {
    super(message, cause, cause instanceof java.io.InterruptedIOException);
  }
}
