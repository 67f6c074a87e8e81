package dev.accesslink4j.errors;

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
   * @param progress which transaction is gone, where the 404 came, and how far the run had got
   * @param cause the 404
   */
  public TransactionGoneException(String message, Progress progress, NotFoundException cause) {
    super(message, progress, cause);
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
