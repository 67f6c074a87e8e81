package dev.accesslink4j.sync;

import java.util.List;
import java.util.Objects;

/**
 * What a run (or a targeted sync) did: immutable counts, and the failures per user and kind.
 *
 * @param users how many users were synced (including those that failed or were skipped)
 * @param items how many JSON items were delivered to the sink
 * @param files how many files were delivered to the sink
 * @param bytes the files' total size
 * @param requests how many requests the engine sent to AccessLink (a retry by the client's policy counts once)
 * @param failures every kind of every user that failed, in no particular order
 * @param reLink the users whose token was refused (401): link them again; their other kinds were skipped
 * @param consentRequired the users who must accept Polar's consents (403); their other kinds were skipped
 * @param skipped the users not asked at all this run: their token answered 401 in an earlier run and the
 *     {@link UserSource} still gives the same one (see {@link UserHold}); link them again
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
    List<Long> skipped) {
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
   */
  public SyncReport {
    failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
    reLink = List.copyOf(Objects.requireNonNull(reLink, "reLink"));
    consentRequired = List.copyOf(Objects.requireNonNull(consentRequired, "consentRequired"));
    skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
  }

  /**
   * Whether nothing failed.
   *
   * @return true when {@link #failures()} is empty
   */
  public boolean ok() {
    return failures.isEmpty();
  }
}
