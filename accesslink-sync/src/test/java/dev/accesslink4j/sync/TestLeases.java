package dev.accesslink4j.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Leases as a shared store would keep them, in memory: the users held (by this engine or by "another process"), a
 * switch that makes every renewal fail (the lease expired and another process took the user), and counts of
 * renewals and closes.
 */
final class TestLeases implements UserLeases {
  private final Set<Long> held = ConcurrentHashMap.newKeySet();
  private final Set<Long> everAcquired = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean renewFails = new AtomicBoolean();
  private final AtomicInteger renewals = new AtomicInteger();
  private final AtomicInteger closes = new AtomicInteger();
  private final CountDownLatch refused = new CountDownLatch(1);
  private final Duration renewEvery;
  private final Duration stallLimit;

  TestLeases(Duration renewEvery) {
    this(renewEvery, Duration.ofMinutes(30));
  }

  TestLeases(Duration renewEvery, Duration stallLimit) {
    this.renewEvery = renewEvery;
    this.stallLimit = stallLimit;
  }

  @Override
  public Duration stallLimit() {
    return stallLimit;
  }

  /** Another process holds the user's lease. */
  void heldElsewhere(long userId) {
    held.add(userId);
  }

  /** From now on every renewal fails. */
  void failRenewals() {
    renewFails.set(true);
  }

  /** Waits until a renewal was refused (and a moment more, for the engine to take note). */
  void awaitRefusedRenewal() {
    try {
      if (!refused.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("no renewal was refused");
      }
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int renewals() {
    return renewals.get();
  }

  int closes() {
    return closes.get();
  }

  Set<Long> held() {
    return Set.copyOf(held);
  }

  Set<Long> everAcquired() {
    return Set.copyOf(everAcquired);
  }

  @Override
  public Optional<UserLease> tryAcquire(long userId) {
    if (!held.add(userId)) {
      return Optional.empty();
    }
    everAcquired.add(userId);
    return Optional.of(new UserLease() {
      private final AtomicBoolean closed = new AtomicBoolean();

      @Override
      public long userId() {
        return userId;
      }

      @Override
      public boolean renew() {
        renewals.incrementAndGet();
        if (renewFails.get()) {
          refused.countDown();
          return false;
        }
        return true;
      }

      @Override
      public void close() {
        if (closed.compareAndSet(false, true)) {
          closes.incrementAndGet();
          held.remove(userId);
        }
      }
    });
  }

  @Override
  public Duration renewEvery() {
    return renewEvery;
  }
}
