package dev.accesslink4j.oauth;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.accesslink4j.AccessToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
  private static final int FORMAT_VERSION = 1;
  private final Path file;
  private final TokenFile storage;
  private final Gson gson =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private FileTokenStore(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.storage = new TokenFile(this.file);
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
    storage.locked(() -> {
      read();
      storage.probe();
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
    storage.locked(() -> {
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
    storage.locked(() -> {
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
      // a missing or blank access_token, a wrong type, a malformed number or instant; never quote
      // the content
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
      throw corrupt(
          root.isJsonNull() ? "it holds JSON null, not a token store" : "it is not a JSON object");
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
    String shown = number
        ? "version " + version.getAsBigDecimal().toPlainString()
        : "a \"version\" that is not a number";
    throw corrupt("it has " + shown + "; this SDK reads version " + FORMAT_VERSION
        + " (was it written by a newer accesslink4j?)");
  }

  private UncheckedIOException corrupt(String why) {
    return new UncheckedIOException(new IOException("token store " + file + " is unusable: " + why
        + "; restore it from a backup, or move it away to start with no linked users"));
  }

  private void write(Map<String, JsonObject> entries) throws IOException {
    JsonObject tokens = new JsonObject();
    entries.forEach(tokens::add);
    JsonObject root = new JsonObject();
    root.addProperty("version", FORMAT_VERSION);
    root.add("tokens", tokens);
    storage.replace((gson.toJson(root) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "FileTokenStore[" + file + "]";
  }
}
