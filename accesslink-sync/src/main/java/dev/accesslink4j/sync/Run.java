package dev.accesslink4j.sync;

import dev.accesslink4j.sync.internal.RunTally;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * What one run (or targeted sync) shares between its users: the counters, the pool that downloads exercise files,
 * the keeper of the users' leases, and whether the run stopped at a spent rate budget. Closing it ends its threads.
 */
final class Run implements AutoCloseable {
  private final SyncSink sink;
  private final StateStore state;
  private final SyncListener listener;
  private final RunTally tally = new RunTally();
  private final ExecutorService files;
  private final LeaseKeeper leases;
  private final AtomicReference<@Nullable Instant> stoppedUntil = new AtomicReference<>();

  Run(SyncSink sink, StateStore state, SyncListener listener, int fileThreads) {
    this.sink = sink;
    this.state = state;
    this.listener = listener;
    this.files =
        Executors.newFixedThreadPool(Math.max(1, fileThreads), threads("accesslink-sync-files"));
    this.leases = new LeaseKeeper(threads("accesslink-sync-leases"));
  }

  SyncSink sink() {
    return sink;
  }

  StateStore state() {
    return state;
  }

  SyncListener listener() {
    return listener;
  }

  RunTally tally() {
    return tally;
  }

  ExecutorService files() {
    return files;
  }

  LeaseKeeper leases() {
    return leases;
  }

  /** Stops the run: no new request for any user; {@code resumeAt} is when the budget's window resets. */
  void stop(Instant resumeAt) {
    stoppedUntil.accumulateAndGet(resumeAt, (a, b) -> a == null || b.isAfter(a) ? b : a);
  }

  boolean stopped() {
    return stoppedUntil.get() != null;
  }

  Optional<Instant> stoppedUntil() {
    return Optional.ofNullable(stoppedUntil.get());
  }

  @Override
  public void close() {
    files.shutdownNow();
    leases.close();
  }

  /** Daemon threads named {@code name-1}, {@code name-2}, …: a forgotten run never keeps the JVM alive. */
  static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
