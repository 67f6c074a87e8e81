package dev.accesslink4j.internal;

import dev.accesslink4j.AccessLinkIOException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;
import okio.Okio;
import okio.Sink;
import okio.Source;

/**
 * Copies a streamed response body to a stream or a file in constant memory. A file is written to a temporary file
 * beside the target and moved into place only when complete, so a failed download never leaves a partial file.
 */
public final class Downloads {
  /** Bytes moved per read: enough whole okio segments to keep system calls few, little enough to stay small. */
  private static final long SEGMENT_BATCH = 64 * 1024;

  private Downloads() {}

  /**
   * Copies a body to a stream and closes the body.
   *
   * @param body the streamed body
   * @param out where to write; not closed
   * @param gunzip whether to decompress a body that starts with the gzip magic bytes
   * @param what a description for error messages, such as {@code GET /v3/exercises/abc/tcx}
   * @return the number of bytes written to {@code out}
   */
  public static long copy(ResponseBody body, OutputStream out, boolean gunzip, String what) {
    try (body) {
      BufferedSource source = body.source();
      Source bytes = gunzip && startsWithGzipMagic(source) ? new GzipSource(source) : source;
      Sink sink = Okio.sink(out);
      long total = 0;
      Buffer buffer = new Buffer();
      for (long n; (n = bytes.read(buffer, SEGMENT_BATCH)) != -1; ) {
        sink.write(buffer, n);
        total += n;
      }
      sink.flush();
      return total;
    } catch (IOException e) {
      throw new BrokenStreamException(what + " failed while streaming the body", e);
    }
  }

  private static boolean startsWithGzipMagic(BufferedSource source) throws IOException {
    return source.request(2)
        && source.getBuffer().getByte(0) == (byte) 0x1f
        && source.getBuffer().getByte(1) == (byte) 0x8b;
  }

  /**
   * Writes a body to a file atomically and closes the body.
   *
   * @param body the streamed body
   * @param target the file to create or replace
   * @param gunzip whether to decompress a body that starts with the gzip magic bytes
   * @param what a description for error messages
   * @return the target
   */
  public static Path toFile(ResponseBody body, Path target, boolean gunzip, String what) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try (body) { // closed here too, for a failure before the copy (the directory or temp file cannot be made)
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
      try (OutputStream out = Files.newOutputStream(temp)) {
        copy(body, out, gunzip, what);
      }
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
      return target;
    } catch (IOException e) {
      throw new AccessLinkIOException(what + " could not be written to " + target, e, false);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the partial file is hidden (dot-prefixed) and named .part
        }
      }
    }
  }
}
