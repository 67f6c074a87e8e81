package dev.accesslink4j;

import dev.accesslink4j.errors.AccessLinkIOException;
import dev.accesslink4j.errors.NotFoundException;
import dev.accesslink4j.internal.InFlight;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The asynchronous mirror of a {@link UserClient}: any synchronous read, or any sequence of calls, becomes a
 * {@link CompletableFuture}. Obtained from {@link UserClient#async()}; immutable and thread-safe.
 *
 * <pre>{@code
 * var exercises = user.async().call(u -> u.exercises().list());
 * exercises.thenAccept(list -> System.out.println(list.size() + " exercises"));
 * }</pre>
 *
 * <p>A future completes with what the function returned, or exceptionally with the very exception the synchronous
 * call throws (a {@link NotFoundException}, an {@link AccessLinkIOException}…; {@code get()} wraps it in an
 * {@link java.util.concurrent.ExecutionException} and {@code join()} in a
 * {@link java.util.concurrent.CompletionException}, as usual). Retries happen inside the future, as they do
 * synchronously.
 *
 * <p>{@link CompletableFuture#cancel(boolean) Cancelling} a future returned by {@link #call(Function)} cancels the
 * HTTP request in flight (the connection is closed, a download stops), wakes a retry wait, and makes any later
 * request of that function fail at once. Futures derived from it ({@code thenApply}…) cancel only themselves, as
 * with any {@link CompletableFuture}.
 */
public final class AsyncUserClient {
  private final UserClient user;
  private final Executor executor;

  AsyncUserClient(UserClient user, Executor executor) {
    this.user = user;
    this.executor = executor;
  }

  /**
   * Runs calls of the user view on the executor.
   *
   * @param calls what to do with the user view, for example {@code u -> u.exercises().list()}
   * @param <T> the result type
   * @return a future of the function's result; cancelling it cancels the HTTP request in flight. If the executor
   *     refuses the task (the client was closed), the future fails with an {@link IllegalStateException}
   */
  public <T> CompletableFuture<T> call(Function<? super UserClient, ? extends T> calls) {
    Objects.requireNonNull(calls, "calls");
    InFlight inFlight = new InFlight();
    CancellableFuture<T> future = new CancellableFuture<>(inFlight);
    try {
      executor.execute(() -> {
        if (future.isDone()) {
          return; // cancelled before it started
        }
        try {
          future.complete(inFlight.run(() -> calls.apply(user)));
        } catch (Throwable t) {
          future.completeExceptionally(t);
        }
      });
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(new IllegalStateException(
          "the executor refused the call: is the AccessLink client closed?", e));
    }
    return future;
  }

  /**
   * The same view running on another executor.
   *
   * @param executor where calls run; it is never shut down by the SDK
   * @return a new asynchronous view
   */
  public AsyncUserClient withExecutor(Executor executor) {
    return new AsyncUserClient(user, Objects.requireNonNull(executor, "executor"));
  }

  /**
   * The synchronous view this one wraps.
   *
   * @return the user view
   */
  public UserClient sync() {
    return user;
  }

  @Override
  public String toString() {
    return "AsyncUserClient[" + user.token() + "]";
  }

  /** A future whose cancellation reaches the HTTP call. */
  private static final class CancellableFuture<T> extends CompletableFuture<T> {
    private final InFlight inFlight;

    CancellableFuture(InFlight inFlight) {
      this.inFlight = inFlight;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      if (cancelled) {
        inFlight.cancel();
      }
      return cancelled;
    }
  }
}
