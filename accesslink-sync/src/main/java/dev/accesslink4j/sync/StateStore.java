package dev.accesslink4j.sync;

import java.util.Optional;

/**
 * What was delivered, per user and kind. The engine loads a user's state before syncing a kind and saves it after
 * the sink returned for the items it records, so a crash between the two repeats an item rather than losing it.
 * Saves for one user and kind come from one thread at a time, in order; saves for different users may come at once,
 * so implementations must be thread-safe.
 *
 * <p>The interface is small on purpose: a shared store (a database table keyed by user and kind) implements it for
 * several engine processes, each syncing its own users.
 */
public interface StateStore {
  /**
   * The state of a user and kind.
   *
   * @param userId the Polar user id
   * @param kind the data kind
   * @return the state, {@link KindState#empty()} when nothing was delivered yet
   */
  KindState load(long userId, SyncKind kind);

  /**
   * Replaces the state of a user and kind. When this returns, a later {@link #load} in this process sees it, and a
   * process that crashes afterwards finds it after restart (or an earlier state: never a later one).
   *
   * @param userId the Polar user id
   * @param kind the data kind
   * @param state the new state
   */
  void save(long userId, SyncKind kind, KindState state);

  /**
   * The hold of a user whose token or consent AccessLink refused in an earlier run. The default keeps no holds (every
   * user is tried on every run); {@link FileStateStore} and {@link InMemoryStateStore} keep them.
   *
   * @param userId the Polar user id
   * @return the hold, or empty when the user is not held
   */
  default Optional<UserHold> loadHold(long userId) {
    return Optional.empty();
  }

  /**
   * Records (or replaces) the hold of a user. The default does nothing.
   *
   * @param userId the Polar user id
   * @param hold why the user is held, with the refused token's fingerprint
   */
  default void saveHold(long userId, UserHold hold) {}

  /**
   * Forgets the hold of a user (the user synced again). The default does nothing.
   *
   * @param userId the Polar user id
   */
  default void clearHold(long userId) {}

  /**
   * Makes every saved state durable; called by the engine at the end of every run. The default does nothing.
   */
  default void flush() {}
}
