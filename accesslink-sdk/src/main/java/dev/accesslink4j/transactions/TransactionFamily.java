package dev.accesslink4j.transactions;

import dev.accesslink4j.generated.api.ActivityTransactionsApi;
import dev.accesslink4j.generated.api.ExerciseTransactionsApi;
import dev.accesslink4j.generated.api.PhysicalInfoTransactionsApi;
import dev.accesslink4j.generated.model.ActivityUrls;
import dev.accesslink4j.generated.model.ExerciseUrls;
import dev.accesslink4j.generated.model.PhysicalInformationUrls;
import dev.accesslink4j.generated.model.TransactionLocation;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * The calls of one kind of transaction (create, list, item, commit), so that {@link TransactionsService} runs one
 * loop for all three kinds. Each kind is one row of method references into its generated interface: the three
 * interfaces share no type, but their operations have the same shape.
 *
 * @param <I> the item type handed to users
 */
@SuppressWarnings(
    "deprecation") // the transactional APIs are deprecated by Polar, and used deliberately
final class TransactionFamily<I> {
  /** A call about one transaction of one user. */
  @FunctionalInterface
  interface TransactionCall<T> {
    Call<T> of(long userId, long transactionId);
  }

  /** A call about one item of one transaction. */
  @FunctionalInterface
  interface ItemCall<T> {
    Call<T> of(long userId, long transactionId, long itemId);
  }

  /** Makes the item handed to users from what the item call answered. */
  @FunctionalInterface
  interface ItemMaker<S, I> {
    I make(TransactionContext ctx, long itemId, URI url, S summary);
  }

  /** Reads one item with its summary; empty when AccessLink answers 204. */
  @FunctionalInterface
  private interface ItemReader<I> {
    Optional<I> read(TransactionContext ctx, long itemId, URI url);
  }

  private final TransactionType type;
  private final LongFunction<Call<TransactionLocation>> create;
  private final TransactionCall<?> list;
  private final Function<TransactionContext, List<URI>> listedUrls;
  private final TransactionCall<Void> commit;
  private final ItemReader<I> item;

  private <L, S> TransactionFamily(
      TransactionType type,
      LongFunction<Call<TransactionLocation>> create,
      TransactionCall<L> list,
      Function<L, List<URI>> urls,
      TransactionCall<Void> commit,
      ItemCall<S> item,
      ItemMaker<S, I> maker) {
    this.type = type;
    this.create = create;
    this.list = list;
    this.listedUrls = ctx -> ctx.read(list.of(ctx.userId(), ctx.transactionId()), null)
        .body()
        .map(urls)
        .orElse(List.of());
    this.commit = commit;
    this.item =
        (ctx, itemId, url) -> ctx.read(item.of(ctx.userId(), ctx.transactionId(), itemId), itemId)
            .body()
            .map(summary -> maker.make(ctx, itemId, url, summary));
  }

  static TransactionFamily<ExerciseItem> exercises(Retrofit retrofit) {
    ExerciseTransactionsApi api = retrofit.create(ExerciseTransactionsApi.class);
    return new TransactionFamily<>(
        TransactionType.EXERCISE,
        api::createExerciseTransaction,
        api::getExerciseTransaction,
        ExerciseUrls::getExercises,
        api::commitExerciseTransaction,
        api::getTransactionExercise,
        (ctx, id, url, summary) -> new ExerciseItem(ctx, api, id, url, summary));
  }

  static TransactionFamily<ActivityItem> activities(Retrofit retrofit) {
    ActivityTransactionsApi api = retrofit.create(ActivityTransactionsApi.class);
    return new TransactionFamily<>(
        TransactionType.ACTIVITY,
        api::createActivityTransaction,
        api::getActivityTransaction,
        ActivityUrls::getActivityLog,
        api::commitActivityTransaction,
        api::getTransactionActivity,
        (ctx, id, url, summary) -> new ActivityItem(ctx, api, id, url, summary));
  }

  static TransactionFamily<PhysicalInfoItem> physicalInfo(Retrofit retrofit) {
    PhysicalInfoTransactionsApi api = retrofit.create(PhysicalInfoTransactionsApi.class);
    return new TransactionFamily<>(
        TransactionType.PHYSICAL_INFO,
        api::createPhysicalInfoTransaction,
        api::getPhysicalInfoTransaction,
        PhysicalInformationUrls::getPhysicalInformations,
        api::commitPhysicalInfoTransaction,
        api::getTransactionPhysicalInfo,
        PhysicalInfoItem::new);
  }

  TransactionType type() {
    return type;
  }

  Call<TransactionLocation> create(long userId) {
    return create.apply(userId);
  }

  /** The listed item URLs; empty for 204 or a missing array. */
  List<URI> list(TransactionContext ctx) {
    return listedUrls.apply(ctx);
  }

  /** The request that lists the transaction, for messages. */
  String listRequest(long userId, long transactionId) {
    return TransactionContext.describe(list.of(userId, transactionId).request());
  }

  Call<Void> commit(long userId, long transactionId) {
    return commit.of(userId, transactionId);
  }

  /** The item with its summary, or empty when AccessLink answers 204. */
  Optional<I> item(TransactionContext ctx, long itemId, URI url) {
    return item.read(ctx, itemId, url);
  }
}
