package dev.accesslink4j.transactions;

import dev.accesslink4j.internal.FileKind;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import retrofit2.Call;

/**
 * One item of an open transaction, as handed to your handler or returned by {@link Transaction#item(long)}: an
 * {@link ExerciseItem}, an {@link ActivityItem} or a {@link PhysicalInfoItem}. Every item knows the transaction it
 * was taken out of, its own id and the URL AccessLink listed for it; the subclasses add what was fetched and, for
 * exercises and activities, lazy reads of the rest.
 *
 * <p>Store items keyed by {@link #id()}: an item of a transaction that was not committed is offered again in a new
 * transaction, with the same id. Lazy reads work only while the transaction is open (they throw
 * {@link IllegalStateException} after the commit), return empty for AccessLink's 204 "no data" and throw
 * {@link dev.accesslink4j.errors.TransactionGoneException} for a 404.
 *
 * @param <S> what {@link #summary()} holds: the generated model of the item
 */
public abstract sealed class TransactionItem<S>
    permits ExerciseItem, ActivityItem, PhysicalInfoItem {
  private final TransactionContext ctx;
  private final long id;
  private final URI url;
  private final S summary;

  TransactionItem(TransactionContext ctx, long id, URI url, S summary) {
    this.ctx = ctx;
    this.id = id;
    this.url = url;
    this.summary = summary;
  }

  /**
   * The id of the transaction this item was taken out of.
   *
   * @return the transaction id
   */
  public final long transactionId() {
    return ctx.transactionId();
  }

  /**
   * The item's id within the transactional API (the last segment of its URL).
   *
   * @return the id; store items keyed by it, since an uncommitted item is offered again
   */
  public final long id() {
    return id;
  }

  /**
   * The absolute URL AccessLink listed for this item (on the API's own origin).
   *
   * @return the URL
   */
  public final URI url() {
    return url;
  }

  /**
   * What AccessLink answered for the item itself, fetched before your handler was called: an exercise's summary
   * (sport, start time, duration, heart rate, training load…), a day's activity summary (date, calories, active
   * calories, duration, active steps), or a physical-information snapshot (weight, height, heart rate limits,
   * thresholds, VO2max).
   *
   * @return the summary
   */
  public final S summary() {
    return summary;
  }

  @Override
  public final String toString() {
    return getClass().getSimpleName() + "[transactionId=" + transactionId() + ", id=" + id + "]";
  }

  /** The Polar user id the transaction belongs to, for the calls of the lazy reads. */
  final long userId() {
    return ctx.userId();
  }

  /** The API origin item URLs must be on. */
  final HttpUrl apiBase() {
    return ctx.http().apiBase();
  }

  /** Sends one lazy read of this item: its body, or empty for 204. */
  final <T> Optional<T> read(Call<T> call) {
    return ctx.read(call, id).body();
  }

  /** Streams one of this item's files into {@code out}, verified as {@code kind}; empty for 204. */
  final OptionalLong download(Call<ResponseBody> call, OutputStream out, FileKind kind) {
    return ctx.download(call, out, kind, id);
  }

  /** Writes one of this item's files to {@code target}, atomically and verified as {@code kind}; empty for 204. */
  final Optional<Path> download(Call<ResponseBody> call, Path target, FileKind kind) {
    return ctx.download(call, target, kind, id);
  }
}
