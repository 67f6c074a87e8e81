package dev.accesslink4j.errors;

import dev.accesslink4j.transactions.TransactionType;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A transaction was opened but could not be completed: listing it, fetching an item, your handler or the commit
 * failed. The message names the transaction, the item and the cause (kept as {@link #getCause()}: your handler's
 * exception, or the {@link ServiceException}, {@link InvalidResponseException} or {@link AccessLinkIOException} that
 * stopped it).
 *
 * <p>Unless {@link #stage()} is {@link Stage#COMMITTING}, nothing of the transaction was committed: AccessLink keeps
 * its items, and a new run is expected to offer them again (Polar does not document what happens to an uncommitted
 * transaction), so store items idempotently, keyed by id. When the commit itself failed, every item was handled but
 * the commit is not confirmed. {@link TransactionGoneException} is the case where AccessLink no longer knows the
 * transaction (HTTP 404).
 */
public class TransactionAbortedException extends AccessLinkException {
  private static final long serialVersionUID = 1L;

  /** Where in the transaction the failure happened. */
  public enum Stage {
    /** Listing the transaction's items, right after it was opened. */
    LISTING,
    /** Fetching an item or handing it to your handler. */
    HANDLING_ITEM,
    /** Committing after every item was handled; the commit is not confirmed. */
    COMMITTING
  }

  /** The kind of transaction. */
  private final TransactionType type;
  /** The transaction's id. */
  private final long transactionId;
  /** Where the failure happened. */
  private final Stage stage;
  /** The item being fetched or handled, or null. */
  private final @Nullable Long itemId;
  /** Items of this transaction handled before the failure. */
  private final int itemsHandled;
  /** Earlier transactions of the run that were committed. */
  private final int transactionsCommitted;

  /**
   * Creates the exception.
   *
   * @param message what failed and what was (not) committed
   * @param type the kind of transaction
   * @param transactionId the transaction's id
   * @param stage where the failure happened
   * @param itemId the item being fetched or handled, or null when the failure was not about one item
   * @param itemsHandled how many items of this transaction the handler had returned from before the failure
   * @param transactionsCommitted how many earlier transactions of the same run were committed
   * @param cause what stopped the transaction
   */
  public TransactionAbortedException(
      String message,
      TransactionType type,
      long transactionId,
      Stage stage,
      @Nullable Long itemId,
      int itemsHandled,
      int transactionsCommitted,
      Throwable cause) {
    super(message, cause);
    this.type = type;
    this.transactionId = transactionId;
    this.stage = stage;
    this.itemId = itemId;
    this.itemsHandled = itemsHandled;
    this.transactionsCommitted = transactionsCommitted;
  }

  /**
   * The kind of transaction that failed.
   *
   * @return exercise, activity or physical information
   */
  public TransactionType type() {
    return type;
  }

  /**
   * The id of the transaction that failed; it was not committed (unless {@link #stage()} is
   * {@link Stage#COMMITTING}, when the commit is unconfirmed).
   *
   * @return the transaction id
   */
  public long transactionId() {
    return transactionId;
  }

  /**
   * Where the failure happened.
   *
   * @return listing, handling an item, or committing
   */
  public Stage stage() {
    return stage;
  }

  /**
   * The item being fetched or handled when the failure happened.
   *
   * @return the item id (the last segment of its URL), or empty when the failure was in listing or committing
   */
  public OptionalLong itemId() {
    return itemId == null ? OptionalLong.empty() : OptionalLong.of(itemId);
  }

  /**
   * How many items of this transaction your handler had returned from before the failure. They are not committed
   * (unless the commit itself failed) and are expected to be offered again.
   *
   * @return the count, 0 or more
   */
  public int itemsHandled() {
    return itemsHandled;
  }

  /**
   * How many earlier transactions of the same run were committed before this one failed; their items are gone from
   * AccessLink and stored by your handler.
   *
   * @return the count, 0 for the explicit {@link dev.accesslink4j.transactions.Transaction} API
   */
  public int transactionsCommitted() {
    return transactionsCommitted;
  }
}
