package dev.accesslink4j.oauth;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.accesslink4j.AccessToken;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TokenStore} in one JSON file, safe to share between threads and between processes on one machine: a CLI
 * run next to a webhook receiver, two {@code link} runs at once.
 *
 * <p><b>Format.</b> {@code {"version": 1, "tokens": {KEY: {...}}}}, per key the token value, type,
 * {@code expires_in} (seconds), {@code issued_at} (ISO-8601 instant) and Polar user id. A missing file is an empty
 * store. A file that is empty, {@code null}, not JSON, of another version or otherwise not a token store is an error
 * naming the file ({@link UncheckedIOException}), never an empty store, so a damaged store is never silently
 * overwritten; the message never quotes the file's content.
 *
 * <p><b>Updates.</b> Every change ({@link #save}, {@link #delete}) is a read-modify-write under two locks: an in-JVM
 * lock per file and an exclusive {@link FileChannel#lock() file lock} on the sibling {@code <file>.lock} (created
 * once and left in place: deleting a lock file would let two processes lock different files). The new content is
 * written and synced to a temporary file in the same folder, moved over the old file in one step, and the folder is
 * synced, so a crash never leaves a half-written store and a concurrent writer never loses an update. Waiting for
 * another process's lock gives up after 10 seconds with an error. Temporary files left by a writer that was killed
 * are deleted by the next change (under the lock, so they cannot be another writer's). Reads take no lock: the
 * file is only ever replaced whole.
 *
 * <p><b>Permissions.</b> Where the file system supports POSIX permissions the store, its temporary and lock files
 * are created owner-only ({@code rw-------}). A folder the store creates is {@code rwx------}; an existing folder
 * that others can write to (they could replace the file) is tightened to {@code rwx------} on the first change or
 * {@link #check()}, and refused with an error when that fails or when it is a shared folder with the sticky bit,
 * such as {@code /tmp}. On a file system without POSIX permissions (Windows) the folder is used as it is (its ACL
 * decides; keep the store under the user's profile) and the file is made readable and writable by its owner only,
 * as far as {@link java.io.File#setReadable(boolean, boolean)} can.
 *
 * <pre>{@code
 * TokenStore tokens = FileTokenStore.of(Path.of(System.getProperty("user.home"), ".myapp", "polar-tokens.json"));
 * tokens.save(memberId, token);
 * }</pre>
 */
public final class FileTokenStore implements TokenStore {
  private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OTHERS_WRITE =
      EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
  private static final int STICKY_BIT = 01000;
  private static final int FORMAT_VERSION = 1;
  private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
  private static final String TEMP_SUFFIX = ".tmp";

  /** One lock per lock file in this JVM: file locks are held per process, so threads must queue before them. */
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;
  private final String tempPrefix;
  private final Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private FileTokenStore(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    this.tempPrefix = "." + this.file.getFileName() + ".";
  }

  /**
   * Opens a store on a file. Nothing is read or created until the first call; a missing file is an empty store.
   *
   * @param file the JSON file; its directory is created on the first change if needed
   * @return the store
   */
  public static FileTokenStore of(Path file) {
    Objects.requireNonNull(file, "file");
    if (file.getFileName() == null) {
      throw new IllegalArgumentException("not a file path: " + file);
    }
    return new FileTokenStore(file);
  }

  /**
   * The file this store reads and writes.
   *
   * @return the absolute path
   */
  public Path file() {
    return file;
  }

  /**
   * Checks now that the store can be used, before anything depends on it: creates the folder (owner-only) if needed
   * or tightens one that others can write to, takes the lock, reads and validates the file if there is one, and
   * proves the folder writable with a temporary file. Changes nothing else. Call it before a step that cannot be
   * repeated, such as sending a user to Polar's authorization page: an authorization code works once, so a store
   * found unusable only after the exchange would lose the token.
   *
   * @throws UncheckedIOException if the store cannot be read, is not a token store, or its folder cannot be
   *     written or made owner-only
   */
  public void check() {
    locked(
        () -> {
          read();
          Path probe = createTemp(Objects.requireNonNull(file.getParent()), posix(file.getParent()));
          Files.delete(probe);
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Waits for a change another thread or process is making (at most 10 seconds).
   *
   * @throws UncheckedIOException if the file cannot be read, is not a token store, or cannot be written (also when
   *     its folder is writable by others and cannot be made owner-only)
   */
  @Override
  public void save(String key, AccessToken token) {
    Keys.checked(key);
    Objects.requireNonNull(token, "token");
    locked(
        () -> {
          Map<String, JsonObject> entries = read();
          entries.put(key, toJson(token));
          write(entries);
        });
  }

  /**
   * {@inheritDoc}
   *
   * @throws UncheckedIOException if the file cannot be read or is not a token store
   */
  @Override
  public Optional<AccessToken> load(String key) {
    Objects.requireNonNull(key, "key");
    JsonObject entry = read().get(key);
    return entry == null ? Optional.empty() : Optional.of(fromJson(key, entry));
  }

  /**
   * {@inheritDoc}
   *
   * @throws UncheckedIOException if the file cannot be read, is not a token store, or cannot be written
   */
  @Override
  public void delete(String key) {
    Objects.requireNonNull(key, "key");
    if (!read().containsKey(key)) {
      return; // nothing to do, and nothing to create
    }
    locked(
        () -> {
          Map<String, JsonObject> entries = read();
          if (entries.remove(key) != null) {
            write(entries);
          }
        });
  }

  /**
   * {@inheritDoc}
   *
   * @throws UncheckedIOException if the file cannot be read or is not a token store
   */
  @Override
  public Set<String> keys() {
    return Set.copyOf(read().keySet());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads the file once.
   *
   * @throws UncheckedIOException if the file cannot be read, is not a token store, or an entry is malformed
   */
  @Override
  public Optional<AccessToken> findByUserId(long polarUserId) {
    AccessToken best = null;
    for (Map.Entry<String, JsonObject> e : read().entrySet()) {
      Long userId;
      try {
        userId = number(e.getValue(), "user_id");
      } catch (RuntimeException malformed) {
        throw corrupt("the entry for key " + e.getKey() + " is malformed");
      }
      if (userId != null && userId == polarUserId) {
        best = UserTokens.better(best, fromJson(e.getKey(), e.getValue()), polarUserId);
      }
    }
    return Optional.ofNullable(best);
  }

  private static JsonObject toJson(AccessToken token) {
    JsonObject entry = new JsonObject();
    entry.addProperty("access_token", token.reveal());
    entry.addProperty("token_type", token.tokenType());
    token.expiresIn().ifPresent(d -> entry.addProperty("expires_in", d.toSeconds()));
    token.issuedAt().ifPresent(t -> entry.addProperty("issued_at", t.toString()));
    token.userId().ifPresent(id -> entry.addProperty("user_id", id));
    return entry;
  }

  private AccessToken fromJson(String key, JsonObject entry) {
    try {
      String type = string(entry, "token_type");
      Long expiresIn = number(entry, "expires_in");
      String issuedAt = string(entry, "issued_at");
      return AccessToken.of(
          Objects.requireNonNull(string(entry, "access_token")),
          type == null ? "bearer" : type,
          expiresIn == null ? null : Duration.ofSeconds(expiresIn),
          issuedAt == null ? null : Instant.parse(issuedAt),
          number(entry, "user_id"));
    } catch (RuntimeException e) {
      // a missing or blank access_token, a wrong type, a malformed number or instant; never quote the content
      throw corrupt("the entry for key " + key + " is malformed");
    }
  }

  private static @Nullable String string(JsonObject entry, String name) {
    JsonElement value = entry.get(name);
    return value == null || value.isJsonNull() ? null : value.getAsString();
  }

  private static @Nullable Long number(JsonObject entry, String name) {
    JsonElement value = entry.get(name);
    return value == null || value.isJsonNull() ? null : value.getAsLong();
  }

  // ---- reading

  private Map<String, JsonObject> read() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new TreeMap<>();
    } catch (CharacterCodingException e) {
      throw corrupt("it is not UTF-8 text");
    } catch (AccessDeniedException e) {
      throw new UncheckedIOException("cannot read token store " + file + ": permission denied", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read token store " + file, e);
    }
    if (text.isBlank()) {
      throw corrupt("it is empty");
    }
    JsonElement root;
    try {
      root = JsonParser.parseString(text);
    } catch (RuntimeException e) {
      // Gson's message may quote the file's content, which holds tokens: do not chain it.
      throw corrupt("it is not valid JSON");
    }
    if (!root.isJsonObject()) {
      throw corrupt(root.isJsonNull() ? "it holds JSON null, not a token store" : "it is not a JSON object");
    }
    checkVersion(root.getAsJsonObject().get("version"));
    JsonElement tokens = root.getAsJsonObject().get("tokens");
    if (tokens == null || !tokens.isJsonObject()) {
      throw corrupt("it has no \"tokens\" object");
    }
    Map<String, JsonObject> entries = new TreeMap<>();
    for (Map.Entry<String, JsonElement> e : tokens.getAsJsonObject().entrySet()) {
      if (!e.getValue().isJsonObject()) {
        throw corrupt("the entry for key " + e.getKey() + " is not an object");
      }
      entries.put(e.getKey(), e.getValue().getAsJsonObject());
    }
    return entries;
  }

  private void checkVersion(@Nullable JsonElement version) {
    if (version == null || version.isJsonNull()) {
      throw corrupt("it has no \"version\" (this SDK reads version " + FORMAT_VERSION + ")");
    }
    boolean number = version.isJsonPrimitive() && ((JsonPrimitive) version).isNumber();
    if (number && version.getAsBigDecimal().compareTo(BigDecimal.valueOf(FORMAT_VERSION)) == 0) {
      return;
    }
    // quote a number only: anything else in that place could be a pasted token
    String shown =
        number ? "version " + version.getAsBigDecimal().toPlainString() : "a \"version\" that is not a number";
    throw corrupt("it has " + shown + "; this SDK reads version " + FORMAT_VERSION
        + " (was it written by a newer accesslink4j?)");
  }

  private UncheckedIOException corrupt(String why) {
    return new UncheckedIOException(
        new IOException("token store " + file + " is unusable: " + why
            + "; restore it from a backup, or move it away to start with no linked users"));
  }

  // ---- writing

  /** A change under the in-JVM lock and the file lock. */
  @FunctionalInterface
  private interface Change {
    void run() throws IOException;
  }

  private void locked(Change change) {
    Path dir = Objects.requireNonNull(file.getParent(), "parent");
    try {
      boolean posix = prepareDirectory(dir);
      Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      ReentrantLock inProcess =
          IN_PROCESS.computeIfAbsent(dir.toRealPath().resolve(lockFile.getFileName()), p -> new ReentrantLock(true));
      if (!inProcess.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IOException("another thread of this process held the lock for more than " + LOCK_WAIT.toSeconds()
            + " s");
      }
      try (FileChannel channel =
          posix
              ? FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS))
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
          "interrupted while waiting for the lock of token store " + file, new InterruptedIOException());
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
    ScheduledFuture<?> timeout =
        LockTimeouts.INSTANCE.schedule(
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
      throw new IOException("another process has held " + lockFile + " for more than " + LOCK_WAIT.toSeconds()
          + " s; if none is running, the lock is stale only while that process lives", e);
    } finally {
      timeout.cancel(false);
    }
  }

  private void write(Map<String, JsonObject> entries) throws IOException {
    JsonObject tokens = new JsonObject();
    entries.forEach(tokens::add);
    JsonObject root = new JsonObject();
    root.addProperty("version", FORMAT_VERSION);
    root.add("tokens", tokens);
    byte[] bytes = (gson.toJson(root) + "\n").getBytes(StandardCharsets.UTF_8);
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

  private Path createTemp(Path dir, boolean posix) throws IOException {
    return posix
        ? Files.createTempFile(dir, tempPrefix, TEMP_SUFFIX, PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS))
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
      FileAttribute<?>[] attributes =
          posix
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
      throw new IOException("its folder " + dir + " is shared (others can write to it, sticky bit set, like /tmp);"
          + " keep the token store in a folder of its own");
    }
    try {
      Files.setPosixFilePermissions(dir, DIR_PERMISSIONS);
    } catch (IOException e) {
      throw new IOException("its folder " + dir + " can be written by other users and cannot be made owner-only ("
          + describe(e) + "); keep the token store in a folder of your own", e);
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
    boolean ok =
        f.setReadable(false, false) && f.setReadable(true, true) && f.setWritable(false, false)
            && f.setWritable(true, true);
    if (!ok) {
      System.getLogger("dev.accesslink4j")
          .log(System.Logger.Level.DEBUG, "could not restrict the permissions of {0}", path);
    }
    return path;
  }

  @Override
  public String toString() {
    return "FileTokenStore[" + file + "]";
  }

  /** Ends waits for a file lock that take too long; its one daemon thread ends when idle. */
  private static final class LockTimeouts {
    static final ScheduledThreadPoolExecutor INSTANCE = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
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
