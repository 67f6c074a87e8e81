package dev.accesslink4j.examples.sync;

import dev.accesslink4j.RateBudget;
import dev.accesslink4j.sync.SyncFailure;
import dev.accesslink4j.sync.SyncFile;
import dev.accesslink4j.sync.SyncItem;
import dev.accesslink4j.sync.SyncKind;
import dev.accesslink4j.sync.SyncListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Several listeners heard as one, in order: the CLI's counters and its progress display. */
public final class Listeners implements SyncListener {
  private final List<SyncListener> all;

  private Listeners(List<SyncListener> all) {
    this.all = List.copyOf(all);
  }

  /**
   * Combines listeners.
   *
   * @param listeners the listeners, each told every event in this order
   * @return one listener
   */
  public static SyncListener of(SyncListener... listeners) {
    return new Listeners(List.of(listeners));
  }

  @Override
  public void userStarted(long userId) {
    all.forEach(l -> l.userStarted(userId));
  }

  @Override
  public void userFinished(long userId, int failures) {
    all.forEach(l -> l.userFinished(userId, failures));
  }

  @Override
  public void kindStarted(long userId, SyncKind kind) {
    all.forEach(l -> l.kindStarted(userId, kind));
  }

  @Override
  public void kindFinished(long userId, SyncKind kind, int items) {
    all.forEach(l -> l.kindFinished(userId, kind, items));
  }

  @Override
  public void kindFailed(SyncFailure failure) {
    all.forEach(l -> l.kindFailed(failure));
  }

  @Override
  public void itemDelivered(SyncItem item) {
    all.forEach(l -> l.itemDelivered(item));
  }

  @Override
  public void fileDelivered(SyncFile file, long bytes) {
    all.forEach(l -> l.fileDelivered(file, bytes));
  }

  @Override
  public void requestSent(long userId, SyncKind kind) {
    all.forEach(l -> l.requestSent(userId, kind));
  }

  @Override
  public void budgetWaiting(RateBudget.Window window, Duration wait, Instant resumeAt) {
    all.forEach(l -> l.budgetWaiting(window, wait, resumeAt));
  }

  @Override
  public void budgetLeft(int shortWindowLeft, int longWindowLeft) {
    all.forEach(l -> l.budgetLeft(shortWindowLeft, longWindowLeft));
  }
}
