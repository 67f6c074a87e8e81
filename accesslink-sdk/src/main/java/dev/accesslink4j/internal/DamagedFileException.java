package dev.accesslink4j.internal;

import dev.accesslink4j.InvalidResponseException;
import java.io.IOException;

/**
 * A download that arrived complete on the wire but failed its file check (see {@link Downloads}), seen by callers as
 * an {@link InvalidResponseException}. {@link Transport#download} starts a download to a file once more after it (a
 * server-side defect may be a passing one, such as a proxy cutting a body); a second damaged answer is thrown.
 */
public final class DamagedFileException extends InvalidResponseException {
  private static final long serialVersionUID = 1L;

  DamagedFileException(String message, int status, IOException cause) {
    super(message, status, "", cause);
  }
}
