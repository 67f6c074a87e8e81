package dev.accesslink4j.oauth;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.accesslink4j.AccessToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TokenStore} in one JSON file, for a single application process: a CLI, a desktop tool, a small server.
 * Thread-safe within the process; do not let two processes (or two instances on the same file) write to it at once.
 *
 * <p>The file holds, per key, the token value, type, {@code expires_in} (seconds), {@code issued_at} (ISO-8601
 * instant) and Polar user id. Every change rewrites the whole file atomically: the new content is written and synced
 * to a temporary file in the same directory, which then replaces the old file, so a crash never leaves a half-written
 * store. Where the file system supports POSIX permissions, the temporary file, and so the store, is created
 * owner-only ({@code rw-------}) from the start; directories the store creates are {@code rwx------}.
 *
 * <pre>{@code
 * TokenStore tokens = FileTokenStore.of(Path.of(System.getProperty("user.home"), ".myapp", "polar-tokens.json"));
 * tokens.save(memberId, token);
 * }</pre>
 */
public final class FileTokenStore implements TokenStore {
  private static final Set<PosixFilePermission> FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR_PERMISSIONS = PosixFilePermissions.fromString("rwx------");
  private static final int FORMAT_VERSION = 1;

  private final Path file;
  private final Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
  private final Object lock = new Object();

  private FileTokenStore(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  /**
   * Opens a store on a file. Nothing is read or created until the first call; a missing file is an empty store.
   *
   * @param file the JSON file; its directory is created on the first save if needed
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
   * {@inheritDoc}
   *
   * @throws UncheckedIOException if the file cannot be read, is not a token store, or cannot be written
   */
  @Override
  public void save(String key, AccessToken token) {
    Keys.checked(key);
    Objects.requireNonNull(token, "token");
    synchronized (lock) {
      Map<String, JsonObject> entries = read();
      entries.put(key, toJson(token));
      write(entries);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws UncheckedIOException if the file cannot be read or is not a token store
   */
  @Override
  public Optional<AccessToken> load(String key) {
    Objects.requireNonNull(key, "key");
    synchronized (lock) {
      JsonObject entry = read().get(key);
      return entry == null ? Optional.empty() : Optional.of(fromJson(key, entry));
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws UncheckedIOException if the file cannot be read, is not a token store, or cannot be written
   */
  @Override
  public void delete(String key) {
    Objects.requireNonNull(key, "key");
    synchronized (lock) {
      Map<String, JsonObject> entries = read();
      if (entries.remove(key) != null) {
        write(entries);
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws UncheckedIOException if the file cannot be read or is not a token store
   */
  @Override
  public Set<String> keys() {
    synchronized (lock) {
      return Set.copyOf(read().keySet());
    }
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

  private Map<String, JsonObject> read() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new TreeMap<>();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read token store " + file, e);
    }
    Map<String, JsonObject> entries = new TreeMap<>();
    JsonElement root;
    try {
      root = JsonParser.parseString(text);
    } catch (RuntimeException e) {
      // Gson's message may quote the file's content, which holds tokens: do not chain it.
      throw corrupt("it is not valid JSON");
    }
    if (root.isJsonNull()) {
      return entries;
    }
    JsonElement tokens = root.isJsonObject() ? root.getAsJsonObject().get("tokens") : null;
    if (tokens == null || !tokens.isJsonObject()) {
      throw corrupt("it has no \"tokens\" object");
    }
    for (Map.Entry<String, JsonElement> e : tokens.getAsJsonObject().entrySet()) {
      if (!e.getValue().isJsonObject()) {
        throw corrupt("the entry for key " + e.getKey() + " is not an object");
      }
      entries.put(e.getKey(), e.getValue().getAsJsonObject());
    }
    return entries;
  }

  private UncheckedIOException corrupt(String why) {
    return new UncheckedIOException(new IOException("token store " + file + " is unusable: " + why));
  }

  private void write(Map<String, JsonObject> entries) {
    JsonObject tokens = new JsonObject();
    entries.forEach(tokens::add);
    JsonObject root = new JsonObject();
    root.addProperty("version", FORMAT_VERSION);
    root.add("tokens", tokens);
    byte[] bytes = (gson.toJson(root) + "\n").getBytes(StandardCharsets.UTF_8);
    Path dir = Objects.requireNonNull(file.getParent(), "parent");
    Path temp = null;
    try {
      boolean posix = createDirectories(dir);
      String prefix = "." + file.getFileName() + ".";
      temp =
          posix
              ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(FILE_PERMISSIONS))
              : ownerOnly(Files.createTempFile(dir, prefix, ".tmp"));
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write token store " + file, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the write already failed; the temporary file is all that is left behind
        }
      }
    }
  }

  /** Creates the directory (owner-only where POSIX is supported) and tells whether it supports POSIX permissions. */
  private static boolean createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
    }
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    boolean posix =
        existing != null && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
    FileAttribute<?>[] attributes =
        posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR_PERMISSIONS)} : new FileAttribute<?>[0];
    Files.createDirectories(dir, attributes);
    return posix;
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
}
