package dev.accesslink4j.errors;

import dev.accesslink4j.transactions.TransactionType;
import org.jspecify.annotations.Nullable;

/**
 * AccessLink answered 404 for an open transaction (its list, an item, a file, or the commit): the transaction no
 * longer exists, presumably expired (Polar documents no lifetime) or committed elsewhere. Nothing of it was committed
 * by this call; run again to get the items in a new transaction. The cause is the {@link NotFoundException}.
 */
public class TransactionGoneException extends TransactionAbortedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was not found and what to do
   * @param type the kind of transaction
   * @param transactionId the transaction's id
   * @param stage where the 404 came
   * @param itemId the item being fetched or handled, or null
   * @param itemsHandled how many items of this transaction the handler had returned from
   * @param transactionsCommitted how many earlier transactions of the same run were committed
   * @param cause the 404
   */
  public TransactionGoneException(
      String message,
      TransactionType type,
      long transactionId,
      Stage stage,
      @Nullable Long itemId,
      int itemsHandled,
      int transactionsCommitted,
      NotFoundException cause) {
    super(message, type, transactionId, stage, itemId, itemsHandled, transactionsCommitted, cause);
  }

  /**
   * The 404 that said the transaction is gone.
   *
   * @return the cause, as its type
   */
  public NotFoundException notFound() {
    return (NotFoundException) getCause();
  }
}
