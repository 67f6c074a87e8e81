package dev.accesslink4j.internal;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * The cancellation handle of one asynchronous task. While the task runs on its worker thread, the {@link Transport}
 * registers each HTTP call it makes here; {@link #cancel()} cancels the call in flight (which also aborts a body
 * being streamed), wakes a retry wait, and makes any later call of the task fail at once.
 */
public final class InFlight {
  private static final ThreadLocal<InFlight> CURRENT = new ThreadLocal<>();

  private boolean cancelled; // guarded by this
  private @Nullable Call<?> call; // guarded by this
  private @Nullable Thread sleeping; // guarded by this

  /** Creates a handle that is not cancelled. */
  public InFlight() {}

  /**
   * Runs a task on the current thread with this handle in force.
   *
   * @param task the task
   * @param <T> the result type
   * @return what the task returned
   */
  public <T> T run(Supplier<T> task) {
    InFlight outer = CURRENT.get();
    CURRENT.set(this);
    try {
      return task.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Cancels the call in flight and every later one, and wakes a retry wait. Idempotent. */
  public void cancel() {
    Call<?> toCancel;
    synchronized (this) {
      cancelled = true;
      toCancel = call;
      if (sleeping != null) {
        sleeping.interrupt();
      }
    }
    if (toCancel != null) {
      toCancel.cancel();
    }
  }

  /**
   * Tells whether {@link #cancel()} was called.
   *
   * @return true once cancelled
   */
  public synchronized boolean isCancelled() {
    return cancelled;
  }

  static @Nullable InFlight current() {
    return CURRENT.get();
  }

  /** Registers the call about to be executed; cancels it at once if the task is already cancelled. */
  void attach(Call<?> next) {
    boolean cancelNow;
    synchronized (this) {
      call = next;
      cancelNow = cancelled;
    }
    if (cancelNow) {
      next.cancel();
    }
  }

  /**
   * Marks the current thread as waiting to retry, so that {@link #cancel()} interrupts the wait.
   *
   * @return false if the task is already cancelled (and no wait should start)
   */
  synchronized boolean enterSleep() {
    if (cancelled) {
      return false;
    }
    sleeping = Thread.currentThread();
    return true;
  }

  /** Ends a retry wait, clearing an interrupt that {@link #cancel()} delivered to it. */
  synchronized void exitSleep() {
    sleeping = null;
    if (cancelled) {
      Thread.interrupted();
    }
  }
}
