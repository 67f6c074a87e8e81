package dev.accesslink4j.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary files of downloads to a {@code Path}, and the clean-up of those a killed process left behind.
 *
 * <p>A download writes to {@code .accesslink-<target name>.<random>.part} beside its target, holds an exclusive
 * {@link FileLock} on it while it writes, forces it to the disk, and moves it over the target; on failure the file is
 * deleted. A process killed mid-download (kill -9, a power loss) cannot delete it, so the first download of a client
 * into a folder sweeps that folder: a file with that prefix and suffix that nobody holds locked and that was last
 * written more than {@link #ORPHAN_AGE} ago is deleted. The lock protects a download in progress in another process
 * whatever its age (a stalled one included); the age protects the moments a file is not locked (just created, just
 * before its move) and filesystems without locks. Each folder is swept once per client, so a folder of ten thousand
 * files is listed once, not once per download.
 */
public final class PartFiles {
  /** The start of every temporary file name. */
  static final String PREFIX = ".accesslink-";
  /** The end of every temporary file name. */
  static final String SUFFIX = ".part";
  /** How long a temporary file must have been left alone before a sweep may delete it. */
  static final Duration ORPHAN_AGE = Duration.ofMinutes(10);

  private static final int MAX_NAME_IN_TEMP = 100;

  private final Set<Path> swept = ConcurrentHashMap.newKeySet();
  private final Clock clock;

  /** Creates the registry of one client, on the system clock. */
  public PartFiles() {
    this(Clock.systemUTC());
  }

  /**
   * Creates the registry on a clock.
   *
   * @param clock decides what "older than {@link #ORPHAN_AGE}" means
   */
  PartFiles(Clock clock) {
    this.clock = clock;
  }

  /**
   * Creates and locks a new temporary file beside a target, creating missing folders, after sweeping the folder if
   * this client has not swept it yet.
   *
   * @param target the file the download will become
   * @return the open temporary file
   * @throws IOException if the folder or the file cannot be created
   */
  Part open(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    if (swept.add(dir)) {
      sweep(dir);
    }
    String name = target.getFileName().toString();
    if (name.length() > MAX_NAME_IN_TEMP) {
      name = name.substring(0, MAX_NAME_IN_TEMP);
    }
    Path temp = Files.createTempFile(dir, PREFIX + name + ".", SUFFIX);
    FileChannel channel;
    try {
      channel = FileChannel.open(temp, StandardOpenOption.WRITE);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    FileLock lock = null;
    try {
      lock = channel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      // a filesystem without locks: the age rule alone protects the file
    }
    return new Part(temp, channel, lock != null);
  }

  /**
   * Deletes the temporary files of this SDK in a folder that are unlocked and older than {@link #ORPHAN_AGE}. Best
   * effort: a file that cannot be examined or deleted is left.
   *
   * @param dir the folder
   * @return how many files were deleted
   */
  int sweep(Path dir) {
    Instant cutoff = clock.instant().minus(ORPHAN_AGE);
    int deleted = 0;
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
      for (Path part : parts) {
        if (isOrphan(part, cutoff) && deleteIfUnlocked(part)) {
          deleted++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // best effort: an unreadable folder is reported by the download itself
    }
    return deleted;
  }

  private static boolean isOrphan(Path part, Instant cutoff) {
    try {
      // Read the age first, without opening the file: on POSIX systems closing any channel to a
      // file drops every
      // lock this process holds on it, so a download in progress in this JVM must never be opened
      // here.
      return Files.isRegularFile(part)
          && Files.getLastModifiedTime(part).toInstant().isBefore(cutoff);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean deleteIfUnlocked(Path part) {
    try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        return false; // a download of this JVM holds it
      }
      if (lock == null) {
        return false; // another process holds it
      }
      try (lock) {
        Files.delete(part);
        return true;
      }
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Forces a folder's entries (a file just moved in) to the disk where the platform can open a folder (POSIX);
   * elsewhere, and on filesystems that refuse, it does nothing.
   */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a folder, and some filesystems refuse fsync on one: the move itself has
      // happened
    }
  }

  /** One temporary file, open and (where the filesystem allows) locked. */
  static final class Part implements Closeable {
    private final Path path;
    private final FileChannel channel;
    private final boolean locked;
    private boolean moved;

    Part(Path path, FileChannel channel, boolean locked) {
      this.path = path;
      this.channel = channel;
      this.locked = locked;
    }

    Path path() {
      return path;
    }

    boolean locked() {
      return locked;
    }

    /** Where the download writes; closing it does not close the file. */
    OutputStream output() {
      OutputStream out = Channels.newOutputStream(channel);
      return new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }
      };
    }

    /**
     * Forces the bytes to the disk, closes the file (releasing the lock), moves it over the target in one step
     * where the filesystem can, and forces the folder entry to the disk.
     *
     * @param target the file to create or replace
     * @throws IOException if forcing or moving fails (the temporary file is then deleted by {@link #close()})
     */
    void moveTo(Path target) throws IOException {
      channel.force(true);
      channel.close();
      try {
        Files.move(
            path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
      syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Closes the file and, unless it was moved into place, deletes it. */
    @Override
    public void close() {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing was committed: deleting below is what matters
      }
      if (!moved) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // best effort: the next sweep of this folder removes it
        }
      }
    }

    @Override
    public String toString() {
      return "Part[" + path.getFileName() + "]";
    }
  }
}
