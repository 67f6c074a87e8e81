package dev.accesslink4j.sync;

import dev.accesslink4j.UserClient;
import dev.accesslink4j.sync.internal.RunTally;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * One user's turn in a run: the user's client, and the gate every request of the user passes first (the run still
 * going, the lease still held), with the sink, the state and the listener the kinds deliver through.
 */
final class UserTurn {
  private final long userId;
  private final UserClient client;
  private final Run run;
  private volatile boolean leaseLost;
  private volatile long lastProgress = System.nanoTime();

  UserTurn(long userId, UserClient client, Run run) {
    this.userId = userId;
    this.client = client;
    this.run = run;
  }

  long userId() {
    return userId;
  }

  UserClient client() {
    return client;
  }

  StateStore state() {
    return run.state();
  }

  SyncSink sink() {
    return run.sink();
  }

  RunTally tally() {
    return run.tally();
  }

  ExecutorService files() {
    return run.files();
  }

  /**
   * Stops the whole run when the failure is the client's spent rate budget.
   *
   * @param failure what a request threw
   */
  void stopIfSpent(Throwable failure) {
    run.stopIfSpent(failure);
  }

  /** Notes progress: a request sent, an item or file delivered. */
  void progressed() {
    lastProgress = System.nanoTime();
  }

  /**
   * How long since the user last made progress.
   *
   * @return the time since the last request or delivery (or since the turn began)
   */
  Duration sinceProgress() {
    return Duration.ofNanos(System.nanoTime() - lastProgress);
  }

  /** Marks the lease lost: the user's next request (or kind) halts. */
  void loseLease() {
    leaseLost = true;
  }

  /**
   * Throws when the user must not go on: the run stopped, or the lease was lost.
   *
   * @throws Halt then
   */
  void checkGoing() {
    if (run.stopped()) {
      throw new Halt(Halt.Cause.BUDGET);
    }
    if (leaseLost) {
      throw new Halt(Halt.Cause.LEASE);
    }
  }

  /**
   * Called before each request: checks the gate, counts the request and tells the listener.
   *
   * @param kind the kind the request is for
   */
  void request(SyncKind kind) {
    checkGoing();
    progressed();
    run.tally().request();
    run.listener().requestSent(userId, kind);
  }

  /**
   * Counts a request that one SDK call sends after another (a transaction's list after its create), already past
   * the gate.
   *
   * @param kind the kind the request is for
   */
  void counted(SyncKind kind) {
    progressed();
    run.tally().request();
    run.listener().requestSent(userId, kind);
  }

  /** Hands an item to the sink and counts it (the caller records it afterwards). */
  void deliver(SyncItem item) throws Exception {
    run.sink().item(item);
    progressed();
    run.tally().item();
    run.listener().itemDelivered(item);
  }

  /** Counts a file the sink took. */
  void delivered(SyncFile file, long bytes) {
    progressed();
    run.tally().file(bytes);
    run.listener().fileDelivered(file, bytes);
  }
}
