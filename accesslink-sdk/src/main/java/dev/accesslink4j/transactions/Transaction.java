package dev.accesslink4j.transactions;

import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.errors.TransactionAbortedException;
import dev.accesslink4j.errors.TransactionGoneException;
import dev.accesslink4j.internal.Transport.Replay;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open AccessLink transaction, for callers who need control over each step; most callers use the safe loops
 * of {@link TransactionsService} instead. Opened (and listed) by {@code TransactionsService.open…Transaction()}:
 * fetch the items you need with {@link #item(long)}, store them, then {@link #commit()}.
 *
 * <p><b>Commit only after everything is stored.</b> A commit makes AccessLink delete the items for good. Closing
 * (also by try-with-resources) does <em>not</em> commit: it abandons the transaction on this side, without a request;
 * AccessLink keeps the items and is expected to offer them again in a new transaction (Polar documents neither a
 * lifetime for open transactions nor what happens to uncommitted ones). After a commit or close, the items of this
 * transaction refuse further reads with {@link IllegalStateException}.
 *
 * <p>A 404 on any read or on the commit means the transaction no longer exists and throws
 * {@link TransactionGoneException}; open a new one. Other failures throw the usual {@link AccessLinkException}
 * subclasses. Thread-safe: items may be fetched in parallel.
 *
 * @param <I> the item type: {@link ExerciseItem}, {@link ActivityItem} or {@link PhysicalInfoItem}
 */
public final class Transaction<I> implements AutoCloseable {
  private final TransactionContext ctx;
  private final TransactionFamily<I> family;
  private final Map<Long, URI> urls;

  Transaction(TransactionContext ctx, TransactionFamily<I> family, Map<Long, URI> urls) {
    this.ctx = ctx;
    this.family = family;
    this.urls = urls;
  }

  /**
   * The kind of transaction.
   *
   * @return exercise, activity or physical information
   */
  public TransactionType type() {
    return ctx.type();
  }

  /**
   * The transaction id AccessLink assigned.
   *
   * @return the id
   */
  public long id() {
    return ctx.transactionId();
  }

  /**
   * The Polar user id the transaction belongs to.
   *
   * @return the user id
   */
  public long userId() {
    return ctx.userId();
  }

  /**
   * The ids of the items the transaction holds (the last segment of each listed URL), in AccessLink's order; at
   * most 50 for exercises and activities.
   *
   * @return the ids; empty when AccessLink listed no items (204)
   */
  public List<Long> itemIds() {
    return List.copyOf(urls.keySet());
  }

  /**
   * The absolute item URLs AccessLink listed, all checked to be on the API's origin. The SDK never requests them
   * directly; use {@link #item(long)}.
   *
   * @return the URLs in AccessLink's order; empty when there are none
   */
  public List<URI> itemUrls() {
    return List.copyOf(urls.values());
  }

  /**
   * Fetches one item's summary (one request, retried on network failures and 5xx).
   *
   * @param itemId one of {@link #itemIds()}
   * @return the item, or empty when AccessLink answers 204 "no data" for it
   * @throws IllegalArgumentException when the id is not one of {@link #itemIds()}
   * @throws IllegalStateException when the transaction was committed or closed
   * @throws TransactionGoneException when AccessLink answers 404
   */
  public Optional<I> item(long itemId) {
    URI url = urls.get(itemId);
    if (url == null) {
      throw new IllegalArgumentException(itemId + " is not an item of "
          + ctx.type().label() + " transaction " + id() + " (its items: " + urls.keySet() + ")");
    }
    ctx.ensureOpen();
    return family.item(ctx, itemId, url);
  }

  /**
   * Commits the transaction: AccessLink deletes its items and never offers them again. Call it only after every
   * item is stored. A commit is not retried after a network failure or a 5xx (only after a 429, which AccessLink
   * answers without processing the request); if it fails, the commit is unconfirmed and the transaction stays open
   * on this side, so you may call it again.
   *
   * @throws IllegalStateException when the transaction was already committed or closed
   * @throws TransactionGoneException when AccessLink answers 404: the transaction no longer exists, and nothing was
   *     committed
   */
  public void commit() {
    ctx.ensureOpen();
    try {
      ctx.http().transport().execute(family.commit(userId(), id()), Replay.REFUSED_ONLY);
    } catch (NotFoundException e) {
      ctx.close();
      throw TransactionFailures.gone(
          type(), id(), TransactionAbortedException.Stage.COMMITTING, null, 0, 0, e);
    }
    ctx.markCommitted();
  }

  /**
   * Whether the transaction is still open on this side (neither committed nor closed).
   *
   * @return true until {@link #commit()} succeeded or {@link #close()} was called
   */
  public boolean isOpen() {
    return ctx.state() == TransactionContext.State.OPEN;
  }

  /**
   * Whether {@link #commit()} succeeded.
   *
   * @return true after a successful commit
   */
  public boolean isCommitted() {
    return ctx.state() == TransactionContext.State.COMMITTED;
  }

  /**
   * Abandons the transaction unless it was committed. This is <em>not</em> a commit and sends no request: AccessLink
   * keeps the items and is expected to offer them again in a new transaction. Idempotent.
   */
  @Override
  public void close() {
    ctx.close();
  }

  @Override
  public String toString() {
    return "Transaction[type=" + type() + ", id=" + id() + ", userId=" + userId() + ", items="
        + urls.size() + ", state=" + ctx.state() + "]";
  }
}
