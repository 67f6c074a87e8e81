package dev.accesslink4j.sync;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A state store in one file, for one engine process: loaded whole when opened, kept in memory, and changed by
 * appending one line per change, so that a save costs a few bytes, not a rewrite.
 *
 * <p>Format: a header line, then lines {@code P <user> <kind> <id> <fingerprint>} (an item delivered),
 * {@code D <user> <kind> <id>} (an item forgotten) and {@code T <user> <kind> <date>} (the last date read), applied in
 * order, and {@code H <user> <relink|consent> <sha-256 of the token>} (a {@link UserHold}) and {@code R <user>} (a
 * hold cleared). The header is {@code accesslink-sync-state 2}; a version 1 file (written before the holds and the
 * SleepWise, biosensing and physical-info kinds) is read and rewritten as version 2 on open, and a file of a later
 * version fails the open with an error saying so. {@link #close()} (and a growing log, on its own) rewrites the file compactly: written to a temporary file,
 * forced to the disk and moved into place in one step, so the file is always either the old or the new one. A kill
 * part way through an append leaves an unfinished last line, which the next open drops: that save is lost, and its
 * items are delivered again (at least once), never skipped. Appends are not forced to the disk one by one (that would
 * cost a disk flush per item): a process killed keeps them (they are in the operating system's cache), and what a
 * power cut loses is only delivered again. {@link #flush()} forces them. Within one save, the items' lines come
 * before the date line, so a torn save never records a date without its items.
 *
 * <p>Locked: the store holds an exclusive {@link FileChannel#lock() file lock} on {@code <file>.lock} from open to
 * close, so a second process (or a second instance in this one) sharing the file fails at once with a clear error
 * instead of corrupting it. A damaged file fails the open with an {@link IllegalStateException} naming the file and
 * the line.
 *
 * <p>Size: 10,000 users with 30 exercises each load and save in well under a second, in a few tens of MiB of heap.
 */
public final class FileStateStore implements StateStore, AutoCloseable {
  private static final String HEADER_PREFIX = "accesslink-sync-state ";
  private static final int VERSION = 2;
  private static final String HEADER = HEADER_PREFIX + VERSION;
  private static final long MIN_COMPACT_BYTES = 16L * 1024 * 1024;

  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Map<Key, KindState> states = new ConcurrentHashMap<>();
  private final Map<Long, UserHold> holds = new ConcurrentHashMap<>();
  private boolean upgrade;
  private @Nullable FileChannel log;
  private long compactedSize;
  private long appended;
  private boolean closed;

  private FileStateStore(Path file, FileChannel lockChannel, FileLock lock) {
    this.file = file;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (or creates) a state file and locks it until {@link #close()}.
   *
   * @param file the state file; its folder is created when missing
   * @return the store, loaded
   * @throws IllegalStateException if another store holds the file, or the file is damaged (the message names the
   *     file and the line)
   * @throws UncheckedIOException if the file cannot be read or written
   */
  public static FileStateStore open(Path file) {
    Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath();
    try {
      Path dir = Objects.requireNonNull(absolute.getParent(), "parent");
      Files.createDirectories(dir);
      Path lockFile = dir.resolve(absolute.getFileName() + ".lock");
      FileChannel lockChannel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        lockChannel.close();
        throw new IllegalStateException(
            "the sync state file " + absolute + " is in use by another FileStateStore (" + lockFile
                + " is locked): run one engine per state file");
      }
      FileStateStore store = new FileStateStore(absolute, lockChannel, lock);
      try {
        store.load();
      } catch (RuntimeException | IOException e) {
        store.release();
        throw e;
      }
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the sync state file " + absolute, e);
    }
  }

  /**
   * The state file.
   *
   * @return its absolute path
   */
  public Path file() {
    return file;
  }

  @Override
  public KindState load(long userId, SyncKind kind) {
    return states.getOrDefault(
        new Key(userId, Objects.requireNonNull(kind, "kind")), KindState.empty());
  }

  @Override
  public Optional<UserHold> loadHold(long userId) {
    return Optional.ofNullable(holds.get(userId));
  }

  @Override
  public synchronized void saveHold(long userId, UserHold hold) {
    Objects.requireNonNull(hold, "hold");
    requireOpen();
    if (hold.equals(holds.put(userId, hold))) {
      return;
    }
    StringBuilder line = new StringBuilder();
    hold(line, userId, hold);
    append(line);
  }

  @Override
  public synchronized void clearHold(long userId) {
    requireOpen();
    if (holds.remove(userId) != null) {
      append(new StringBuilder("R ").append(userId).append('\n'));
    }
  }

  private void append(StringBuilder lines) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
      FileChannel channel = Objects.requireNonNull(log, "log");
      while (bytes.hasRemaining()) {
        appended += channel.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sync state file " + file, e);
    }
  }

  @Override
  public synchronized void save(long userId, SyncKind kind, KindState state) {
    Objects.requireNonNull(state, "state");
    requireOpen();
    Key key = new Key(userId, Objects.requireNonNull(kind, "kind"));
    KindState old = states.getOrDefault(key, KindState.empty());
    StringBuilder lines = new StringBuilder();
    for (String id : state.ids()) {
      long fingerprint = state.fingerprint(id).orElseThrow();
      if (old.fingerprint(id).orElse(~fingerprint) != fingerprint) {
        put(lines, key, id, fingerprint);
      }
    }
    for (String id : old.ids()) {
      if (!state.contains(id)) {
        lines
            .append("D ")
            .append(key.userId)
            .append(' ')
            .append(key.kind.folder())
            .append(' ');
        lines.append(escape(id)).append('\n');
      }
    }
    if (state.readThrough().isPresent() && !state.readThrough().equals(old.readThrough())) {
      date(lines, key, state.readThrough().get());
    }
    states.put(key, state);
    if (lines.length() == 0) {
      return;
    }
    try {
      ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
      FileChannel channel = Objects.requireNonNull(log, "log");
      while (bytes.hasRemaining()) {
        appended += channel.write(bytes);
      }
      if (appended > Math.max(MIN_COMPACT_BYTES, compactedSize)) {
        compact();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sync state file " + file, e);
    }
  }

  /** Forces every saved state to the disk. */
  @Override
  public synchronized void flush() {
    requireOpen();
    try {
      Objects.requireNonNull(log, "log").force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush the sync state file " + file, e);
    }
  }

  /**
   * Rewrites the file compactly and releases the lock. Idempotent.
   *
   * @throws UncheckedIOException if the file cannot be written (the appended lines stay valid)
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    try {
      compact();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the sync state file " + file, e);
    } finally {
      closed = true;
      release();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the sync state store for " + file + " is closed");
    }
  }

  private void release() {
    try {
      if (log != null) {
        log.close();
      }
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      // closing releases the lock in any case
    }
  }

  private void load() throws IOException {
    if (Files.exists(file)) {
      long complete = read();
      if (complete < Files.size(file)) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
          channel.truncate(complete); // an append cut by a kill: that save is delivered again
        }
      }
      compactedSize = complete;
      if (upgrade) {
        compact(); // a version 1 file: rewritten with the current header before anything is
        // appended
      }
    } else {
      compact();
    }
    log = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** Reads the file into the map and returns the length of its complete lines. */
  private long read() throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int complete = 0;
    int number = 0;
    Pending pending = new Pending();
    for (int start = 0; start < bytes.length; ) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      if (end == bytes.length) {
        break; // an unfinished last line: an append cut by a kill
      }
      number++;
      String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
      if (number == 1) {
        header(text);
      } else {
        apply(text, number, pending);
      }
      start = end + 1;
      complete = start;
    }
    pending.flush();
    if (number == 0) {
      throw damaged(1, "not a sync state file (no header line)");
    }
    return complete;
  }

  private void header(String text) {
    if (text.equals(HEADER)) {
      return;
    }
    if (text.equals(HEADER_PREFIX + 1)) {
      upgrade = true;
      return;
    }
    if (text.startsWith(HEADER_PREFIX)) {
      throw new IllegalStateException("the sync state file " + file + " has format \""
          + text.substring(HEADER_PREFIX.length())
          + "\", written by a later accesslink-sync: this version reads"
          + " formats 1 to " + VERSION
          + " (use the later version, or move the file away to start over:"
          + " everything is then delivered again)");
    }
    throw damaged(1, "not a sync state file (the first line is not \"" + HEADER + "\")");
  }

  /** Consecutive put lines of one user and kind (a compacted file's layout), turned into one state at once. */
  private final class Pending {
    private @Nullable Key key;
    private final java.util.ArrayList<String> ids = new java.util.ArrayList<>();
    private long[] fingerprints = new long[64];

    void add(Key lineKey, String id, long fingerprint) {
      if (!lineKey.equals(key)) {
        flush();
        key = lineKey;
      }
      if (ids.size() == fingerprints.length) {
        fingerprints = java.util.Arrays.copyOf(fingerprints, fingerprints.length * 2);
      }
      fingerprints[ids.size()] = fingerprint;
      ids.add(id);
    }

    void flush() {
      if (key == null) {
        return;
      }
      KindState existing = states.get(key);
      KindState state;
      if (existing == null || existing.size() == 0) {
        state = KindState.ofSorted(
            ids.toArray(new String[0]), java.util.Arrays.copyOf(fingerprints, ids.size()));
        if (existing != null && existing.readThrough().isPresent()) {
          state = state.withReadThrough(existing.readThrough().get());
        }
      } else {
        state = existing;
        for (int i = 0; i < ids.size(); i++) {
          state = state.with(ids.get(i), fingerprints[i]);
        }
      }
      states.put(key, state);
      key = null;
      ids.clear();
    }
  }

  private void apply(String text, int number, Pending pending) {
    String[] parts = text.split(" ", -1);
    int expected = switch (parts[0]) {
      case "P" -> 5;
      case "D", "T", "H" -> 4;
      case "R" -> 2;
      default -> throw damaged(number, "unknown record type");
    };
    if (parts.length != expected) {
      throw damaged(number, "expected " + expected + " fields, found " + parts.length);
    }
    if (parts[0].equals("H") || parts[0].equals("R")) {
      applyHold(parts, number);
      return;
    }
    Key key;
    try {
      key = new Key(Long.parseLong(parts[1]), kind(parts[2], number));
    } catch (NumberFormatException e) {
      throw damaged(number, "the user id is not a number");
    }
    try {
      if (parts[0].equals("P")) {
        pending.add(key, unescape(parts[3]), Long.parseUnsignedLong(parts[4], 16));
        return;
      }
      pending.flush();
      KindState state = states.getOrDefault(key, KindState.empty());
      state = parts[0].equals("D")
          ? state.without(unescape(parts[3]))
          : state.withReadThrough(LocalDate.parse(parts[3]));
      states.put(key, state);
    } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
      throw damaged(number, "unreadable value");
    }
  }

  private void applyHold(String[] parts, int number) {
    long userId;
    try {
      userId = Long.parseLong(parts[1]);
    } catch (NumberFormatException e) {
      throw damaged(number, "the user id is not a number");
    }
    if (parts[0].equals("R")) {
      holds.remove(userId);
      return;
    }
    SyncFailure.Reason reason = switch (parts[2]) {
      case "relink" -> SyncFailure.Reason.RELINK;
      case "consent" -> SyncFailure.Reason.CONSENT_REQUIRED;
      default -> throw damaged(number, "unknown hold reason");
    };
    try {
      holds.put(userId, new UserHold(reason, parts[3]));
    } catch (IllegalArgumentException e) {
      throw damaged(number, "unreadable token fingerprint");
    }
  }

  private static void hold(StringBuilder lines, long userId, UserHold hold) {
    lines
        .append("H ")
        .append(userId)
        .append(' ')
        .append(hold.reason() == SyncFailure.Reason.RELINK ? "relink" : "consent")
        .append(' ')
        .append(hold.tokenFingerprint())
        .append('\n');
  }

  private SyncKind kind(String name, int number) {
    for (SyncKind kind : SyncKind.values()) {
      if (kind.folder().equals(name)) {
        return kind;
      }
    }
    throw damaged(number, "unknown kind");
  }

  private IllegalStateException damaged(int line, String why) {
    return new IllegalStateException("the sync state file " + file + " is damaged at line " + line
        + ": " + why + " (move it away to start over: everything is then delivered again)");
  }

  private void compact() throws IOException {
    Path dir = Objects.requireNonNull(file.getParent(), "parent");
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        Writer out = new BufferedWriter(
            Channels.newWriter(channel, StandardCharsets.UTF_8.newEncoder(), -1), 1 << 16);
        out.write(HEADER);
        out.write('\n');
        StringBuilder lines = new StringBuilder(4096);
        List<Map.Entry<Key, KindState>> entries = states.entrySet().stream()
            .sorted(Map.Entry.comparingByKey(
                Comparator.comparingLong(Key::userId).thenComparing(Key::kind)))
            .toList();
        for (Map.Entry<Key, KindState> entry : entries) {
          Key key = entry.getKey();
          KindState state = entry.getValue();
          for (int i = 0; i < state.size(); i++) {
            put(lines, key, state.idAt(i), state.fingerprintAt(i));
          }
          if (state.readThrough().isPresent()) {
            date(lines, key, state.readThrough().get());
          }
          out.append(lines);
          lines.setLength(0);
        }
        List<Map.Entry<Long, UserHold>> held =
            holds.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
        for (Map.Entry<Long, UserHold> entry : held) {
          hold(lines, entry.getKey(), entry.getValue());
        }
        out.append(lines);
        out.flush();
        channel.force(true);
        compactedSize = channel.size();
      }
      if (log != null) {
        log.close();
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
      try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
        folder.force(true);
      } catch (IOException e) {
        // folders cannot be forced on some systems; the file itself was
      }
      appended = 0;
      if (log != null) {
        log = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      }
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static void put(StringBuilder lines, Key key, String id, long fingerprint) {
    lines.append("P ").append(key.userId).append(' ').append(key.kind.folder()).append(' ');
    lines.append(escape(id)).append(' ').append(Long.toHexString(fingerprint)).append('\n');
  }

  private static void date(StringBuilder lines, Key key, LocalDate date) {
    lines.append("T ").append(key.userId).append(' ').append(key.kind.folder()).append(' ');
    lines.append(date).append('\n');
  }

  /** Ids go into a space-separated line: anything but printable ASCII (and %) as %XX of its UTF-8 bytes. */
  static String escape(String id) {
    boolean plain = true;
    for (int i = 0; i < id.length() && plain; i++) {
      char c = id.charAt(i);
      plain = c > ' ' && c < 0x7f && c != '%';
    }
    if (plain && !id.isEmpty()) {
      return id;
    }
    StringBuilder out = new StringBuilder("%");
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > ' ' && c < 0x7f && c != '%') {
        out.append((char) c);
      } else {
        out.append('%')
            .append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 15, 16));
      }
    }
    return out.toString();
  }

  static String unescape(String text) {
    if (!text.startsWith("%")) {
      return text;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "FileStateStore[" + file + "]";
  }

  private record Key(long userId, SyncKind kind) {}
}
