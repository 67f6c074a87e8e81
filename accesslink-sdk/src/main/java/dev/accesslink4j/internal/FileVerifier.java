package dev.accesslink4j.internal;

import java.io.IOException;
import okio.BufferedSource;
import okio.Sink;

/**
 * Copies a downloaded body to its destination and, on the way, checks that it is a whole file of its kind. Every
 * byte is written as it is checked, so memory stays constant whatever the size; a defect stops the copy at once.
 */
interface FileVerifier {
  /**
   * Copies {@code in} to {@code out} until the body ends, checking it.
   *
   * @param in the (decompressed) body
   * @param out the destination; written to, not flushed or closed
   * @return the number of bytes written
   * @throws FileDefect when the body is not a whole file of its kind
   * @throws IOException when reading or writing fails
   */
  long copy(BufferedSource in, Sink out) throws IOException;
}
