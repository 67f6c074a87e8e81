package dev.accesslink4j.internal;

import java.io.IOException;

/**
 * A downloaded body that arrived whole on the wire but is not a whole file of its kind (a FIT file cut short or with a
 * wrong CRC, XML that is not well-formed). Raised by the verifiers while the body streams; {@link Downloads} turns it
 * into an {@link dev.accesslink4j.errors.InvalidResponseException}. It is an {@link IOException} only so that it can leave an
 * {@link java.io.InputStream} that an XML parser reads from.
 */
final class FileDefect extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the defect.
   *
   * @param message what is wrong, naming the file kind, for example {@code FIT data size 48213 declared, 20000
   *     received}
   */
  FileDefect(String message) {
    super(message);
  }
}
