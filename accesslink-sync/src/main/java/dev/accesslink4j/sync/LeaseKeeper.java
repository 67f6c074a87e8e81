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
 * turn, which stops at its next request. A user that made no progress for the leases'
 * {@link UserLeases#stallLimit() stall limit} is not renewed any more (a hung sink must not keep a user forever).
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
   * @param stallLimit how long the user may go without progress before renewals stop
   * @param turn the user's turn, marked when a renewal fails or the user stalled
   * @return the renewals; cancelling them does not close the lease
   */
  ScheduledFuture<?> keep(UserLease lease, Duration every, Duration stallLimit, UserTurn turn) {
    long millis = Math.max(1, every.toMillis());
    return scheduler.scheduleAtFixedRate(
        () -> {
          if (turn.sinceProgress().compareTo(stallLimit) > 0) {
            // the user's sync hangs: let the lease expire so another process takes the user
            turn.loseLease();
            throw new IllegalStateException("stalled"); // ends the schedule
          }
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
