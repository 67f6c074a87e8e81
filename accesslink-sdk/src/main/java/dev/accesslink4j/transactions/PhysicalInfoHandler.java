package dev.accesslink4j.transactions;

import dev.accesslink4j.errors.TransactionAbortedException;

/**
 * Your code that stores one physical-information snapshot taken out of a physical-information transaction, called by
 * {@link TransactionsService#physicalInfo(PhysicalInfoHandler)}. The transaction is committed only after this method
 * returned normally for every item: after the commit AccessLink deletes the snapshots and never offers them again.
 *
 * <p>Throw to abort: nothing is committed and the snapshots are offered again on the next run, so store
 * idempotently, keyed by {@link PhysicalInfoItem#id()}.
 */
@FunctionalInterface
public interface PhysicalInfoHandler {

  /**
   * Stores one snapshot.
   *
   * @param item the snapshot
   * @throws Exception anything; it aborts the run without a commit and becomes the cause of the
   *     {@link TransactionAbortedException}
   */
  void handle(PhysicalInfoItem item) throws Exception;
}
