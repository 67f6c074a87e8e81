package dev.accesslink4j.sync;

import dev.accesslink4j.AccessLink;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.UnauthorizedException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * One user in a run, from its lease to its last kind: takes the lease (a user another process holds is reported
 * busy, with no request), skips a user whose unchanged token was refused before, syncs each chosen kind in order
 * (a failing kind never stops the others; a 401 or 403 stops the user and is recorded as a {@link UserHold}),
 * renews the lease meanwhile and closes it at the end. A spent rate budget stops the run: the kind is not a failure.
 */
final class UserSync {
  private final AccessLink client;
  private final UserLeases leases;
  private final Map<SyncKind, KindSync> syncs;

  UserSync(AccessLink client, UserLeases leases, Map<SyncKind, KindSync> syncs) {
    this.client = client;
    this.leases = leases;
    this.syncs = Map.copyOf(syncs);
  }

  void sync(SyncUser user, Set<SyncKind> chosen, @Nullable Span dates, Run run) {
    if (run.stopped()) {
      return; // not reached: the next run takes the user
    }
    long userId = user.userId();
    Optional<UserLease> lease;
    try {
      lease = leases.tryAcquire(userId);
    } catch (RuntimeException e) {
      run.tally().user();
      for (SyncKind kind : chosen) {
        run.tally()
            .fail(new SyncFailure(
                userId,
                kind,
                SyncFailure.Reason.ERROR,
                "the lease could not be taken: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage()));
      }
      return;
    }
    run.tally().user();
    if (lease.isEmpty()) {
      run.tally().busy(userId); // another process syncs the user now
      return;
    }
    UserTurn turn = new UserTurn(userId, client.user(user.token()), run);
    ScheduledFuture<?> renewals =
        run.leases().keep(lease.get(), leases.renewEvery(), leases.stallLimit(), turn);
    try {
      syncKinds(user, turn, chosen, dates, run);
    } finally {
      renewals.cancel(false);
      try {
        lease.get().close();
      } catch (RuntimeException e) {
        // a lease that cannot be given back expires on its own
      }
    }
  }

  private void syncKinds(
      SyncUser user, UserTurn turn, Set<SyncKind> chosen, @Nullable Span dates, Run run) {
    long userId = user.userId();
    Optional<UserHold> hold = run.state().loadHold(userId);
    if (hold.isPresent() && hold.get().skips(user.token())) {
      run.tally().skip(userId); // this token answered 401 before: it will not work again
      return;
    }
    SyncListener listener = run.listener();
    listener.userStarted(userId);
    int failures = 0;
    int finished = 0;
    SyncFailure.@Nullable Reason refused = null;
    for (SyncKind kind : SyncKind.values()) {
      if (!chosen.contains(kind) || run.stopped()) {
        continue;
      }
      listener.kindStarted(userId, kind);
      try {
        turn.checkGoing();
        int delivered = syncs.get(kind).sync(turn, kind, dates);
        listener.kindFinished(userId, kind, delivered);
        finished++;
      } catch (Exception e) {
        Throwable cause = unwrap(e);
        Halt halt = Causes.find(cause, Halt.class);
        if (run.stopIfSpent(cause) || (halt != null && halt.why() == Halt.Cause.BUDGET)) {
          continue; // not a failure: the run resumes at the budget's reset, where it stopped
        }
        failures++;
        SyncFailure failure = halt != null
            ? new SyncFailure(userId, kind, SyncFailure.Reason.ERROR, Halt.LEASE_LOST)
            : failure(userId, kind, cause);
        run.tally().fail(failure);
        listener.kindFailed(failure);
        if (failure.reason() != SyncFailure.Reason.ERROR) {
          refused = failure.reason();
          break; // the token or the consent is gone: every other kind would fail the same way
        }
      }
    }
    if (refused != null) {
      UserHold next = UserHold.of(refused, user.token());
      if (!hold.equals(Optional.of(next))) {
        run.state().saveHold(userId, next);
      }
    } else if (hold.isPresent() && finished > 0) {
      run.state().clearHold(userId); // linked again, or the consents were given
    }
    listener.userFinished(userId, failures);
  }

  private static Throwable unwrap(Exception e) {
    return e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
  }

  private static SyncFailure failure(long userId, SyncKind kind, Throwable cause) {
    SyncFailure.Reason reason = cause instanceof UnauthorizedException
        ? SyncFailure.Reason.RELINK
        : cause instanceof ConsentRequiredException
            ? SyncFailure.Reason.CONSENT_REQUIRED
            : SyncFailure.Reason.ERROR;
    return new SyncFailure(
        userId, kind, reason, cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }
}
