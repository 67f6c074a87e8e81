package dev.accesslink4j.examples.sync;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * A temporary file next to its target, locked ({@link FileChannel#lock()}) for as long as it is in use, so that a
 * temporary file nobody holds a lock on is known to be abandoned (its writer was killed) and can be deleted: file
 * locks end with the process that held them, even after {@code kill -9}.
 */
final class TempFile implements Closeable {
  /** The names {@link #create} gives: {@code .<target name>.<random digits>.part}. */
  private static final Pattern NAME = Pattern.compile("\\..+\\.[0-9]+\\.part");

  private static final int ATTEMPTS = 5;

  private final Path path;
  private final FileChannel channel;

  private TempFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /**
   * Creates and locks a temporary file for a target.
   *
   * @param dir the target's folder
   * @param targetName the target's file name
   */
  static TempFile create(Path dir, String targetName) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path path = Files.createTempFile(dir, "." + targetName + ".", ".part");
      FileChannel channel =
          FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
      boolean locked = false;
      try {
        channel.lock();
        locked = true;
      } catch (OverlappingFileLockException e) {
        // a sweep in this JVM holds it for an instant and deletes it: take another name
      }
      // a sweep that locked the file before we did has deleted it: then take another name too
      if (locked && Files.exists(path)) {
        return new TempFile(path, channel);
      }
      channel.close();
      if (attempt == ATTEMPTS) {
        throw new IOException("cannot create a temporary file in " + dir);
      }
    }
  }

  /** Whether a file name is one {@link #create} gives. */
  static boolean isTempName(String name) {
    return NAME.matcher(name).matches();
  }

  /**
   * Deletes a temporary file if no process holds its lock.
   *
   * @return true when it was abandoned and is deleted now
   */
  static boolean removeIfAbandoned(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false; // a writer in another process is using it
      }
      Files.deleteIfExists(path);
      return true;
    } catch (OverlappingFileLockException e) {
      return false; // a writer in this JVM is using it
    } catch (IOException e) {
      return false; // gone already, or not ours to delete
    }
  }

  Path path() {
    return path;
  }

  FileChannel channel() {
    return channel;
  }

  /** Releases the lock (by closing the channel); the file stays until deleted or moved. */
  @Override
  public void close() throws IOException {
    channel.close();
  }
}
