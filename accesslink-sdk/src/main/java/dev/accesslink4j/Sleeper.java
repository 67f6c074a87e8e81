package dev.accesslink4j;

import java.time.Duration;

/**
 * Waits between retry attempts. The default sleeps the calling thread; tests supply one that records the waits
 * instead, so retry behaviour is checked without real delays.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits for the given time.
   *
   * @param duration how long to wait
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The sleeper that blocks the calling thread.
   *
   * @return a sleeper backed by {@link Thread#sleep(long)}
   */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
