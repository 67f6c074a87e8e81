package dev.accesslink4j.sync;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A sink that writes the CLI's folder layout: {@code <root>/<polar-user-id>/<kind>/<id>.json} for items and
 * {@code <root>/<polar-user-id>/exercises/<exercise-id>.<fit|tcx|gpx>} for files.
 *
 * <p>Atomic: every file is written to a hidden temporary file beside its target ({@code .<name>.<random>.tmp}),
 * forced to the disk, moved into place in one step and the folder forced, so a reader or a crash sees the old file
 * or the new one, never a part. Idempotent: an item or file whose bytes equal the stored ones is not rewritten (its
 * modification time stays), so the re-read of recent days and an at-least-once repeat cost no writes. A failed
 * download leaves the target untouched and no temporary file behind. A process killed in the middle of a write
 * (SIGKILL) leaves its temporary file; the first write of a later sink into that folder deletes it (a file still
 * being written holds a lock and is left alone, in this process or another).
 */
public final class FileSystemSink implements SyncSink {
  /** The temporary files this sink writes: {@code .<name><digits>.tmp}. */
  private static final Pattern TEMP_NAME = Pattern.compile("\\..+[0-9]+\\.tmp");

  private final Path root;
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final Set<Path> swept = ConcurrentHashMap.newKeySet();
  /**
   * The temporary files this process is writing, registered before they exist: a sweep by another thread must not
   * lock one in the moment between its creation and its writer's lock (the writer's lock would then fail, or the
   * file be deleted under it). Static: two sinks on one folder in one process share it.
   */
  private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

  /**
   * Creates a sink under a folder, created when needed.
   *
   * @param root the output folder
   */
  public FileSystemSink(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
  }

  /**
   * The output folder.
   *
   * @return the absolute root
   */
  public Path root() {
    return root;
  }

  /**
   * Where an item is written.
   *
   * @param item the item
   * @return {@code <root>/<user>/<kind>/<id>.json}
   */
  public Path pathOf(SyncItem item) {
    return folder(item.userId(), item.kind()).resolve(safe(item.id()) + ".json");
  }

  /**
   * Where a file is written.
   *
   * @param file the file
   * @return {@code <root>/<user>/exercises/<exercise-id>.<extension>}
   */
  public Path pathOf(SyncFile file) {
    return folder(file.userId(), SyncKind.EXERCISES)
        .resolve(safe(file.exerciseId()) + "." + file.format().extension());
  }

  @Override
  public void item(SyncItem item) throws IOException {
    byte[] bytes = item.json().getBytes(StandardCharsets.UTF_8);
    Path target = pathOf(item);
    if (Files.isRegularFile(target)
        && Files.size(target) == bytes.length
        && Arrays.equals(Files.readAllBytes(target), bytes)) {
      unchanged.incrementAndGet();
      return;
    }
    write(target, out -> {
      out.write(bytes);
      return bytes.length;
    });
  }

  @Override
  public void file(SyncFile file, Content content) throws IOException {
    write(pathOf(file), content);
  }

  /**
   * How many files this sink wrote (new or changed) since it was created.
   *
   * @return the count
   */
  public long written() {
    return written.get();
  }

  /**
   * How many deliveries found their file unchanged and wrote nothing.
   *
   * @return the count
   */
  public long unchanged() {
    return unchanged.get();
  }

  private Path folder(long userId, SyncKind kind) {
    return root.resolve(Long.toString(userId)).resolve(kind.folder());
  }

  /** Ids come from AccessLink: keep them to one harmless path segment. */
  private static String safe(String id) {
    String cleaned = id.replaceAll("[^A-Za-z0-9._-]", "_");
    return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
  }

  private void write(Path target, Content content) throws IOException {
    Path dir = Objects.requireNonNull(target.getParent(), "parent");
    Files.createDirectories(dir);
    if (swept.add(dir)) {
      sweep(dir);
    }
    Path temp = dir.resolve("." + target.getFileName()
        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    WRITING.add(temp);
    boolean moved = false;
    try {
      Files.createFile(temp);
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
        channel
            .lock(); // held while the file is written: a sweep in another process leaves it alone
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        content.writeTo(out);
        out.flush();
        channel.force(true);
        if (Files.isRegularFile(target) && sameContent(channel, target)) {
          unchanged.incrementAndGet();
          return;
        }
      }
      move(temp, target);
      moved = true;
      syncDirectory(dir);
      written.incrementAndGet();
    } finally {
      try {
        if (!moved) {
          Files.deleteIfExists(temp);
        }
      } finally {
        WRITING.remove(temp);
      }
    }
  }

  /**
   * Deletes the temporary files that a killed process left in a folder: those no writer holds locked (a write in
   * progress, in this process or another, holds its file locked until it is moved into place) and that this process
   * is not writing. Another process's file in the instant between its creation and its lock could be taken for a
   * leftover; that write then fails when it moves the file into place, and the item comes again next run.
   */
  private static void sweep(Path dir) {
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path temp : temps) {
        if (TEMP_NAME.matcher(temp.getFileName().toString()).matches()) {
          deleteIfUnlocked(temp);
        }
      }
    } catch (IOException e) {
      // a folder that cannot be listed is swept another time; the write itself goes on
    }
  }

  private static void deleteIfUnlocked(Path temp) {
    if (WRITING.contains(temp)) {
      return; // written by this process right now, perhaps not locked yet
    }
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        Files.deleteIfExists(temp);
      }
    } catch (OverlappingFileLockException e) {
      // written by this process right now
    } catch (IOException e) {
      // gone already, or not ours to delete
    }
  }

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

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes the rename durable: without forcing the folder, a crash can bring back the old file (or none). */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // folders cannot be opened or forced on some systems (Windows); the file itself was forced
    }
  }

  @Override
  public String toString() {
    return "FileSystemSink[" + root + "]";
  }
}
