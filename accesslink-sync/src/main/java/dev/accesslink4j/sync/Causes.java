package dev.accesslink4j.sync;

import org.jspecify.annotations.Nullable;

/** Looks through a failure's causes: the SDK, the transactional API and sinks wrap what a request threw. */
final class Causes {
  private Causes() {}

  /**
   * The first throwable of the type in the cause chain.
   *
   * @param failure the failure
   * @param type the type
   * @return it, or null when the chain has none
   */
  static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
    int depth = 0;
    for (Throwable c = failure; c != null && depth < 32; c = c.getCause(), depth++) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
