package dev.accesslink4j.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * Who may sync a user right now, when several engine processes share the users: at most one process holds a user's
 * lease at a time. A lease has a time to live; the engine renews it every {@link #renewEvery()} while it works on the
 * user and closes it when done, so the users of a process that died come free when their leases expire and another
 * process takes them.
 *
 * <p>The engine asks {@link #tryAcquire(long)} before it syncs a user: a user whose lease another process holds is
 * not synced this run and is reported in {@link SyncReport#busy()}. {@link #inProcess()} grants every lease (one
 * process); a shared implementation keeps the leases in a database.
 */
public interface UserLeases {
  /**
   * Takes a user's lease for this process, without waiting.
   *
   * @param userId the Polar user id
   * @return the lease, or empty when another holder's lease is live
   */
  Optional<UserLease> tryAcquire(long userId);

  /**
   * How often the engine renews a lease it holds: well within the time to live, so that a slow request does not
   * let it expire.
   *
   * @return the renewal interval; positive
   */
  Duration renewEvery();

  /**
   * How long a user may go without progress (no request sent, no item or file delivered) before the engine stops
   * renewing its lease. A sync thread that hangs (a sink that never returns) then lets the lease expire, so another
   * process takes the user over after the time to live instead of never; the hung thread, if it ever goes on, stops
   * at its next step. Default: 30 minutes, beyond the client's longest wait for the rate budget (16 minutes unless
   * configured, a wait that makes no progress either) plus a request and a sink call. Keep it above those.
   *
   * @return the limit; positive
   */
  default Duration stallLimit() {
    return Duration.ofMinutes(30);
  }

  /**
   * Leases for one process: every user is granted at once (the engine itself never syncs one user twice at once).
   *
   * @return the leases
   */
  static UserLeases inProcess() {
    return InProcessLeases.INSTANCE;
  }
}
