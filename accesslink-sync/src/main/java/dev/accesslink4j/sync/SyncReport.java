package dev.accesslink4j.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run (or a targeted sync) did: immutable counts, and the failures per user and kind.
 *
 * @param users how many users the run reached: synced (including those that failed), skipped or busy; users not
 *     reached before a rate-budget stop are not counted
 * @param items how many JSON items were delivered to the sink
 * @param files how many files were delivered to the sink
 * @param bytes the files' total size
 * @param requests how many requests the engine sent to AccessLink (a retry by the client's policy counts once)
 * @param failures every kind of every user that failed, in no particular order
 * @param reLink the users whose token was refused (401): link them again; their other kinds were skipped
 * @param consentRequired the users who must accept Polar's consents (403); their other kinds were skipped
 * @param skipped the users not asked at all this run: their token answered 401 in an earlier run and the
 *     {@link UserSource} still gives the same one (see {@link UserHold}); link them again
 * @param busy the users not synced because another process held their {@link UserLease}; the next run takes them
 * @param stoppedUntil present when the run stopped early because the client's rate budget was spent for longer than
 *     the client waits (the 24-hour window): when the run can resume. Users and kinds not reached are not failures;
 *     the state is saved, so a run after that moment goes on where this one stopped
 */
public record SyncReport(
    int users,
    long items,
    long files,
    long bytes,
    long requests,
    List<SyncFailure> failures,
    List<Long> reLink,
    List<Long> consentRequired,
    List<Long> skipped,
    List<Long> busy,
    Optional<Instant> stoppedUntil) {
  /**
   * Copies the lists.
   *
   * @param users users synced
   * @param items items delivered
   * @param files files delivered
   * @param bytes bytes of files
   * @param requests requests sent
   * @param failures the failures
   * @param reLink users to link again
   * @param consentRequired users who must consent
   * @param skipped users skipped for an unchanged refused token
   * @param busy users whose lease another process held
   * @param stoppedUntil when a run stopped by the rate budget can resume
   */
  public SyncReport {
    failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
    reLink = List.copyOf(Objects.requireNonNull(reLink, "reLink"));
    consentRequired = List.copyOf(Objects.requireNonNull(consentRequired, "consentRequired"));
    skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
    busy = List.copyOf(Objects.requireNonNull(busy, "busy"));
    Objects.requireNonNull(stoppedUntil, "stoppedUntil");
  }

  /**
   * Whether nothing failed.
   *
   * @return true when {@link #failures()} is empty and the run was not stopped by the rate budget
   */
  public boolean ok() {
    return failures.isEmpty() && stoppedUntil.isEmpty();
  }
}
