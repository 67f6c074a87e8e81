package dev.accesslink4j.sync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Renews the leases of the users a run works on, on one scheduled daemon thread, so that a slow sink or a slow
 * AccessLink never lets a lease expire while its user is synced; a renewal that fails (or throws) marks the user's
 * turn, which stops at its next request.
 */
final class LeaseKeeper implements AutoCloseable {
  private final ScheduledExecutorService scheduler;

  LeaseKeeper(ThreadFactory threads) {
    this.scheduler = Executors.newSingleThreadScheduledExecutor(threads);
  }

  /**
   * Renews {@code lease} every {@code every} until the returned handle is closed.
   *
   * @param lease the lease
   * @param every the interval
   * @param turn the user's turn, marked when a renewal fails
   * @return the renewals; cancelling them does not close the lease
   */
  ScheduledFuture<?> keep(UserLease lease, Duration every, UserTurn turn) {
    long millis = Math.max(1, every.toMillis());
    return scheduler.scheduleAtFixedRate(
        () -> {
          boolean held;
          try {
            held = lease.renew();
          } catch (RuntimeException e) {
            held = false; // cannot tell: the lease may expire, so another process may take the user
          }
          if (!held) {
            turn.loseLease();
            throw new IllegalStateException("lease lost"); // ends the schedule
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
