package dev.accesslink4j.transactions;

/**
 * What one run of a safe transaction loop ({@link TransactionsService#exercises(ExerciseHandler)} and its siblings)
 * did. A run that found nothing new returns zeros.
 *
 * @param transactionsCommitted how many transactions were committed (each after every one of its items was handed
 *     to the handler without an exception)
 * @param itemsHandled how many items were handed to the handler, over all committed transactions
 * @param itemsWithoutData how many listed items AccessLink answered with 204 "no data"; they were not handed to the
 *     handler and were committed with the rest
 */
public record TransactionResult(int transactionsCommitted, int itemsHandled, int itemsWithoutData) {

  /**
   * Checks the counts.
   *
   * @param transactionsCommitted how many transactions were committed
   * @param itemsHandled how many items were handed to the handler
   * @param itemsWithoutData how many listed items answered 204 "no data"
   * @throws IllegalArgumentException when a count is negative
   */
  public TransactionResult {
    if (transactionsCommitted < 0 || itemsHandled < 0 || itemsWithoutData < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
