package dev.accesslink4j.transactions;

import dev.accesslink4j.errors.TransactionAbortedException;

/**
 * Your code that stores one daily activity summary taken out of an activity transaction, called by
 * {@link TransactionsService#activities(ActivityHandler)}. The transaction is committed only after this method
 * returned normally for every item, so persist everything you need (summary, step and zone samples) before
 * returning: after the commit AccessLink deletes the items and never offers them again.
 *
 * <p>Throw to abort: nothing is committed and the items are offered again on the next run, so store idempotently,
 * keyed by {@link ActivityItem#id()}.
 */
@FunctionalInterface
public interface ActivityHandler {

  /**
   * Stores one activity summary.
   *
   * @param item the day's summary, with lazy access to its samples while the transaction is open
   * @throws Exception anything; it aborts the run without a commit and becomes the cause of the
   *     {@link TransactionAbortedException}
   */
  void handle(ActivityItem item) throws Exception;
}
