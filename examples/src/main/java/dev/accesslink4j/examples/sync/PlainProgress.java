package dev.accesslink4j.examples.sync;

import dev.accesslink4j.RateBudget;
import dev.accesslink4j.examples.TerminalText;
import dev.accesslink4j.sync.SyncFailure;
import dev.accesslink4j.sync.SyncFile;
import dev.accesslink4j.sync.SyncKind;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Progress as plain lines, for logs, pipes and tests: one line per finished kind of a user
 * ({@code user 475 sleep: 3 items}, {@code user 475 exercises: 2 items, 6 files}), one per failed kind on standard error ({@code error: user 475 exercises: ...}),
 * and one per rate-limit wait. Thread-safe: each line is printed whole.
 */
public final class PlainProgress implements SyncProgress {
  private final PrintWriter log;
  private final PrintWriter err;
  private final Map<Long, AtomicInteger> files = new ConcurrentHashMap<>();

  /**
   * Creates the log.
   *
   * @param log where progress lines go
   * @param err where failures and warnings go
   */
  public PlainProgress(PrintWriter log, PrintWriter err) {
    this.log = log;
    this.err = err;
  }

  @Override
  public void fileDelivered(SyncFile file, long bytes) {
    files.computeIfAbsent(file.userId(), id -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public void kindFinished(long userId, SyncKind kind, int delivered) {
    AtomicInteger counted = kind == SyncKind.EXERCISES ? files.remove(userId) : null;
    int fileCount = counted == null ? 0 : counted.get();
    int items = delivered - fileCount; // the engine counts an exercise's files with its summary
    print(
        log,
        "user " + userId + " " + kind.folder() + ": " + items
            + (items == 1 ? " item" : " items")
            + (kind == SyncKind.EXERCISES
                ? ", " + fileCount + (fileCount == 1 ? " file" : " files")
                : ""));
  }

  @Override
  public void kindFailed(SyncFailure failure) {
    print(err, "error: " + FailureText.line(failure));
  }

  @Override
  public void budgetWaiting(RateBudget.Window window, Duration wait, Instant resumeAt) {
    print(log, WaitText.line(window, wait, resumeAt));
  }

  @Override
  public void note(String line) {
    print(log, TerminalText.clean(line));
  }

  @Override
  public void warning(String line) {
    print(err, "warning: " + TerminalText.clean(line));
  }

  @Override
  public void close() {
    log.flush();
    err.flush();
  }

  private static void print(PrintWriter out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
