package dev.accesslink4j.examples.sync;

import com.google.gson.Gson;
import dev.accesslink4j.AccessLinkJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Writes synced data to disk so that a crash never leaves a half-written file and a rerun writes nothing twice.
 *
 * <p>Every file is first written to a temporary file in the target's directory ({@code .<name>.<digits>.part}),
 * flushed to the disk, then moved over the target in one step, and the directory is flushed too, so the new name
 * is on disk before the caller goes on (a transaction is committed only after its files were written); when the
 * target already holds exactly the same bytes, the temporary file is dropped and the target is left untouched (its
 * modification time does not change).
 *
 * <p>A temporary file is locked while in use. One left behind by a writer that was killed ({@code kill -9}, a power
 * cut) is no longer locked, and {@link #removeStaleTemporaryFiles(Path)} deletes it on the next run, while another
 * process's temporary files that are still being written stay. Thread-safe.
 */
public final class OutputWriter {
  /** What a write did. */
  public enum Outcome {
    /** The file was created or its content replaced. */
    WRITTEN,
    /** The file already held exactly these bytes; nothing was written. */
    UNCHANGED,
    /** AccessLink had nothing to download (HTTP 204); no file was written. */
    ABSENT
  }

  /** Streams a download into a stream: the SDK's {@code downloadFit(OutputStream)} and its siblings. */
  @FunctionalInterface
  public interface Download {
    /**
     * Writes the downloaded bytes.
     *
     * @param out where to write; not closed
     * @return the number of bytes written, or empty when there is nothing to download
     * @throws Exception when the download fails
     */
    OptionalLong writeTo(OutputStream out) throws Exception;
  }

  private final Gson gson =
      AccessLinkJson.gson().newBuilder().setPrettyPrinting().create();
  private final AtomicInteger written = new AtomicInteger();
  private final AtomicInteger unchanged = new AtomicInteger();

  /**
   * Writes a value as pretty-printed JSON (the SDK's models with their Polar field names and java.time values in
   * ISO-8601).
   *
   * @param target the file
   * @param value the value
   * @return {@link Outcome#WRITTEN} or {@link Outcome#UNCHANGED}
   * @throws UncheckedIOException when the file cannot be written
   */
  public Outcome json(Path target, Object value) {
    return bytes(
        target,
        (gson.toJson(Objects.requireNonNull(value, "value")) + "\n")
            .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes bytes to a file unless it already holds exactly these bytes.
   *
   * @param target the file
   * @param content the content
   * @return {@link Outcome#WRITTEN} or {@link Outcome#UNCHANGED}
   * @throws UncheckedIOException when the file cannot be written
   */
  public Outcome bytes(Path target, byte[] content) {
    try {
      if (Files.isRegularFile(target)
          && Files.size(target) == content.length
          && Arrays.equals(Files.readAllBytes(target), content)) {
        return count(Outcome.UNCHANGED);
      }
      return write(target, out -> {
        out.write(content);
        return OptionalLong.of(content.length);
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(
          "writing bytes cannot throw " + e, e); // the lambda above throws no other
    }
  }

  /**
   * Streams a download into a temporary file, then moves it over the target unless the target already holds the
   * same bytes. On any failure the temporary file is deleted and the target is left as it was.
   *
   * @param target the file
   * @param download writes the bytes, for example {@code item::downloadFit}
   * @return what happened
   * @throws Exception what the download threw (for example the SDK's {@code AccessLinkIOException} for a dropped
   *     connection), or {@link UncheckedIOException} when the file cannot be written
   */
  public Outcome download(Path target, Download download) throws Exception {
    return write(target, download);
  }

  /**
   * Deletes the temporary files under a folder (at any depth) that no process is writing any more: what a killed
   * run left. Files another process is still writing are locked and stay. Best effort: a file that cannot be
   * deleted is left, and nothing here fails.
   *
   * @param root the output folder; nothing happens when it does not exist
   * @return how many files were deleted
   */
  public int removeStaleTemporaryFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int removed = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (TempFile.isTempName(file.getFileName().toString())
            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
            && TempFile.removeIfAbandoned(file)) {
          removed++;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // a folder that cannot be listed: what was found so far is removed
    }
    return removed;
  }

  private Outcome write(Path target, Download download) throws Exception {
    Path dir = Objects.requireNonNull(target.toAbsolutePath().getParent(), "parent");
    Files.createDirectories(dir);
    TempFile temp = TempFile.create(dir, target.getFileName().toString());
    boolean moved = false;
    try (temp) {
      FileChannel channel = temp.channel();
      // not closed: closing the stream would close the channel and so release the lock before the
      // move
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
      OptionalLong size = download.writeTo(out);
      out.flush();
      channel.force(true);
      if (size.isEmpty()) {
        return Outcome.ABSENT;
      }
      if (Files.isRegularFile(target) && sameContent(channel, target)) {
        return count(Outcome.UNCHANGED);
      }
      move(temp.path(), target);
      moved = true;
      syncDirectory(dir);
      return count(Outcome.WRITTEN);
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp.path());
      }
    }
  }

  /** Compares through the locked channel: on Windows a locked region cannot be read through another handle. */
  private static boolean sameContent(FileChannel temp, Path target) throws IOException {
    if (temp.size() != Files.size(target)) {
      return false;
    }
    ByteBuffer mine = ByteBuffer.allocate(64 * 1024);
    byte[] theirs = new byte[64 * 1024];
    long position = 0;
    try (InputStream in = Files.newInputStream(target)) {
      while (true) {
        mine.clear();
        int n = temp.read(mine, position);
        if (n <= 0) {
          return in.read() < 0;
        }
        if (in.readNBytes(theirs, 0, n) != n || !Arrays.equals(mine.array(), 0, n, theirs, 0, n)) {
          return false;
        }
        position += n;
      }
    }
  }

  /** Makes the rename durable: without flushing the folder, a crash can bring back the old file (or none). */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // folders cannot be opened or flushed on some systems (Windows); the file itself was flushed
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private Outcome count(Outcome outcome) {
    (outcome == Outcome.WRITTEN ? written : unchanged).incrementAndGet();
    return outcome;
  }

  /**
   * How many files were created or replaced so far.
   *
   * @return the count
   */
  public int written() {
    return written.get();
  }

  /**
   * How many files already held the same bytes and were left alone.
   *
   * @return the count
   */
  public int unchanged() {
    return unchanged.get();
  }
}
