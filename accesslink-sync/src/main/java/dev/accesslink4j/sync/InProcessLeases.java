package dev.accesslink4j.sync;

import java.time.Duration;
import java.util.Optional;

/** {@link UserLeases#inProcess()}: grants every lease, since one engine never syncs a user twice at once. */
enum InProcessLeases implements UserLeases {
  INSTANCE;

  @Override
  public Optional<UserLease> tryAcquire(long userId) {
    return Optional.of(new UserLease() {
      @Override
      public long userId() {
        return userId;
      }

      @Override
      public boolean renew() {
        return true;
      }

      @Override
      public void close() {}
    });
  }

  @Override
  public Duration renewEvery() {
    return Duration.ofDays(1);
  }
}
