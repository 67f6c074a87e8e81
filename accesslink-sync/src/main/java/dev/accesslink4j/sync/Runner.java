package dev.accesslink4j.sync;

import dev.accesslink4j.RateBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Runs a list of users: a pool of user threads, a {@link Run} shared by them, every user to its end (or to the
 * run's stop), then the state flushed and the report.
 */
final class Runner {
  private final UserSync userSync;
  private final SyncSink sink;
  private final StateStore state;
  private final SyncListener listener;
  private final Optional<RateBudget> budget;
  private final int userParallelism;
  private final int exercisesPerUser;

  Runner(
      UserSync userSync,
      SyncSink sink,
      StateStore state,
      SyncListener listener,
      Optional<RateBudget> budget,
      int userParallelism,
      int exercisesPerUser) {
    this.userSync = userSync;
    this.sink = sink;
    this.state = state;
    this.listener = listener;
    this.budget = budget;
    this.userParallelism = userParallelism;
    this.exercisesPerUser = exercisesPerUser;
  }

  SyncReport run(List<SyncUser> list, Set<SyncKind> chosen, @Nullable Span dates) {
    int parallel = Math.max(1, Math.min(userParallelism, list.size()));
    ExecutorService userPool =
        Executors.newFixedThreadPool(parallel, Run.threads("accesslink-sync-user"));
    try (Run run = new Run(sink, state, listener, budget, parallel * exercisesPerUser)) {
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (SyncUser user : list) {
          futures.add(userPool.submit(() -> userSync.sync(user, chosen, dates, run)));
        }
        for (Future<?> future : futures) {
          await(future);
        }
      } finally {
        userPool.shutdownNow();
      }
      state.flush();
      return run.tally().report(run.stoppedUntil());
    }
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the sync was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a sync worker failed unexpectedly", e.getCause());
    }
  }
}
