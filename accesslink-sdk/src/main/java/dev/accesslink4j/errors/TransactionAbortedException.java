package dev.accesslink4j.errors;

import dev.accesslink4j.transactions.TransactionType;
import java.io.Serializable;
import java.util.Objects;
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

  /**
   * Which transaction failed, where, and how far the run had got: everything a {@link TransactionAbortedException}
   * reports besides its message and cause.
   *
   * @param type the kind of transaction
   * @param transactionId the transaction's id
   * @param stage where the failure happened
   * @param itemId the item being fetched or handled, or null when the failure was not about one item
   * @param itemsHandled how many items of this transaction the handler had returned from before the failure
   * @param transactionsCommitted how many earlier transactions of the same run were committed
   */
  public record Progress(
      TransactionType type,
      long transactionId,
      Stage stage,
      @Nullable Long itemId,
      int itemsHandled,
      int transactionsCommitted)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Checks that no component is missing and that the counts are not negative. */
    public Progress {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(stage, "stage");
      if (itemsHandled < 0 || transactionsCommitted < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
    }
  }

  /** Which transaction failed, where, and how far the run had got. */
  private final Progress progress;

  /**
   * Creates the exception.
   *
   * @param message what failed and what was (not) committed
   * @param progress which transaction failed, where, and how far the run had got
   * @param cause what stopped the transaction
   */
  public TransactionAbortedException(String message, Progress progress, Throwable cause) {
    super(message, cause);
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Which transaction failed, where, and how far the run had got, as one value (the accessors below read it).
   *
   * @return the progress
   */
  public Progress progress() {
    return progress;
  }

  /**
   * The kind of transaction that failed.
   *
   * @return exercise, activity or physical information
   */
  public TransactionType type() {
    return progress.type();
  }

  /**
   * The id of the transaction that failed; it was not committed (unless {@link #stage()} is
   * {@link Stage#COMMITTING}, when the commit is unconfirmed).
   *
   * @return the transaction id
   */
  public long transactionId() {
    return progress.transactionId();
  }

  /**
   * Where the failure happened.
   *
   * @return listing, handling an item, or committing
   */
  public Stage stage() {
    return progress.stage();
  }

  /**
   * The item being fetched or handled when the failure happened.
   *
   * @return the item id (the last segment of its URL), or empty when the failure was in listing or committing
   */
  public OptionalLong itemId() {
    Long itemId = progress.itemId();
    return itemId == null ? OptionalLong.empty() : OptionalLong.of(itemId);
  }

  /**
   * How many items of this transaction your handler had returned from before the failure. They are not committed
   * (unless the commit itself failed) and are expected to be offered again.
   *
   * @return the count, 0 or more
   */
  public int itemsHandled() {
    return progress.itemsHandled();
  }

  /**
   * How many earlier transactions of the same run were committed before this one failed; their items are gone from
   * AccessLink and stored by your handler.
   *
   * @return the count, 0 for the explicit {@link dev.accesslink4j.transactions.Transaction} API
   */
  public int transactionsCommitted() {
    return progress.transactionsCommitted();
  }
}
