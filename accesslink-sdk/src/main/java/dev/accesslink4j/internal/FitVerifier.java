package dev.accesslink4j.internal;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.Sink;

/**
 * Streams a FIT body through {@link FitIntegrity}. The CRC is computed over okio's segments in place (through an
 * {@link Buffer.UnsafeCursor}), and the same segments then move to the destination, so the check adds no copy.
 */
final class FitVerifier implements FileVerifier {
  /** Bytes moved per read: enough whole okio segments to keep system calls few, little enough to stay small. */
  private static final long SEGMENT_BATCH = 64 * 1024;

  @Override
  public long copy(BufferedSource in, Sink out) throws IOException {
    FitIntegrity fit = new FitIntegrity();
    Buffer buffer = new Buffer();
    Buffer.UnsafeCursor cursor = new Buffer.UnsafeCursor();
    long total = 0;
    for (long n; (n = in.read(buffer, SEGMENT_BATCH)) != -1; ) {
      try (Buffer.UnsafeCursor segments = buffer.readUnsafe(cursor)) {
        for (int run = segments.seek(0); run != -1; run = segments.next()) {
          byte[] data = segments.data;
          if (data != null) {
            fit.update(data, segments.start, segments.end);
          }
        }
      }
      out.write(buffer, n);
      total += n;
    }
    fit.finish();
    return total;
  }
}
