package dev.accesslink4j.oauth;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The file mechanics of a {@link FileTokenStore}: the two locks every change runs under (an in-JVM lock per file and
 * an exclusive file lock on the sibling {@code <file>.lock}), the owner-only folder, lock and temporary files, the
 * atomic replacement of the whole file, and the clean-up of temporary files a killed writer left. What the file
 * holds is the store's business; this class only keeps it safe to replace.
 */
final class TokenFile {
  private static final Set<PosixFilePermission> FILE_PERMISSIONS =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR_PERMISSIONS =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OTHERS_WRITE =
      EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
  private static final int STICKY_BIT = 01000;
  private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
  private static final String TEMP_SUFFIX = ".tmp";

  /** One lock per lock file in this JVM: file locks are held per process, so threads must queue before them. */
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;
  private final String tempPrefix;

  /** Works on the store file at {@code file}, an absolute and normalized path. */
  TokenFile(Path file) {
    this.file = file;
    this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
    this.tempPrefix = "." + file.getFileName() + ".";
  }

  /** A change under the in-JVM lock and the file lock. */
  @FunctionalInterface
  interface Change {
    void run() throws IOException;
  }

  /**
   * Runs a change under both locks, after preparing the folder and deleting stale temporary files.
   *
   * @throws UncheckedIOException naming the store when the folder, the locks or the change fail
   */
  void locked(Change change) {
    Path dir = Objects.requireNonNull(file.getParent(), "parent");
    try {
      boolean posix = prepareDirectory(dir);
      Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(
          dir.toRealPath().resolve(lockFile.getFileName()), p -> new ReentrantLock(true));
      if (!inProcess.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException("another thread of this process held the lock for more than "
            + LOCK_WAIT.toSeconds() + " s");
      }
      try (FileChannel channel = posix
          ? FileChannel.open(
              lockFile, options, PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS))
          : FileChannel.open(lockFile, options)) {
        FileLock lock = lock(channel);
        try {
          removeStaleTemporaryFiles(dir);
          change.run();
        } finally {
          lock.release();
        }
      } finally {
        inProcess.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(
          "interrupted while waiting for the lock of token store " + file,
          new InterruptedIOException());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write token store " + file + ": " + describe(e), e);
    }
  }

  /** Waits for the exclusive file lock; after {@link #LOCK_WAIT} the channel is closed, which ends the wait. */
  private FileLock lock(FileChannel channel) throws IOException {
    FileLock quick = channel.tryLock();
    if (quick != null) {
      return quick;
    }
    ScheduledFuture<?> timeout = LockTimeouts.INSTANCE.schedule(
        () -> {
          try {
            channel.close();
          } catch (IOException ignored) {
            // closing is all the timeout does
          }
        },
        LOCK_WAIT.toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      return channel.lock();
    } catch (ClosedChannelException e) {
      throw new IOException(
          "another process has held " + lockFile + " for more than " + LOCK_WAIT.toSeconds()
              + " s; if none is running, the lock is stale only while that process lives",
          e);
    } finally {
      timeout.cancel(false);
    }
  }

  /**
   * Replaces the file with new content: written and synced to an owner-only temporary file in the same folder, moved
   * over the old file in one step, and the folder synced. Call it inside {@link #locked(Change)}.
   */
  void replace(byte[] bytes) throws IOException {
    Path dir = Objects.requireNonNull(file.getParent(), "parent");
    Path temp = createTemp(dir, posix(dir));
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
      syncDirectory(dir);
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Proves the folder writable with a temporary file, deleted at once. Call it inside {@link #locked(Change)}. */
  void probe() throws IOException {
    Path dir = Objects.requireNonNull(file.getParent(), "parent");
    Files.delete(createTemp(dir, posix(dir)));
  }

  private Path createTemp(Path dir, boolean posix) throws IOException {
    return posix
        ? Files.createTempFile(
            dir, tempPrefix, TEMP_SUFFIX, PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS))
        : ownerOnly(Files.createTempFile(dir, tempPrefix, TEMP_SUFFIX));
  }

  /**
   * Deletes this store's temporary files left by a writer that died between creating and moving one. Runs under the
   * file lock, which every writer holds while its temporary file exists, so none of them is in use.
   */
  private void removeStaleTemporaryFiles(Path dir) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.startsWith(tempPrefix)
            && name.endsWith(TEMP_SUFFIX)
            && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** Makes the rename durable: without syncing the folder, a crash can bring back the old file (or none). */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // folders cannot be opened or synced on some systems (Windows); the file itself was synced
    }
  }

  private static boolean posix(Path dir) throws IOException {
    return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
  }

  /**
   * Creates the folder (owner-only where POSIX is supported), or makes sure an existing one cannot be written by
   * others, and tells whether it supports POSIX permissions.
   */
  private boolean prepareDirectory(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      Path existing = dir;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      boolean posix = existing != null && posix(existing);
      FileAttribute<?>[] attributes = posix
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR_PERMISSIONS)}
          : new FileAttribute<?>[0];
      Files.createDirectories(dir, attributes);
      return posix;
    }
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + " is not a folder");
    }
    if (!posix(dir)) {
      return false;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
    if (permissions.stream().noneMatch(OTHERS_WRITE::contains)) {
      return true;
    }
    if (sticky(dir)) {
      throw new IOException(
          "its folder " + dir + " is shared (others can write to it, sticky bit set, like /tmp);"
              + " keep the token store in a folder of its own");
    }
    try {
      Files.setPosixFilePermissions(dir, DIR_PERMISSIONS);
    } catch (IOException e) {
      throw new IOException(
          "its folder " + dir + " can be written by other users and cannot be made owner-only ("
              + describe(e) + "); keep the token store in a folder of your own",
          e);
    }
    return true;
  }

  private static boolean sticky(Path dir) {
    try {
      Object mode = Files.getAttribute(dir, "unix:mode");
      return mode instanceof Integer m && (m & STICKY_BIT) != 0;
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return false; // no unix view: the permission change below decides
    }
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** Best effort where POSIX permissions are not supported (Windows): readable and writable by the owner only. */
  private static Path ownerOnly(Path path) {
    var f = path.toFile();
    boolean ok = f.setReadable(false, false)
        && f.setReadable(true, true)
        && f.setWritable(false, false)
        && f.setWritable(true, true);
    if (!ok) {
      System.getLogger("dev.accesslink4j")
          .log(System.Logger.Level.DEBUG, "could not restrict the permissions of {0}", path);
    }
    return path;
  }

  /** Ends waits for a file lock that take too long; its one daemon thread ends when idle. */
  private static final class LockTimeouts {
    static final ScheduledThreadPoolExecutor INSTANCE = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "accesslink-token-store-lock-timeout");
        t.setDaemon(true);
        return t;
      });
      executor.setRemoveOnCancelPolicy(true);
      executor.setKeepAliveTime(1, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
      return executor;
    }
  }
}
