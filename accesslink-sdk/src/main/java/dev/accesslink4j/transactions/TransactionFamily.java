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
import retrofit2.Call;
import retrofit2.Retrofit;

/**
 * The calls of one kind of transaction (create, list, item, commit), so that {@link TransactionsService} runs one
 * loop for all three kinds.
 *
 * @param <I> the item type handed to users
 */
@SuppressWarnings(
    "deprecation") // the transactional APIs are deprecated by Polar, and used deliberately
abstract class TransactionFamily<I> {
  private final TransactionType type;

  private TransactionFamily(TransactionType type) {
    this.type = type;
  }

  final TransactionType type() {
    return type;
  }

  abstract Call<TransactionLocation> create(long userId);

  /** The listed item URLs; empty for 204 or a missing array. */
  abstract List<URI> list(TransactionContext ctx);

  /** The request that lists the transaction, for messages. */
  abstract String listRequest(long userId, long transactionId);

  abstract Call<Void> commit(long userId, long transactionId);

  /** The item with its summary, or empty when AccessLink answers 204. */
  abstract Optional<I> item(TransactionContext ctx, long itemId, URI url);

  private static <T> List<URI> urls(
      Optional<T> body, java.util.function.Function<T, List<URI>> field) {
    return body.map(field).orElse(List.of());
  }

  static final class ExerciseFamily extends TransactionFamily<ExerciseItem> {
    private final ExerciseTransactionsApi api;

    ExerciseFamily(Retrofit retrofit) {
      super(TransactionType.EXERCISE);
      this.api = retrofit.create(ExerciseTransactionsApi.class);
    }

    @Override
    Call<TransactionLocation> create(long userId) {
      return api.createExerciseTransaction(userId);
    }

    @Override
    List<URI> list(TransactionContext ctx) {
      Optional<ExerciseUrls> body = ctx.read(
              api.getExerciseTransaction(ctx.userId(), ctx.transactionId()), null)
          .body();
      return urls(body, ExerciseUrls::getExercises);
    }

    @Override
    String listRequest(long userId, long transactionId) {
      return TransactionContext.describe(
          api.getExerciseTransaction(userId, transactionId).request());
    }

    @Override
    Call<Void> commit(long userId, long transactionId) {
      return api.commitExerciseTransaction(userId, transactionId);
    }

    @Override
    Optional<ExerciseItem> item(TransactionContext ctx, long itemId, URI url) {
      return ctx.read(api.getTransactionExercise(ctx.userId(), ctx.transactionId(), itemId), itemId)
          .body()
          .map(summary -> new ExerciseItem(ctx, api, itemId, url, summary));
    }
  }

  static final class ActivityFamily extends TransactionFamily<ActivityItem> {
    private final ActivityTransactionsApi api;

    ActivityFamily(Retrofit retrofit) {
      super(TransactionType.ACTIVITY);
      this.api = retrofit.create(ActivityTransactionsApi.class);
    }

    @Override
    Call<TransactionLocation> create(long userId) {
      return api.createActivityTransaction(userId);
    }

    @Override
    List<URI> list(TransactionContext ctx) {
      Optional<ActivityUrls> body = ctx.read(
              api.getActivityTransaction(ctx.userId(), ctx.transactionId()), null)
          .body();
      return urls(body, ActivityUrls::getActivityLog);
    }

    @Override
    String listRequest(long userId, long transactionId) {
      return TransactionContext.describe(
          api.getActivityTransaction(userId, transactionId).request());
    }

    @Override
    Call<Void> commit(long userId, long transactionId) {
      return api.commitActivityTransaction(userId, transactionId);
    }

    @Override
    Optional<ActivityItem> item(TransactionContext ctx, long itemId, URI url) {
      return ctx.read(api.getTransactionActivity(ctx.userId(), ctx.transactionId(), itemId), itemId)
          .body()
          .map(summary -> new ActivityItem(ctx, api, itemId, url, summary));
    }
  }

  static final class PhysicalInfoFamily extends TransactionFamily<PhysicalInfoItem> {
    private final PhysicalInfoTransactionsApi api;

    PhysicalInfoFamily(Retrofit retrofit) {
      super(TransactionType.PHYSICAL_INFO);
      this.api = retrofit.create(PhysicalInfoTransactionsApi.class);
    }

    @Override
    Call<TransactionLocation> create(long userId) {
      return api.createPhysicalInfoTransaction(userId);
    }

    @Override
    List<URI> list(TransactionContext ctx) {
      Optional<PhysicalInformationUrls> body = ctx.read(
              api.getPhysicalInfoTransaction(ctx.userId(), ctx.transactionId()), null)
          .body();
      return urls(body, PhysicalInformationUrls::getPhysicalInformations);
    }

    @Override
    String listRequest(long userId, long transactionId) {
      return TransactionContext.describe(
          api.getPhysicalInfoTransaction(userId, transactionId).request());
    }

    @Override
    Call<Void> commit(long userId, long transactionId) {
      return api.commitPhysicalInfoTransaction(userId, transactionId);
    }

    @Override
    Optional<PhysicalInfoItem> item(TransactionContext ctx, long itemId, URI url) {
      return ctx.read(
              api.getTransactionPhysicalInfo(ctx.userId(), ctx.transactionId(), itemId), itemId)
          .body()
          .map(snapshot -> new PhysicalInfoItem(ctx.transactionId(), itemId, url, snapshot));
    }
  }
}
