package dev.accesslink4j.transactions;

import dev.accesslink4j.errors.TransactionAbortedException;

/**
 * Your code that stores one training session taken out of an exercise transaction, called by
 * {@link TransactionsService#exercises(ExerciseHandler)}. The transaction is committed only after this method returned
 * normally for every item, so persist everything you need (summary, files, samples) before returning: after the
 * commit AccessLink deletes the items and never offers them again.
 *
 * <p>Throw to abort: nothing is committed and the items are offered again on the next run, so store idempotently,
 * keyed by {@link ExerciseItem#id()}.
 */
@FunctionalInterface
public interface ExerciseHandler {

  /**
   * Stores one training session.
   *
   * @param item the session's summary, with lazy access to its files, zones and samples while the transaction is
   *     open
   * @throws Exception anything; it aborts the run without a commit and becomes the cause of the
   *     {@link TransactionAbortedException}
   */
  void handle(ExerciseItem item) throws Exception;
}
