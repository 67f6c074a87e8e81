package dev.accesslink4j.sync.internal;

import dev.accesslink4j.sync.SyncFailure;
import dev.accesslink4j.sync.SyncReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** The counters and failures of one run, written by every worker thread. */
public final class RunTally {
  private final AtomicLong items = new AtomicLong();
  private final AtomicLong files = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final ConcurrentLinkedQueue<SyncFailure> failures = new ConcurrentLinkedQueue<>();
  private final Set<Long> reLink = ConcurrentHashMap.newKeySet();
  private final Set<Long> consentRequired = ConcurrentHashMap.newKeySet();
  private final Set<Long> skipped = ConcurrentHashMap.newKeySet();
  private final Set<Long> busy = ConcurrentHashMap.newKeySet();
  private final AtomicLong users = new AtomicLong();

  /** Creates empty counters. */
  public RunTally() {}

  /** Counts a delivered item. */
  public void item() {
    items.incrementAndGet();
  }

  /**
   * Counts a delivered file.
   *
   * @param size its bytes
   */
  public void file(long size) {
    files.incrementAndGet();
    bytes.addAndGet(size);
  }

  /** Counts a request. */
  public void request() {
    requests.incrementAndGet();
  }

  /** Takes back a counted request that the client's rate budget refused to send. */
  public void unsent() {
    requests.decrementAndGet();
  }

  /**
   * Records a failure (and the user among those to re-link or to ask for consent).
   *
   * @param failure the failure
   */
  public void fail(SyncFailure failure) {
    failures.add(failure);
    switch (failure.reason()) {
      case RELINK -> reLink.add(failure.userId());
      case CONSENT_REQUIRED -> consentRequired.add(failure.userId());
      case ERROR -> {}
    }
  }

  /**
   * Records a user skipped without a request (a token refused in an earlier run, unchanged).
   *
   * @param userId the user
   */
  public void skip(long userId) {
    skipped.add(userId);
  }

  /** Counts a user the run reached (synced, skipped or busy). */
  public void user() {
    users.incrementAndGet();
  }

  /**
   * Records a user not synced because another process holds its lease.
   *
   * @param userId the user
   */
  public void busy(long userId) {
    busy.add(userId);
  }

  /**
   * The report so far.
   *
   * @param stoppedUntil when a run stopped by the rate budget can resume; empty when it was not stopped
   * @return the report
   */
  public SyncReport report(Optional<Instant> stoppedUntil) {
    List<Long> relink = new ArrayList<>(reLink);
    List<Long> consent = new ArrayList<>(consentRequired);
    List<Long> skip = new ArrayList<>(skipped);
    List<Long> busyUsers = new ArrayList<>(busy);
    busyUsers.sort(null);
    skip.sort(null);
    relink.sort(null);
    consent.sort(null);
    return new SyncReport(
        (int) users.get(),
        items.get(),
        files.get(),
        bytes.get(),
        requests.get(),
        new ArrayList<>(failures),
        relink,
        consent,
        skip,
        busyUsers,
        stoppedUntil);
  }
}
