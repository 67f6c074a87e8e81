package dev.accesslink4j.transactions;

import dev.accesslink4j.errors.TransactionGoneException;
import dev.accesslink4j.generated.api.ActivityTransactionsApi;
import dev.accesslink4j.generated.model.Activity;
import dev.accesslink4j.generated.model.ActivityStepSamples;
import dev.accesslink4j.generated.model.ActivityZoneSamples;
import java.net.URI;
import java.util.Optional;

/**
 * One daily activity summary of an open activity transaction: the summary, fetched already, and lazy access to the
 * day's step and activity-zone samples. The summary is a snapshot taken when the transaction was created; day
 * boundaries follow the device clock. Each lazy method sends one request (retried on network failures and 5xx) and
 * works only while the transaction is open; after the commit it throws {@link IllegalStateException}.
 *
 * <p>Lazy methods return empty for AccessLink's 204 "no data" and throw {@link TransactionGoneException} for a 404.
 */
@SuppressWarnings(
    "deprecation") // the transactional activity API is deprecated by Polar, and used deliberately
public final class ActivityItem extends TransactionItem<Activity> {
  private final ActivityTransactionsApi api;

  ActivityItem(
      TransactionContext ctx, ActivityTransactionsApi api, long id, URI url, Activity summary) {
    super(ctx, id, url, summary);
    this.api = api;
  }

  /**
   * The day's step counts per segment; {@code interval} is the segment length in minutes and each value counts
   * the steps of its own segment (not cumulative).
   *
   * @return the samples, or empty when there are none (204)
   */
  public Optional<ActivityStepSamples> stepSamples() {
    return read(api.getTransactionActivityStepSamples(userId(), transactionId(), id()));
  }

  /**
   * The time spent in each activity intensity zone per segment of {@code interval} minutes.
   *
   * @return the samples, or empty when there are none (204)
   */
  public Optional<ActivityZoneSamples> zoneSamples() {
    return read(api.getTransactionActivityZoneSamples(userId(), transactionId(), id()));
  }
}
