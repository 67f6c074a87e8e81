package dev.accesslink4j.sync;

import dev.accesslink4j.RateBudget;
import dev.accesslink4j.RateBudgetListener;
import dev.accesslink4j.errors.RateBudgetExhaustedException;
import dev.accesslink4j.sync.internal.RunTally;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
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
  private final RateBudget.Subscription budgetHeard;
  private final Set<Throwable> refused = Collections.newSetFromMap(new IdentityHashMap<>());

  Run(
      SyncSink sink,
      StateStore state,
      SyncListener listener,
      Optional<RateBudget> budget,
      int fileThreads) {
    this.sink = sink;
    this.state = state;
    this.listener = listener;
    this.files =
        Executors.newFixedThreadPool(Math.max(1, fileThreads), threads("accesslink-sync-files"));
    this.leases = new LeaseKeeper(threads("accesslink-sync-leases"));
    // the budget's waits and what it has left, heard for the run's length: a run that sits out a
    // window says so
    this.budgetHeard = listener == SyncListener.NONE
        ? () -> {}
        : budget.map(b -> b.subscribe(new BudgetForwarder(listener))).orElse(() -> {});
  }

  /** Tells a run's listener what the client's rate budget decides. */
  private record BudgetForwarder(SyncListener listener) implements RateBudgetListener {
    @Override
    public void waiting(RateBudget.Window window, Duration wait, Instant resumeAt) {
      listener.budgetWaiting(window, wait, resumeAt);
    }

    @Override
    public void left(int shortLeft, int longLeft) {
      listener.budgetLeft(shortLeft, longLeft);
    }
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

  /**
   * Stops the run when the failure says the client's rate budget is spent: no new request for any user (those in
   * flight finish), and the run reports when the budget's window resets. The refused request was not sent, so it is
   * not counted.
   *
   * @param failure what a request threw (the SDK or a sink may have wrapped it)
   * @return whether it was the spent budget
   */
  boolean stopIfSpent(Throwable failure) {
    RateBudgetExhaustedException spent = Causes.find(failure, RateBudgetExhaustedException.class);
    if (spent == null) {
      return false;
    }
    synchronized (refused) {
      if (refused.add(spent)) {
        tally.unsent();
      }
    }
    Instant resumeAt = spent.resumeAt();
    stoppedUntil.accumulateAndGet(resumeAt, (a, b) -> a == null || b.isAfter(a) ? b : a);
    return true;
  }

  boolean stopped() {
    return stoppedUntil.get() != null;
  }

  Optional<Instant> stoppedUntil() {
    return Optional.ofNullable(stoppedUntil.get());
  }

  @Override
  public void close() {
    budgetHeard.close();
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
