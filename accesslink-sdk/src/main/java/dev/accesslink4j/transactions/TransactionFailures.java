package dev.accesslink4j.transactions;

import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.errors.TransactionAbortedException;
import dev.accesslink4j.errors.TransactionAbortedException.Progress;
import dev.accesslink4j.errors.TransactionAbortedException.Stage;
import dev.accesslink4j.errors.TransactionGoneException;
import org.jspecify.annotations.Nullable;

/**
 * Builds the exceptions a transaction run throws, with messages that say which transaction and item failed, what was
 * (not) committed, and what to do. The exceptions are plain values in {@code dev.accesslink4j.errors}; what a failed
 * transaction means is this package's knowledge, so their messages are written here.
 */
final class TransactionFailures {
  private TransactionFailures() {}

  static TransactionAbortedException listing(
      TransactionType type, long transactionId, int transactionsCommitted, Throwable cause) {
    return new TransactionAbortedException(
        type.label() + " transaction " + transactionId + " was aborted while listing its items: "
            + describe(cause) + ". " + nothingCommitted(transactionId, transactionsCommitted),
        new Progress(type, transactionId, Stage.LISTING, null, 0, transactionsCommitted),
        cause);
  }

  static TransactionAbortedException item(
      TransactionType type,
      long transactionId,
      long itemId,
      int position,
      int itemCount,
      boolean inHandler,
      int itemsHandled,
      int transactionsCommitted,
      Throwable cause) {
    String what = inHandler
        ? "the handler threw " + describeWithClass(cause)
        : "fetching it failed: " + describe(cause);
    return new TransactionAbortedException(
        type.label() + " transaction " + transactionId + " was aborted at item " + position + " of "
            + itemCount
            + " (" + type.label() + " " + itemId + "): " + what + ". "
            + nothingCommitted(transactionId, transactionsCommitted)
            + handledBefore(itemsHandled),
        new Progress(
            type, transactionId, Stage.HANDLING_ITEM, itemId, itemsHandled, transactionsCommitted),
        cause);
  }

  static TransactionAbortedException commit(
      TransactionType type,
      long transactionId,
      int itemsHandled,
      int transactionsCommitted,
      Throwable cause) {
    return new TransactionAbortedException(
        type.label() + " transaction " + transactionId + ": every item was handled (" + itemsHandled
            + ") but the commit failed: " + describe(cause)
            + ". The commit is not confirmed: if AccessLink did not record it, the same items are offered again"
            + " in a new transaction, so store items idempotently, keyed by id."
            + earlier(transactionsCommitted),
        new Progress(
            type, transactionId, Stage.COMMITTING, null, itemsHandled, transactionsCommitted),
        cause);
  }

  static String nothingCommitted(long transactionId, int transactionsCommitted) {
    return "Nothing in transaction " + transactionId
        + " was committed: run again to get its items in a new" + " transaction."
        + earlier(transactionsCommitted);
  }

  static String describeWithClass(Throwable cause) {
    String described = describe(cause);
    return cause instanceof AccessLinkException
        ? cause.getClass().getSimpleName() + ": " + described
        : described;
  }

  static String handledBefore(int itemsHandled) {
    return itemsHandled == 0
        ? ""
        : " " + itemsHandled + (itemsHandled == 1 ? " item was" : " items were")
            + " handled before the failure and will be offered again.";
  }

  static String earlier(int transactionsCommitted) {
    return transactionsCommitted == 0
        ? ""
        : " (" + transactionsCommitted + " earlier "
            + (transactionsCommitted == 1 ? "transaction" : "transactions")
            + " of this run committed.)";
  }

  static String describe(Throwable cause) {
    String message = cause.getMessage();
    if (message != null && message.endsWith(".")) {
      message = message.substring(0, message.length() - 1);
    }
    if (cause instanceof AccessLinkException) {
      return String.valueOf(message);
    }
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  static TransactionGoneException gone(
      TransactionType type,
      long transactionId,
      TransactionAbortedException.Stage stage,
      @Nullable Long itemId,
      int itemsHandled,
      int transactionsCommitted,
      NotFoundException cause) {
    return new TransactionGoneException(
        type.label() + " transaction " + transactionId + " no longer exists (HTTP 404 on "
            + cause.method() + " "
            + cause.path()
            + "); nothing was committed; run again to get the items in a new transaction."
            + handledBefore(itemsHandled) + earlier(transactionsCommitted),
        new Progress(type, transactionId, stage, itemId, itemsHandled, transactionsCommitted),
        cause);
  }
}
