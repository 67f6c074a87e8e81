package dev.accesslink4j.sync;

import dev.accesslink4j.errors.TransactionAbortedException;
import dev.accesslink4j.sync.internal.Fingerprints;
import dev.accesslink4j.transactions.ActivityItem;
import dev.accesslink4j.transactions.PhysicalInfoItem;
import dev.accesslink4j.transactions.Transaction;
import dev.accesslink4j.transactions.TransactionsService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A kind taken from Polar's deprecated transactional API: create a transaction, list it, fetch every item and deliver
 * it to the sink (for exercises also its files), and commit only after every item of the transaction was delivered;
 * repeat until AccessLink has nothing new (204: one request). An item that fails leaves the transaction uncommitted,
 * so Polar offers its items again in a later transaction, and the kind fails. The items keep the keys of the
 * non-transactional path, so a sink stays idempotent when a user switches modes.
 */
final class TransactionalSync implements KindSync {
  /** The kinds that have a transactional API. */
  static final Set<SyncKind> KINDS =
      Set.of(SyncKind.EXERCISES, SyncKind.DAILY_ACTIVITY, SyncKind.PHYSICAL_INFO);

  private final TransactionalExercises exercises;
  private final Clock clock;
  private final int lookBackDays;

  TransactionalSync(Set<ExerciseFormat> formats, Clock clock, int lookBackDays) {
    this.exercises = new TransactionalExercises(formats);
    this.clock = clock;
    this.lookBackDays = lookBackDays;
  }

  /** What is done with the items of one kind's transactions. */
  interface Items<I> {
    /** Called with a transaction's item ids before any is fetched. */
    default void opened(UserTurn user, List<Long> ids) throws Exception {}

    /** Delivers one item; returns how many items and files went to the sink. */
    int deliver(UserTurn user, I item) throws Exception;

    /** Called after the commit. */
    default void committed(UserTurn user) {}
  }

  @Override
  public int sync(UserTurn user, SyncKind kind, @Nullable Span dates) throws Exception {
    TransactionsService service = user.client().transactions().forUser(user.userId());
    return switch (kind) {
      case EXERCISES -> drain(user, kind, service::openExerciseTransaction, exercises.items());
      case DAILY_ACTIVITY -> drain(user, kind, service::openActivityTransaction, new Activities());
      case PHYSICAL_INFO ->
        drain(user, kind, service::openPhysicalInfoTransaction, new Snapshots());
      default -> throw new IllegalArgumentException(kind + " has no transactional API");
    };
  }

  private static <I> int drain(
      UserTurn user, SyncKind kind, Supplier<Optional<Transaction<I>>> open, Items<I> items)
      throws Exception {
    int delivered = 0;
    while (true) {
      user.request(kind); // create
      Optional<Transaction<I>> opened;
      try {
        opened = open.get();
      } catch (TransactionAbortedException e) {
        user.counted(kind); // the create was answered, the list failed: both were sent
        throw e;
      }
      if (opened.isEmpty()) {
        return delivered; // 204: nothing new
      }
      user.counted(kind); // the list, sent by the same call
      try (Transaction<I> transaction = opened.get()) {
        List<Long> ids = transaction.itemIds();
        items.opened(user, ids);
        for (long id : ids) {
          user.request(kind);
          Optional<I> item = transaction.item(id);
          if (item.isPresent()) {
            delivered += items.deliver(user, item.get());
          }
        }
        user.request(kind);
        transaction.commit(); // every item was delivered: AccessLink may delete them now
        items.committed(user);
        if (ids.isEmpty()) {
          return delivered; // an empty transaction: nothing new
        }
      }
    }
  }

  /** Activity summaries, by date as on the non-transactional path; a snapshot delivered before is skipped. */
  private final class Activities implements Items<ActivityItem> {
    @Override
    public int deliver(UserTurn user, ActivityItem item) throws Exception {
      LocalDate date = item.summary().getDate();
      String id = date == null ? "undated-" + item.id() : date.toString();
      return deliverOnce(user, SyncKind.DAILY_ACTIVITY, id, item.summary());
    }

    @Override
    public void committed(UserTurn user) {
      // committed days never come back; keep the recent ones, which the other mode may read
      KindState state = user.state().load(user.userId(), SyncKind.DAILY_ACTIVITY);
      String keepFrom = LocalDate.now(clock).minusDays(lookBackDays + 7L).toString();
      List<String> keep = new ArrayList<>();
      for (String id : state.ids()) {
        if (id.length() < 10 || id.substring(0, 10).compareTo(keepFrom) >= 0) {
          keep.add(id);
        }
      }
      KindState pruned = state.retainAll(keep);
      if (!pruned.equals(state)) {
        user.state().save(user.userId(), SyncKind.DAILY_ACTIVITY, pruned);
      }
    }
  }

  /**
   * Physical-information snapshots, by their id in the transactional API (the non-transactional path has one
   * item, {@code current}, which a history of snapshots cannot share). Forgotten once committed: they never come
   * back.
   */
  private static final class Snapshots implements Items<PhysicalInfoItem> {
    private final List<String> delivered = new ArrayList<>();

    @Override
    public int deliver(UserTurn user, PhysicalInfoItem item) throws Exception {
      String id = Long.toString(item.id());
      delivered.add(id);
      return deliverOnce(user, SyncKind.PHYSICAL_INFO, id, item.summary());
    }

    @Override
    public void committed(UserTurn user) {
      KindState state = user.state().load(user.userId(), SyncKind.PHYSICAL_INFO);
      KindState next = state;
      for (String id : delivered) {
        next = next.without(id);
      }
      delivered.clear();
      if (!next.equals(state)) {
        user.state().save(user.userId(), SyncKind.PHYSICAL_INFO, next);
      }
    }
  }

  /**
   * Delivers an item unless the same content was delivered under its key before (an uncommitted transaction
   * offered again), and records it.
   */
  private static int deliverOnce(UserTurn user, SyncKind kind, String id, Object value)
      throws Exception {
    SyncItem item = new SyncItem(user.userId(), kind, id, value);
    long fingerprint = Fingerprints.of(item.json());
    KindState state = user.state().load(user.userId(), kind);
    if (state.fingerprint(id).orElse(~fingerprint) == fingerprint) {
      return 0;
    }
    user.deliver(item);
    user.state().save(user.userId(), kind, state.with(id, fingerprint));
    return 1;
  }
}
