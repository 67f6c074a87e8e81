package dev.accesslink4j.transactions;

import dev.accesslink4j.ApiResponse;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.errors.TransactionAbortedException;
import dev.accesslink4j.errors.TransactionGoneException;
import dev.accesslink4j.internal.Deadline;
import dev.accesslink4j.internal.Downloads;
import dev.accesslink4j.internal.FileKind;
import dev.accesslink4j.internal.HttpStack;
import dev.accesslink4j.internal.Transport.Replay;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * The shared state of one open transaction: who it belongs to, whether it is still open, and the reads every item
 * makes (safe to retry, a 404 meaning the transaction is gone).
 */
final class TransactionContext {

  enum State {
    OPEN,
    COMMITTED,
    CLOSED
  }

  private final HttpStack http;
  private final TransactionType type;
  private final long userId;
  private final long transactionId;
  private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);

  TransactionContext(HttpStack http, TransactionType type, long userId, long transactionId) {
    this.http = http;
    this.type = type;
    this.userId = userId;
    this.transactionId = transactionId;
  }

  HttpStack http() {
    return http;
  }

  TransactionType type() {
    return type;
  }

  long userId() {
    return userId;
  }

  long transactionId() {
    return transactionId;
  }

  State state() {
    return state.get();
  }

  void markCommitted() {
    state.set(State.COMMITTED);
  }

  /** Abandons the transaction unless it was committed. */
  void close() {
    state.compareAndSet(State.OPEN, State.CLOSED);
  }

  void ensureOpen() {
    switch (state.get()) {
      case OPEN -> {
        return;
      }
      case COMMITTED ->
        throw new IllegalStateException(
            type.label() + " transaction " + transactionId
                + " is committed: AccessLink deleted its items, read them inside your handler (or before commit())");
      default ->
        throw new IllegalStateException(type.label() + " transaction " + transactionId
            + " was closed without a commit; open a new transaction to read its items again");
    }
  }

  /**
   * Executes a read of this transaction (retried as {@link Replay#SAFE}).
   *
   * @param itemId the item the read is about, or null for the list
   * @throws TransactionGoneException on 404
   */
  <T> ApiResponse<T> read(Call<T> call, @Nullable Long itemId) {
    ensureOpen();
    try {
      return http.transport().execute(call, Replay.SAFE);
    } catch (NotFoundException e) {
      throw gone(itemId, e);
    }
  }

  /**
   * Downloads an item's file into a stream, verified as {@code kind} (see {@link Downloads}); never repeated.
   *
   * @return the bytes written, or empty for 204
   * @throws TransactionGoneException on 404
   */
  OptionalLong download(Call<ResponseBody> call, OutputStream out, FileKind kind, long itemId) {
    String what = describe(call.request());
    Optional<Long> written = http.transport()
        .download(
            call,
            false,
            (attempt, deadline) -> open(attempt, deadline, itemId)
                .map(r -> Downloads.copy(r.body().orElseThrow(), r.status(), kind, out, what)));
    return written.map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  /**
   * Downloads an item's file into a file, verified as {@code kind}, atomically; started again after a broken or
   * damaged body as {@link dev.accesslink4j.internal.Transport#download} allows.
   *
   * @return the target, or empty for 204 (nothing written)
   * @throws TransactionGoneException on 404
   */
  Optional<Path> download(Call<ResponseBody> call, Path target, FileKind kind, long itemId) {
    String what = describe(call.request());
    // A failed attempt leaves no file behind, so the whole download is safe to start again.
    return http.transport()
        .download(
            call,
            true,
            (attempt, deadline) -> open(attempt, deadline, itemId)
                .map(r -> Downloads.toFile(
                    r.body().orElseThrow(), r.status(), kind, target, what, http.partFiles())));
  }

  /** Opens a download of this transaction; empty when the response carries no body (204). */
  private Optional<ApiResponse<ResponseBody>> open(
      Call<ResponseBody> call, Deadline deadline, long itemId) {
    ensureOpen();
    try {
      ApiResponse<ResponseBody> response = http.transport().open(call, deadline);
      return response.body().isPresent() ? Optional.of(response) : Optional.empty();
    } catch (NotFoundException e) {
      throw gone(itemId, e);
    }
  }

  private TransactionGoneException gone(@Nullable Long itemId, NotFoundException e) {
    return TransactionFailures.gone(
        type,
        transactionId,
        itemId == null
            ? TransactionAbortedException.Stage.LISTING
            : TransactionAbortedException.Stage.HANDLING_ITEM,
        itemId,
        0,
        0,
        e);
  }

  static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }
}
