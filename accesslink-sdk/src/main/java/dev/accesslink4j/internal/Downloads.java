package dev.accesslink4j.internal;

import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.InvalidResponseException;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSink;
import okio.ForwardingSource;
import okio.GzipSource;
import okio.Okio;
import okio.Sink;
import okio.Source;
import org.jspecify.annotations.Nullable;

/**
 * Copies a streamed file body to a stream or a file in constant memory, and verifies it on the way: a download
 * counts as done only when the body is a whole file of its {@link FileKind}.
 *
 * <ul>
 *   <li>A body shorter than its {@code Content-Length} is an I/O failure: OkHttp reports the early end of the
 *       connection, and it is a {@link BrokenStreamException} naming the bytes received and declared, retried like any
 *       body that broke off, which the caller sees as an {@link AccessLinkIOException}.
 *   <li>A body that arrived complete on the wire but is not a whole file (a FIT header's data size larger than the
 *       body, a wrong CRC, XML cut short or not well-formed, a gzip stream cut short) is a
 *       {@link InvalidResponseException} naming the kind and the defect (its body snippet is empty: the body went to
 *       the destination).
 *   <li>A destination that cannot be written is an {@link AccessLinkIOException} that is not retried.
 * </ul>
 *
 * <p>A file is written to a temporary file beside the target ({@link PartFiles}), forced to the disk, and moved into
 * place only when complete and verified; its folder entry is then forced to the disk too. On any failure the
 * temporary file is deleted, so a failed download never leaves anything behind.
 */
public final class Downloads {
  private Downloads() {}

  /**
   * Copies and verifies a body into a stream, and closes the body. On failure {@code out} holds what arrived so far:
   * discard it.
   *
   * @param body the streamed body
   * @param status the response status, for messages
   * @param kind what the body must be
   * @param out where to write; flushed, not closed
   * @param what a description for messages, such as {@code GET /v3/exercises/abc/tcx}
   * @return the number of bytes written to {@code out}
   * @throws BrokenStreamException when the body broke off
   * @throws InvalidResponseException when the body is not a whole file of its kind
   * @throws AccessLinkIOException when {@code out} cannot be written
   */
  public static long copy(
      ResponseBody body, int status, FileKind kind, OutputStream out, String what) {
    try (body) {
      return transfer(body, status, kind, Okio.sink(out), what);
    }
  }

  /**
   * Copies and verifies a body into a file atomically, and closes the body.
   *
   * @param body the streamed body
   * @param status the response status, for messages
   * @param kind what the body must be
   * @param target the file to create or replace
   * @param what a description for messages
   * @param parts the client's temporary files
   * @return the target
   * @throws BrokenStreamException when the body broke off
   * @throws InvalidResponseException when the body is not a whole file of its kind
   * @throws AccessLinkIOException when the file cannot be written
   */
  public static Path toFile(
      ResponseBody body, int status, FileKind kind, Path target, String what, PartFiles parts) {
    try (body) { // closed here too, for a failure before the copy (the directory or temp file
      // cannot be made)
      PartFiles.Part part;
      try {
        part = parts.open(target);
      } catch (IOException e) {
        throw new AccessLinkIOException(what + " could not be written to " + target, false, e);
      }
      try (part) {
        transfer(body, status, kind, Okio.sink(part.output()), what);
        try {
          part.moveTo(target);
        } catch (IOException e) {
          throw new AccessLinkIOException(what + " could not be written to " + target, false, e);
        }
        return target;
      }
    }
  }

  private static long transfer(
      ResponseBody body, int status, FileKind kind, Sink destination, String what) {
    Watched wire = new Watched(body.source());
    WatchedSink out = new WatchedSink(destination);
    try {
      BufferedSource received = Okio.buffer(wire);
      BufferedSource content = kind.gunzip() && startsWithGzipMagic(received)
          ? Okio.buffer(new GzipSource(received))
          : received;
      long written = kind.verifier().copy(content, out);
      out.flush();
      return written;
    } catch (IOException e) {
      IOException network = wire.failure();
      if (network != null) {
        throw new BrokenStreamException(
            what + " broke off while streaming the " + kind + " body"
                + progress(wire.bytes(), body.contentLength()),
            network);
      }
      IOException local = out.failure();
      if (local != null) {
        throw new AccessLinkIOException(
            what + ": the " + kind + " file could not be written", false, local);
      }
      throw new InvalidResponseException(
          what + " answered HTTP " + status + " with a damaged " + kind + " file: "
              + defect(kind, e),
          status,
          "",
          e);
    }
  }

  private static String progress(long received, long declared) {
    return declared >= 0
        ? " (" + received + " of " + declared + " bytes received)"
        : " (after " + received + " bytes)";
  }

  /** A verifier's own words, or the gzip layer's complaint about a compressed body it could not finish. */
  private static String defect(FileKind kind, IOException e) {
    if (e instanceof FileDefect) {
      return e.getMessage();
    }
    return e instanceof EOFException
        ? "the " + kind + " gzip stream is cut short"
        : "the " + kind + " gzip stream is damaged (" + e.getMessage() + ")";
  }

  private static boolean startsWithGzipMagic(BufferedSource source) throws IOException {
    return source.request(2)
        && source.getBuffer().getByte(0) == (byte) 0x1f
        && source.getBuffer().getByte(1) == (byte) 0x8b;
  }

  /** The body as it comes off the connection: counts its bytes and remembers a failure of the network. */
  private static final class Watched extends ForwardingSource {
    private long bytes;
    private @Nullable IOException failure;

    Watched(Source delegate) {
      super(delegate);
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      try {
        long n = super.read(sink, byteCount);
        if (n > 0) {
          bytes += n;
        }
        return n;
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    long bytes() {
      return bytes;
    }

    @Nullable
    IOException failure() {
      return failure;
    }
  }

  /** The destination: remembers a failure to write it, which is neither the network's nor the file's fault. */
  private static final class WatchedSink extends ForwardingSink {
    private @Nullable IOException failure;

    WatchedSink(Sink delegate) {
      super(delegate);
    }

    @Override
    public void write(Buffer source, long byteCount) throws IOException {
      try {
        super.write(source, byteCount);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        super.flush();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Nullable
    IOException failure() {
      return failure;
    }
  }
}
