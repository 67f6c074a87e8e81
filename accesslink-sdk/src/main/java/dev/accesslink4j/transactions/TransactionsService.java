package dev.accesslink4j.transactions;

import dev.accesslink4j.AccessToken;
import dev.accesslink4j.ApiResponse;
import dev.accesslink4j.RetryPolicy;
import dev.accesslink4j.UserClient;
import dev.accesslink4j.errors.AccessLinkException;
import dev.accesslink4j.errors.ConsentRequiredException;
import dev.accesslink4j.errors.InvalidResponseException;
import dev.accesslink4j.errors.TransactionAbortedException;
import dev.accesslink4j.errors.TransactionGoneException;
import dev.accesslink4j.errors.UnauthorizedException;
import dev.accesslink4j.generated.model.TransactionLocation;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.ServiceContext;
import dev.accesslink4j.internal.Transport.Replay;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * AccessLink's transactions (exercises, daily activity, physical information), taken out safely.
 *
 * <p>AccessLink hands out these data only in transactions: create one (it holds what is new, at most 50 exercises or
 * activity summaries), list its item URLs, fetch each item, then commit, after which AccessLink <em>deletes</em> the
 * items and never offers them again; repeat until create answers 204 "nothing new". The safe loops
 * {@link #exercises(ExerciseHandler)}, {@link #activities(ActivityHandler)} and
 * {@link #physicalInfo(PhysicalInfoHandler)} do all of this and commit a transaction only after your handler
 * returned normally for every one of its items; on any failure they stop without committing and throw a
 * {@link TransactionAbortedException} that names the transaction and the item. The {@code open…Transaction()}
 * methods give you the same steps one at a time ({@link Transaction}).
 *
 * <pre>{@code
 * TransactionResult result = user.transactions().forUser(polarUserId).exercises(item -> {
 *   store(item.id(), item.summary());
 *   item.downloadFit(dir.resolve(item.id() + ".fit"));
 * });
 * }</pre>
 *
 * <p><b>The Polar user id.</b> Transaction paths contain the Polar user id ({@code x_user_id} of the token
 * response, also {@link AccessToken#userId()}). Call {@link #forUser(long)} with the id you stored when the user
 * linked; this service never guesses it, and the methods that need it throw {@link IllegalStateException} while it
 * is unknown.
 *
 * <p><b>What you get.</b> Only data uploaded to Flow after the user was registered with your client, and only from
 * the last 28 days (Polar says 28 in one place and 30 in another): run the loop more often than that. Polar
 * documents no lifetime for an open transaction; a 404 on any step means the transaction is gone
 * ({@link TransactionGoneException}) and a new run is expected to offer its items again, so store items
 * idempotently, keyed by their id.
 *
 * <p><b>Retries.</b> Reads (list, items, files, samples) are retried on network failures, timeouts, 408 and 5xx as
 * the client's {@link RetryPolicy} allows. Create and commit change state and are retried only after a 429, which
 * AccessLink answers without processing the request: a create resent after a lost response could open a second
 * transaction, and a commit is never resent blindly. A failed create throws the underlying exception (no transaction
 * was opened, or none can be addressed); run again.
 *
 * <p><b>Deprecation.</b> Polar deprecated exercise and activity transactions on 18.08.2025 (use
 * {@link UserClient#exercises()} and {@link UserClient#activities()}) and physical-information transactions in
 * January 2026 (use {@link UserClient#physicalInfo()}). They still work, and this service remains for clients that
 * depend on the transactional model.
 */
public final class TransactionsService {
  private final HttpStack http;
  private final TransactionFamily<ExerciseItem> exerciseFamily;
  private final TransactionFamily<ActivityItem> activityFamily;
  private final TransactionFamily<PhysicalInfoItem> physicalInfoFamily;
  private final @Nullable Long userId;

  /**
   * Creates the service for a user whose Polar id may already be known (from {@link AccessToken#userId()}).
   * Applications get it from {@link UserClient#transactions()}; the constructor is public only for the client, which
   * lives in another package, and takes its internals.
   *
   * @param context the client's stack and the user's credential view (internal: not a public API)
   * @param userId the Polar user id, or null when the token does not carry it
   */
  @SuppressWarnings("exports") // ServiceContext is internal: outside this module nobody can name it
  public TransactionsService(ServiceContext context, @Nullable Long userId) {
    this(
        context.http(),
        TransactionFamily.exercises(context.retrofit()),
        TransactionFamily.activities(context.retrofit()),
        TransactionFamily.physicalInfo(context.retrofit()),
        userId == null ? null : checkedUserId(userId));
  }

  private TransactionsService(
      HttpStack http,
      TransactionFamily<ExerciseItem> exerciseFamily,
      TransactionFamily<ActivityItem> activityFamily,
      TransactionFamily<PhysicalInfoItem> physicalInfoFamily,
      @Nullable Long userId) {
    this.http = http;
    this.exerciseFamily = exerciseFamily;
    this.activityFamily = activityFamily;
    this.physicalInfoFamily = physicalInfoFamily;
    this.userId = userId;
  }

  /**
   * This service for the given Polar user id: the {@code x_user_id} of the token response
   * ({@link AccessToken#userId()}), which you store with the token when the user links. It must be the id of the
   * user whose token this client sends.
   *
   * @param polarUserId the Polar user id
   * @return a service bound to that id (this service is unchanged)
   * @throws IllegalArgumentException when the id is not positive
   */
  public TransactionsService forUser(long polarUserId) {
    return new TransactionsService(
        http, exerciseFamily, activityFamily, physicalInfoFamily, checkedUserId(polarUserId));
  }

  /**
   * The Polar user id the transaction paths use.
   *
   * @return the id, or empty until {@link #forUser(long)} set it
   */
  public OptionalLong userId() {
    return userId == null ? OptionalLong.empty() : OptionalLong.of(userId);
  }

  /**
   * Takes out every new training session: loops create, list, fetch each session's summary, hand it to
   * {@code handler}, commit, until AccessLink answers "nothing new". A transaction is committed only after the
   * handler returned normally for every one of its sessions; inside the handler the item also fetches the FIT, TCX
   * and GPX files, zones and samples on demand. Sessions AccessLink answers with 204 "no data" are skipped and counted.
   *
   * @param handler your code that stores one session; throw to abort without a commit
   * @return how many transactions were committed and how many sessions handled; all zero when nothing was new
   * @throws TransactionAbortedException when listing, fetching a session, the handler or the commit failed: the
   *     failing transaction is not committed (for a failed commit: not confirmed), the message names it and the item
   * @throws TransactionGoneException when AccessLink answered 404 for the open transaction; run again
   * @throws AccessLinkException when the create failed, unwrapped (such as {@link ConsentRequiredException} or
   *     {@link UnauthorizedException}): no transaction was opened, or none can be addressed
   * @throws IllegalStateException when the Polar user id is unknown (see {@link #forUser(long)})
   */
  public TransactionResult exercises(ExerciseHandler handler) {
    return drain(exerciseFamily, handler::handle);
  }

  /**
   * Takes out every new daily activity summary: loops create, list, fetch each summary, hand it to {@code handler},
   * commit, until AccessLink answers "nothing new". A transaction is committed only after the handler returned
   * normally for every one of its summaries; inside the handler the item also fetches the day's step and zone
   * samples on demand. Summaries AccessLink answers with 204 "no data" are skipped and counted.
   *
   * @param handler your code that stores one summary; throw to abort without a commit
   * @return how many transactions were committed and how many summaries handled; all zero when nothing was new
   * @throws TransactionAbortedException when listing, fetching a summary, the handler or the commit failed: the
   *     failing transaction is not committed (for a failed commit: not confirmed), the message names it and the item
   * @throws TransactionGoneException when AccessLink answered 404 for the open transaction; run again
   * @throws AccessLinkException when the create failed, unwrapped (no transaction to name)
   * @throws IllegalStateException when the Polar user id is unknown (see {@link #forUser(long)})
   */
  public TransactionResult activities(ActivityHandler handler) {
    return drain(activityFamily, handler::handle);
  }

  /**
   * Takes out every new physical-information snapshot: loops create, list, fetch each snapshot, hand it to
   * {@code handler}, commit, until AccessLink answers "nothing new". A transaction is committed only after the
   * handler returned normally for every one of its snapshots. Snapshots AccessLink answers with 204 "no data" are
   * skipped and counted.
   *
   * @param handler your code that stores one snapshot; throw to abort without a commit
   * @return how many transactions were committed and how many snapshots handled; all zero when nothing was new
   * @throws TransactionAbortedException when listing, fetching a snapshot, the handler or the commit failed: the
   *     failing transaction is not committed (for a failed commit: not confirmed), the message names it and the item
   * @throws TransactionGoneException when AccessLink answered 404 for the open transaction; run again
   * @throws AccessLinkException when the create failed, unwrapped (no transaction to name)
   * @throws IllegalStateException when the Polar user id is unknown (see {@link #forUser(long)})
   */
  public TransactionResult physicalInfo(PhysicalInfoHandler handler) {
    return drain(physicalInfoFamily, handler::handle);
  }

  /**
   * Opens an exercise transaction and lists its sessions, for step-by-step control; prefer
   * {@link #exercises(ExerciseHandler)}. Commit it only after every session is stored; closing it does not commit.
   *
   * @return the open transaction, or empty when AccessLink has nothing new (204)
   * @throws TransactionAbortedException when the transaction was opened but listing it failed (it names the
   *     transaction, which stays uncommitted)
   * @throws TransactionGoneException when listing answered 404
   * @throws AccessLinkException when the create failed, unwrapped (no transaction to name)
   * @throws IllegalStateException when the Polar user id is unknown (see {@link #forUser(long)})
   */
  public Optional<Transaction<ExerciseItem>> openExerciseTransaction() {
    return open(exerciseFamily, requireUserId(), 0);
  }

  /**
   * Opens an activity transaction and lists its daily summaries, for step-by-step control; prefer
   * {@link #activities(ActivityHandler)}. Commit it only after every summary is stored; closing it does not commit.
   *
   * @return the open transaction, or empty when AccessLink has nothing new (204)
   * @throws TransactionAbortedException when the transaction was opened but listing it failed
   * @throws TransactionGoneException when listing answered 404
   * @throws AccessLinkException when the create failed, unwrapped (no transaction to name)
   * @throws IllegalStateException when the Polar user id is unknown (see {@link #forUser(long)})
   */
  public Optional<Transaction<ActivityItem>> openActivityTransaction() {
    return open(activityFamily, requireUserId(), 0);
  }

  /**
   * Opens a physical-information transaction and lists its snapshots, for step-by-step control; prefer
   * {@link #physicalInfo(PhysicalInfoHandler)}. Commit it only after every snapshot is stored; closing it does not
   * commit.
   *
   * @return the open transaction, or empty when AccessLink has nothing new (204)
   * @throws TransactionAbortedException when the transaction was opened but listing it failed
   * @throws TransactionGoneException when listing answered 404
   * @throws AccessLinkException when the create failed, unwrapped (no transaction to name)
   * @throws IllegalStateException when the Polar user id is unknown (see {@link #forUser(long)})
   */
  public Optional<Transaction<PhysicalInfoItem>> openPhysicalInfoTransaction() {
    return open(physicalInfoFamily, requireUserId(), 0);
  }

  /** A handler of any item type; the three public handler interfaces adapt to it. */
  @FunctionalInterface
  private interface Handler<I> {
    void handle(I item) throws Exception;
  }

  private <I> TransactionResult drain(TransactionFamily<I> family, Handler<I> handler) {
    long user = requireUserId();
    TransactionType type = family.type();
    int committed = 0;
    int handled = 0;
    int withoutData = 0;
    while (true) {
      Optional<Transaction<I>> opened = open(family, user, committed);
      if (opened.isEmpty()) {
        break;
      }
      int handledHere = 0;
      int withoutDataHere = 0;
      List<Long> ids;
      try (Transaction<I> tx = opened.get()) {
        ids = tx.itemIds();
        for (int i = 0; i < ids.size(); i++) {
          long itemId = ids.get(i);
          Optional<I> item;
          try {
            item = tx.item(itemId);
          } catch (TransactionGoneException e) {
            throw regone(e, itemId, handledHere, committed);
          } catch (AccessLinkException e) {
            throw TransactionFailures.item(
                type, tx.id(), itemId, i + 1, ids.size(), false, handledHere, committed, e);
          }
          if (item.isEmpty()) {
            withoutDataHere++;
            continue;
          }
          try {
            handler.handle(item.get());
          } catch (Exception e) {
            if (e instanceof InterruptedException) {
              Thread.currentThread().interrupt();
            }
            if (e instanceof TransactionGoneException gone
                && gone.type() == type
                && gone.transactionId() == tx.id()) {
              throw regone(gone, itemId, handledHere, committed);
            }
            throw TransactionFailures.item(
                type, tx.id(), itemId, i + 1, ids.size(), true, handledHere, committed, e);
          }
          handledHere++;
        }
        try {
          tx.commit();
        } catch (TransactionGoneException e) {
          throw TransactionFailures.gone(
              type,
              tx.id(),
              TransactionAbortedException.Stage.COMMITTING,
              null,
              handledHere,
              committed,
              e.notFound());
        } catch (AccessLinkException e) {
          throw TransactionFailures.commit(type, tx.id(), handledHere, committed, e);
        }
      }
      committed++;
      handled += handledHere;
      withoutData += withoutDataHere;
      if (ids.isEmpty()) {
        // An empty transaction means nothing new; stop rather than risk opening empty transactions
        // forever.
        break;
      }
    }
    return new TransactionResult(committed, handled, withoutData);
  }

  private static TransactionGoneException regone(
      TransactionGoneException e, long itemId, int itemsHandled, int transactionsCommitted) {
    return TransactionFailures.gone(
        e.type(),
        e.transactionId(),
        TransactionAbortedException.Stage.HANDLING_ITEM,
        itemId,
        itemsHandled,
        transactionsCommitted,
        e.notFound());
  }

  private <I> Optional<Transaction<I>> open(
      TransactionFamily<I> family, long user, int committedBefore) {
    TransactionType type = family.type();
    Call<TransactionLocation> create = family.create(user);
    String createRequest = TransactionContext.describe(create.request());
    ApiResponse<TransactionLocation> created =
        http.transport().execute(create, Replay.REFUSED_ONLY);
    Optional<TransactionLocation> location = created.body();
    if (location.isEmpty()) {
      return Optional.empty(); // 204: nothing new
    }
    Long transactionId = location.get().getTransactionId();
    if (transactionId == null || transactionId <= 0) {
      throw new InvalidResponseException(
          createRequest + " answered HTTP " + created.status()
              + " without a valid transaction-id: a "
              + type.label()
              + " transaction may have been opened but cannot be addressed, so nothing was read or"
              + " committed",
          created.status(),
          "",
          new IllegalArgumentException("transaction-id is " + transactionId));
    }
    TransactionContext ctx = new TransactionContext(http, type, user, transactionId);
    try {
      List<URI> urls = family.list(ctx);
      String listRequest = family.listRequest(user, transactionId);
      Map<Long, URI> items = new LinkedHashMap<>();
      for (URI url : urls) {
        try {
          if (url == null) {
            throw new IllegalArgumentException("it is null");
          }
          items.putIfAbsent(ItemUrls.itemId(http.apiBase(), url, type, transactionId), url);
        } catch (IllegalArgumentException e) {
          throw ItemUrls.rejected(listRequest, url, e);
        }
      }
      return Optional.of(new Transaction<>(ctx, family, Collections.unmodifiableMap(items)));
    } catch (TransactionGoneException e) {
      throw TransactionFailures.gone(
          type,
          transactionId,
          TransactionAbortedException.Stage.LISTING,
          null,
          0,
          committedBefore,
          e.notFound());
    } catch (AccessLinkException e) {
      throw TransactionFailures.listing(type, transactionId, committedBefore, e);
    }
  }

  private long requireUserId() {
    if (userId == null) {
      throw new IllegalStateException(
          "the Polar user id is unknown: transaction paths need it, and this token does not carry it; call"
              + " transactions().forUser(polarUserId) with the x_user_id you stored when the user linked");
    }
    return userId;
  }

  private static long checkedUserId(long polarUserId) {
    if (polarUserId <= 0) {
      throw new IllegalArgumentException(
          "a Polar user id is a positive number, not " + polarUserId);
    }
    return polarUserId;
  }

  @Override
  public String toString() {
    return "TransactionsService[userId=" + userId + "]";
  }
}
